/**
 * The naive baseline (issue 19): the same operations written the way common Apps Script
 * tutorials write them, run through the emulator's metered services (ws.globals) on the same
 * spreadsheet the add-on built, so the bench can print both side by side.
 *
 * The tutorial habits, on purpose:
 * - every operation reads the settings tab (and, for staff steps, the staff tab) again;
 * - reads are whole-sheet scans: `sheet.getDataRange().getValues()`, filtered in JavaScript;
 * - a submission is one `appendRow`, its code computed from the last row (`getLastRow` +
 *   `getRange(last, 1).getValue()`);
 * - an action writes each changed field with its own `getRange(row, col).setValue(...)`;
 * - a script lock is taken at the start and held throughout;
 * - a document is built element by element: a paragraph per line, `appendTableRow` and
 *   `appendTableCell` per case.
 * What is not naive: nothing reads cell by cell in a loop. Apps Script's look-ahead read cache
 * makes such loops cheaper than the emulator's cost model charges (emulator/core/costs.ts), so
 * the baseline avoids them rather than be flattered into dying.
 */
import { STATUS } from '../../../src/domain/case';

export interface Services {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  DocumentApp: GoogleAppsScript.Document.DocumentApp;
  MailApp: GoogleAppsScript.Mail.MailApp;
  LockService: GoogleAppsScript.Lock.LockService;
  Session: GoogleAppsScript.Base.Session;
}

const CASES = 'Ý kiến';
const SETTINGS = 'Cài đặt';
const STAFF = 'Cán bộ';
const AUDIT = 'Nhật ký';

type Row = unknown[];

/** Settings as name → value, read from the tab every time, as tutorials do. */
function readSettings(g: Services): Record<string, unknown> {
  const rows = g.SpreadsheetApp.getActive().getSheetByName(SETTINGS)!.getDataRange().getValues();
  const out: Record<string, unknown> = {};
  for (const r of rows) out[String(r[0])] = r[1];
  return out;
}

/** The caller must be in the staff tab: read it, look for the e-mail. */
function requireStaff(g: Services): string {
  const email = g.Session.getActiveUser().getEmail();
  const rows = g.SpreadsheetApp.getActive().getSheetByName(STAFF)!.getDataRange().getValues();
  if (!rows.some((r) => r.some((c) => String(c).toLowerCase() === email.toLowerCase()))) throw new Error('Bạn không có quyền.');
  return email;
}

function withLock<T>(g: Services, fn: () => T): T {
  const lock = g.LockService.getScriptLock();
  lock.waitLock(30_000);
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}

function casesTab(g: Services) {
  return g.SpreadsheetApp.getActive().getSheetByName(CASES)!;
}

/** The whole cases tab, header first, with a column finder. */
function scan(g: Services): { header: string[]; rows: Row[]; col: (name: string) => number } {
  const data = casesTab(g).getDataRange().getValues();
  const header = data[0].map(String);
  return { header, rows: data.slice(1), col: (name: string) => header.indexOf(name) };
}

export interface Answers {
  group: string;
  content: string;
  name?: string;
  email?: string;
}

/** onFormSubmit: a new row with the next code, an acknowledgement if the resident left an e-mail. */
export function naiveSubmit(g: Services, a: Answers, now: Date): string {
  return withLock(g, () => {
    const settings = readSettings(g);
    const sheet = casesTab(g);
    const last = sheet.getLastRow();
    const previous = last > 1 ? String(sheet.getRange(last, 1).getValue()) : '';
    const n = previous ? Number(previous.split('-')[2]) + 1 : 1;
    const code = `GY-${now.getFullYear()}-${String(n).padStart(5, '0')}`;
    sheet.appendRow([code, now, 'Mã QR', a.group, true, '', '', '', 'Thường', STATUS.new, '', '', '', '', a.content]);
    if (a.email) {
      g.MailApp.sendEmail(a.email, `Đã nhận ý kiến ${code}`, `${String(settings['Tên đơn vị'] ?? '')} đã nhận ý kiến của bạn, mã ${code}.`);
    }
    return code;
  });
}

const OPEN = new Set<string>([STATUS.new, STATUS.classified, STATUS.inProgress, STATUS.draftAnswer, STATUS.awaitingApproval, STATUS.approved]);

/** The sidebar's inbox: every case read, the open ones newest first, the first page. */
export function naiveInbox(g: Services, pageSize = 20): Row[] {
  requireStaff(g);
  readSettings(g);
  const { rows, col } = scan(g);
  const status = col('Trạng thái');
  const at = col('Thời điểm tiếp nhận');
  return rows
    .filter((r) => OPEN.has(String(r[status])))
    .sort((x, y) => new Date(y[at] as Date).getTime() - new Date(x[at] as Date).getTime())
    .slice(0, pageSize);
}

/** Search: every case read, matched on content, code and group, lower-cased. */
export function naiveSearch(g: Services, text: string, pageSize = 20): Row[] {
  requireStaff(g);
  readSettings(g);
  const { rows, col } = scan(g);
  const fields = [col('Mã ý kiến'), col('Nội dung'), col('Tổ dân phố')];
  const needle = text.toLowerCase();
  return rows.filter((r) => fields.some((f) => String(r[f]).toLowerCase().includes(needle))).slice(0, pageSize);
}

