/**
 * The outbox's reports carried to their cases (domain/lifecycle/mail-settled): the answer e-mail
 * that left makes its case "Đã trả lời"; the police's mail that left records the case as
 * transferred; one that failed says so on the case and the admins who may act on it get a notice.
 * Run under the document lock by the hourly job (and "Đồng bộ lại"), after the outbox is drained.
 * Each report is one commit (commitChange: row, audit, notice, all or nothing); the reports are
 * forgotten after the last. A report applied again changes nothing (settleMail), so a run cut off
 * anywhere is finished by the next — no case answered twice, none left waiting, no notice twice.
 */
import { settleMail, type MailReport } from '../../domain/lifecycle/mail-settled';
import { staffWith } from '../../domain/permissions';
import { NOTICE } from '../../i18n/vi';
import { PROPERTY_NAMES } from '../platform/document-store';
import type { OutgoingMail } from '../platform/outbox';
import type { Runtime } from '../platform/runtime';
import { commitChange } from './actions';
import { readCase, readIndex } from './store';

/** Reports left for the next run once this much time is spent (the hourly job shares its 6 minutes). */
export const SETTLE_BUDGET_MS = 60_000;

/**
 * Applies the reports waiting in the document properties, for at most `budgetMs` (the hourly job
 * gives a short budget per hold of the lock and takes it again for the rest); returns how many
 * cases changed.
 */
export function settleMailReports(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, budgetMs = SETTLE_BUDGET_MS): number {
  const reports = rt.store.getJson<MailReport[]>(PROPERTY_NAMES.mailReports) ?? [];
  if (reports.length === 0) return 0;
  const started = Date.now();
  // One index read finds every case's row; each case is then read alone, as an action reads it.
  const rows = new Map(readIndex(ss, rt).map((e) => [e.code, e.row]));
  let done = 0;
  let changed = 0;
  for (const report of reports) {
    if (Date.now() - started > budgetMs) break;
    const at = readCase(ss, rt, report.code, rows.get(report.code));
    const settled = at ? settleMail(at.record, report) : null;
    if (at && settled) {
      const next = { ...at.record, ...settled.patch };
      const mails = settled.tellAdmins ? adminNotices(rt, report) : [];
      commitChange(ss, rt, at, next, settled.event, { code: next.code, version: next.version, audit: [], mails });
      changed += 1;
    }
    done += 1;
  }
  forgetApplied(rt, reports.slice(done));
  return changed;
}

/** The reports still to apply, written back (or removed, with any chunks, when none is left). */
function forgetApplied(rt: Runtime, left: MailReport[]): void {
  if (left.length) {
    rt.store.setJson(PROPERTY_NAMES.mailReports, left);
    return;
  }
  const chunks = Object.keys(rt.store.withPrefix(`${PROPERTY_NAMES.mailReports}#`)).map((n) => `${PROPERTY_NAMES.mailReports}#${n}`);
  rt.store.removeMany([PROPERTY_NAMES.mailReports, ...chunks]);
}

/**
 * A notice to each staff member who may act on the failure: resend or answer another way (an
 * answer), or take the case to the police another way (misuse). Its id comes from the mail's, so
 * it is queued once however often the report is applied.
 */
function adminNotices(rt: Runtime, report: MailReport): OutgoingMail[] {
  const police = report.kind === 'police';
  const who = staffWith(rt.settings.staff, police ? 'misuse' : 'sendAnswer');
  return who.map((m) => ({
    id: `KQ-${report.id}-${m.email}`,
    kind: NOTICE.kinds.admin,
    code: report.code,
    recipient: m.email,
    subject: NOTICE.mailFailedSubject(report.code, police),
    body: NOTICE.mailFailedBody({ code: report.code, police, why: report.error, url: rt.schema.spreadsheetUrl }),
  }));
}
