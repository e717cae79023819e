/**
 * "Báo cáo": the periodic report as a new Google Doc. Reads the cases' index column (everything
 * the model needs, no personal data), computes the model (domain/report/model), lays it
 * out (domain/report/report-document) and draws it (doc-writer). A period made again is a new
 * Doc ("bản 2"), never an edit of one that may already be signed.
 * Spreadsheet calls: getActive, getRange + getValues (the cases), getSheetByName + appendRow
 * (the audit row) = 5, whatever the number of cases.
 */
import { AUDIT_ACTION } from '../../domain/vocabulary';
import { parseIsoDate, vietnamDayOf } from '../../domain/calendar/civil-date';
import { can, type Actor } from '../../domain/permissions';
import { buildReport } from '../../domain/report/model';
import { periodOf, previousPeriod, sameTimeLastYear } from '../../domain/report/periods';
import { appendixRows, reportDocument } from '../../domain/report/report-document';
import type { Period, PeriodKind, PeriodSpec, ReportCase } from '../../domain/report/types';
import type { Runtime } from '../platform/runtime';
import { REPORTS } from '../../i18n/vi';
import { refusal } from '../access/caller';
import { readIndex } from '../cases/store';
import { readIndexSpanning } from '../cases/with-archive';
import { reportCaseOf } from '../../domain/report/dashboard';
import { appendAudit } from '../platform/audit';
import { PROPERTY_NAMES } from '../platform/document-store';
import { UserError } from '../platform/errors';
import { writeDocument, type WrittenDoc } from '../platform/doc-writer';

/** What the sidebar sends: a kind, a year, an index (month, quarter, half) or two ISO dates. */
export interface ReportRequest {
  kind: PeriodKind;
  year?: number;
  index?: number;
  from?: string;
  to?: string;
}

const KINDS: Record<PeriodKind, number> = { month: 12, quarter: 4, half: 2, year: 1, custom: 0 };

/** The request checked and turned into a period spec; a clear Vietnamese message otherwise. */
export function specFrom(request: ReportRequest): PeriodSpec {
  const r = request && typeof request === 'object' ? request : ({} as ReportRequest);
  if (!Object.prototype.hasOwnProperty.call(KINDS, r.kind)) throw new UserError(REPORTS.badKind);
  if (r.kind === 'custom') {
    const from = parseIsoDate(String(r.from ?? ''));
    const to = parseIsoDate(String(r.to ?? ''));
    if (from === null || to === null || from > to) throw new UserError(REPORTS.badRange);
    if (to - from > 3 * 366) throw new UserError(REPORTS.rangeTooLong);
    return { kind: 'custom', year: 0, from, to };
  }
  const year = Number(r.year);
  if (!Number.isInteger(year) || year < 2020 || year > 2100) throw new UserError(REPORTS.badYear);
  const max = KINDS[r.kind];
  const index = max > 1 ? Number(r.index) : undefined;
  if (index !== undefined && (!Number.isInteger(index) || index < 1 || index > max)) throw new UserError(REPORTS.badIndex);
  return { kind: r.kind, year, index };
}

/**
 * Every case as the model needs it, from the index column (one column, not the ~30 the same
 * facts span in the row: a tenth of the cells over 100,000 cases); no personal data.
 */
export function readReportCases(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, period?: Period): ReportCase[] {
  if (!period) return readIndex(ss, rt).map(reportCaseOf);
  // A past period's cases may have moved to their year's archive: the tabs spanning the period and the two it is compared with are read too.
  const rule = rt.settings.report.cutoff;
  const compared = [period, previousPeriod(period, rule), sameTimeLastYear(period, rule)];
  return readIndexSpanning(ss, rt, Math.min(...compared.map((p) => p.from)), period.to).map(reportCaseOf);
}

function periodKey(spec: PeriodSpec, rule: string): string {
  return spec.kind === 'custom' ? `custom-${spec.from}-${spec.to}-${rule}` : `${spec.kind}-${spec.year}-${spec.index ?? 1}-${rule}`;
}

export function createReport(rt: Runtime, actor: Actor, request: ReportRequest): WrittenDoc {
  if (!can(actor, 'makeReports')) throw refusal(actor, 'makeReports');
  const now = new Date();
  const today = vietnamDayOf(now);
  const spec = specFrom(request);
  const rule = rt.settings.report.cutoff;
  const period = periodOf(spec, rule);
  if (period.from > today) throw new UserError(REPORTS.future(period.label));
  const ss = SpreadsheetApp.getActive();
  const cases = readReportCases(ss, rt, period);
  const model = buildReport(cases, spec, rt.calendar, { asOf: today, rule, groups: rt.settings.groups, deadlineDays: rt.settings.deadlineDays });
  const key = `${PROPERTY_NAMES.reportMade}${periodKey(spec, rule)}`;
  const version = Number(rt.store.get(key) ?? 0) + 1;
  const doc = writeDocument(reportDocument({ model, committee: rt.settings.committeeName, header: rt.settings.report, today, version, appendix: appendixRows(cases, period.from, period.to) }));
  rt.store.set(key, String(version));
  appendAudit(ss, rt, { user: actor.email, action: AUDIT_ACTION.report, code: '', field: '', before: '', after: '', detail: `${period.label}: ${doc.url}` });
  return doc;
}