/** Classify one case: find its row in a full scan, set each field, log the change. */
export function naiveClassify(g: Services, code: string, category: string, now: Date): void {
  const user = requireStaff(g);
  readSettings(g);
  withLock(g, () => {
    const { rows, col } = scan(g);
    const i = rows.findIndex((r) => r[col('Mã ý kiến')] === code);
    if (i < 0) throw new Error(`Không tìm thấy ${code}`);
    const row = i + 2;
    const sheet = casesTab(g);
    sheet.getRange(row, col('Lĩnh vực') + 1).setValue(category);
    sheet.getRange(row, col('Trạng thái') + 1).setValue(STATUS.classified);
    sheet.getRange(row, col('Cập nhật lúc') + 1).setValue(now);
    g.SpreadsheetApp.getActive().getSheetByName(AUDIT)!.appendRow([now, user, 'Phân loại', code, 'Lĩnh vực', rows[i][col('Lĩnh vực')], category, '']);
  });
}

function inPeriod(d: unknown, from: Date, to: Date): boolean {
  const t = d instanceof Date ? d.getTime() : NaN;
  return t >= from.getTime() && t < to.getTime();
}

function countBy(rows: Row[], c: number): Array<[string, number]> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(String(r[c] || 'Chưa phân loại'), (m.get(String(r[c] || 'Chưa phân loại')) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1]);
}

/** The quarterly report: counts by category, group and status, then every case as a table row. */
export function naiveQuarterReport(g: Services, year: number, quarter: number): string {
  requireStaff(g);
  const settings = readSettings(g);
  const { rows, col } = scan(g);
  const from = new Date(year, (quarter - 1) * 3, 1);
  const to = new Date(year, quarter * 3, 1);
  const at = col('Thời điểm tiếp nhận');
  const inQuarter = rows.filter((r) => inPeriod(r[at], from, to));
  const doc = g.DocumentApp.create(`Báo cáo quý ${quarter}/${year}`);
  const body = doc.getBody();
  body.appendParagraph(`${String(settings['Tên đơn vị'] ?? 'Ủy ban MTTQ')} — Báo cáo quý ${quarter}/${year}`).setHeading(g.DocumentApp.ParagraphHeading.HEADING1);
  body.appendParagraph(`Tổng số ý kiến: ${inQuarter.length}`);
  for (const [title, c] of [['Theo lĩnh vực', col('Lĩnh vực')], ['Theo tổ dân phố', col('Tổ dân phố')], ['Theo trạng thái', col('Trạng thái')]] as const) {
    body.appendParagraph(title).setHeading(g.DocumentApp.ParagraphHeading.HEADING2);
    for (const [k, n] of countBy(inQuarter, c)) body.appendParagraph(`${k}: ${n}`);
  }
  body.appendParagraph('Phụ lục: danh sách ý kiến').setHeading(g.DocumentApp.ParagraphHeading.HEADING2);
  const table = body.appendTable();
  const header = table.appendTableRow();
  for (const h of ['Mã', 'Ngày nhận', 'Tổ dân phố', 'Lĩnh vực', 'Kênh', 'Trạng thái']) header.appendTableCell(h);
  const cols = [col('Mã ý kiến'), at, col('Tổ dân phố'), col('Lĩnh vực'), col('Kênh tiếp nhận'), col('Trạng thái')];
  for (const r of inQuarter) {
    const tr = table.appendTableRow();
    for (const c of cols) tr.appendTableCell(r[c] instanceof Date ? (r[c] as Date).toLocaleDateString('vi-VN') : String(r[c]));
  }
  doc.saveAndClose();
  return doc.getId();
}

/** The monthly publication: every public answer of the month, a heading and a paragraph each. */
export function naiveMonthlyPublication(g: Services, year: number, month: number): string {
  requireStaff(g);
  const settings = readSettings(g);
  const { rows, col } = scan(g);
  const from = new Date(year, month - 1, 1);
  const to = new Date(year, month, 1);
  const answered = col('Trả lời lúc');
  const published = rows.filter((r) => inPeriod(r[answered], from, to) && r[col('Ẩn khỏi công khai')] !== true);
  const doc = g.DocumentApp.create(`Công khai tháng ${month}/${year}`);
  const body = doc.getBody();
  body.appendParagraph(`${String(settings['Tên đơn vị'] ?? 'Ủy ban MTTQ')} — Kết quả trả lời ý kiến tháng ${month}/${year}`).setHeading(g.DocumentApp.ParagraphHeading.HEADING1);
  for (const r of published) {
    body.appendParagraph(`${String(r[col('Mã ý kiến')])} — ${String(r[col('Lĩnh vực')])}`).setHeading(g.DocumentApp.ParagraphHeading.HEADING3);
    body.appendParagraph(String(r[col('Tóm tắt công khai')] || r[col('Nội dung trả lời')]));
  }
  doc.saveAndClose();
  return doc.getId();
}
