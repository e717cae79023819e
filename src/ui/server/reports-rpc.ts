/** The sidebar's reports and printing: the periodic report and the publication, the dashboard, QR posters, stickers and slips. */
import { createReport, type ReportRequest } from '../../services/reports/report';
import { createPublication } from '../../services/reports/publication';
import { createPosters, createStickers, placeLinks, type PlaceLink } from '../../services/documents/posters';
import { createPaperSlips, type PaperSlipRequest } from '../../services/documents/paper-slips';
import type { WrittenDoc } from '../../services/platform/doc-writer';
import { vietnamDayOf } from '../../domain/calendar/civil-date';
import { fields, text } from '../../domain/input';
import { canSee, seesEveryCase } from '../../domain/permissions';
import { buildDashboard, type Dashboard } from '../../domain/report/dashboard';
import { staffCall } from '../../services/access/caller';
import { readIndex } from '../../services/cases/store';
import { rpc } from './rpc';

/** A place's title as chosen in the sidebar ('' for every place). */
const PLACE_MAX = 200;

export function report(request: unknown): WrittenDoc {
  return rpc('reports', () => {
    const { rt, actor } = staffCall('makeReports');
    return createReport(rt, actor, fields(request, 40) as unknown as ReportRequest);
  });
}

/** "Tổng quan": read from the index column alone, so its cost does not grow with the number of cases. */
export function dashboard(): Dashboard {
  return rpc('reports', () => {
    const { rt, actor } = staffCall('viewDashboard');
    // Someone who sees only their body's cases gets a dashboard of those, marked partial.
    const entries = readIndex(SpreadsheetApp.getActive(), rt).filter((e) => canSee(actor, e));
    return buildDashboard(entries, vietnamDayOf(new Date()), rt.calendar, { rule: rt.settings.report.cutoff, groups: rt.settings.groups, deadlineDays: rt.settings.deadlineDays }, !seesEveryCase(actor));
  });
}

export function publication(request: unknown): WrittenDoc {
  return rpc('reports', () => {
    const { rt, actor } = staffCall('makeReports');
    return createPublication(rt, actor, fields(request, 40));
  });
}

export function posters(place?: unknown): WrittenDoc {
  return rpc('documents', () => {
    const { rt, actor } = staffCall('makeDocuments');
    return createPosters(rt, actor, text(place, PLACE_MAX));
  });
}

export function links(): PlaceLink[] {
  return rpc('documents', () => {
    const { rt, actor } = staffCall('makeDocuments');
    return placeLinks(rt, actor);
  });
}

export function stickers(place?: unknown): WrittenDoc {
  return rpc('documents', () => {
    const { rt, actor } = staffCall('makeDocuments');
    return createStickers(rt, actor, text(place, PLACE_MAX));
  });
}

export function paperSlips(request: unknown): WrittenDoc {
  return rpc('documents', () => {
    const { rt, actor } = staffCall('makeDocuments');
    return createPaperSlips(rt, actor, fields(request, PLACE_MAX) as unknown as PaperSlipRequest);
  });
}
