/** The sidebar's reports: the periodic report Doc (and, later, the publication and the dashboard). */
import { createReport, type ReportRequest } from '../../services/reports/report';
import { createPublication } from '../../services/reports/publication';
import { createPosters, createStickers, placeLinks, type PlaceLink } from '../../services/documents/posters';
import { createSlips, type SlipRequest } from '../../services/documents/slips';
import type { WrittenDoc } from '../../services/reports/doc-writer';
import { vietnamDayOf } from '../../domain/calendar/civil-date';
import { can, canSee } from '../../domain/permissions';
import { buildDashboard, type Dashboard } from '../../domain/report/dashboard';
import { REPORTS } from '../../i18n/vi';
import { actorOf } from '../../services/cases/actions';
import { readIndex } from '../../services/cases/store';
import { DeniedError } from '../../services/platform/errors';
import { loadRuntime } from '../../services/platform/runtime';
import { currentUser } from './current-user';
import { rpc } from './rpc';

export function report(request: ReportRequest): WrittenDoc {
  return rpc('reports', () => createReport(currentUser(), request));
}

/** "Tổng quan": 3 Spreadsheet calls (getActive, the index column), whatever the number of cases. */
export function dashboard(): Dashboard {
  return rpc('reports', () => {
    const rt = loadRuntime();
    const actor = actorOf(rt, currentUser());
    if (!can(actor, 'viewDashboard')) throw new DeniedError(REPORTS.notAllowed);
    // A handler's dashboard is their body's cases; everyone else's is the ward's.
    const entries = readIndex(SpreadsheetApp.getActive(), rt).filter((e) => canSee(actor, e));
    return buildDashboard(entries, vietnamDayOf(new Date()), rt.calendar, { rule: rt.settings.report.cutoff, groups: rt.settings.groups, deadlineDays: rt.settings.deadlineDays }, actor?.role === 'handler');
  });
}

export function publication(request: { year: number; month: number }): WrittenDoc {
  return rpc('reports', () => createPublication(currentUser(), request));
}

export function posters(place?: string): WrittenDoc {
  return rpc('documents', () => createPosters(currentUser(), place));
}

export function links(): PlaceLink[] {
  return rpc('documents', () => placeLinks(currentUser()));
}

export function stickers(place?: string): WrittenDoc {
  return rpc('documents', () => createStickers(currentUser(), place));
}

export function slips(request: SlipRequest): WrittenDoc {
  return rpc('documents', () => createSlips(currentUser(), request));
}
