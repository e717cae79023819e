/**
 * The ward's settings, which an admin edits in the settings tabs: names, residential groups,
 * categories with their keywords, handling bodies, staff roles, deadlines and calendar
 * overrides. Parsing is pure and forgiving: a bad row is reported (in Vietnamese) and skipped,
 * never allowed to stop intake.
 */
import { parseIsoDate, parseDmy, fromYmd, vietnamDayOf, type CivilDay } from './calendar/civil-date';
import type { CalendarOverride } from './calendar/working-calendar';
import { parseKeywordList, type CategoryRule } from './classify';
import { checkEmail } from './contact';
import { CUTOFF_LABELS, DEFAULT_WARD, GENERAL_ROWS, HOLIDAY_KIND_LABELS, POSTER_FORM_LABELS, ROLE_LABELS, SETTINGS_TAB } from './vocabulary';
import { CONTACT_TEXT, DEFAULT_ANSWER_TEMPLATE, SETTINGS_PROBLEMS } from '../i18n/settings';
import { LIFECYCLE } from '../i18n/cases';

export { DEFAULT_ANSWER_TEMPLATE };

export type Role = keyof typeof ROLE_LABELS;

export interface StaffMember {
  email: string;
  role: Role;
  /** The handling body a handler works for. */
  body: string;
}

export interface HandlingBody {
  name: string;
  email: string;
}

export interface Settings {
  wardName: string;
  committeeName: string;
  /** Where residents follow up (the office), printed in acknowledgements, answers and the form. */
  contactLine: string;
  /** The ward's phone number for residents without e-mail ('' until an admin fills it in). */
  phone: string;
  /** When the office receives residents. */
  officeHours: string;
  groups: string[];
  categories: CategoryRule[];
  bodies: HandlingBody[];
  staff: StaffMember[];
  deadlineDays: { normal: number; complex: number };
  approvalRequired: boolean;
  calendarOverrides: CalendarOverride[];
  /** Answer templates by category ('' = for any category); {{ma}}, {{linh_vuc}}, {{uy_ban}} are filled in. */
  answerTemplates: Record<string, string>;
  /** What the report Docs print in their header and signature block (Decree 30/2020/NĐ-CP layout). */
  report: ReportSettings;
  /**
   * Which form the QR posters, stickers and place links open: the Google Form (default; residents
   * who sign in to nothing can send no photo there) or the web app's own form (photos, and the
   * case code and lookup key shown at once).
   */
  posterForm: 'google' | 'web';
}

export interface ReportSettings {
  /** Upper line of the issuing body, left: "ỦY BAN MTTQ VIỆT NAM". */
  parentBody: string;
  /** Second line: "PHƯỜNG LƯU KIẾM". */
  localBody: string;
  /** The issuing organ, bold: "BAN THƯỜNG TRỰC". */
  organ: string;
  /** Place in "Lưu Kiếm, ngày … tháng … năm …". */
  place: string;
  /** Number suffix: "Số: …/BC-MTTQ-BTT". */
  numberSuffix: string;
  /** "Nơi nhận", one per line. */
  recipients: string[];
  /** "TM. BAN THƯỜNG TRỰC" / "CHỦ TỊCH". */
  signFor: string;
  signTitle: string;
  /** The signer's name ('' leaves the line for a hand signature). */
  signer: string;
  /** How a period's days are counted: calendar periods, or the data cut-off of Decree 09/2019/NĐ-CP art. 12. */
  cutoff: 'calendar' | 'cutoff15';
}

/** A template's blank the writer has not filled: a "…" or "..." standing as a word, or a {{field}}. */
export function unfilledBlank(text: string): boolean {
  return /(^|[\s:(])(…|\.\.\.)(?=$|[\s)])/m.test(text) || /\{\{\w+\}\}/.test(text);
}

/** How residents reach the ward: the office, its phone, its hours — the parts an admin filled in. */
export function contactText(s: Pick<Settings, 'contactLine' | 'phone' | 'officeHours'>): string {
  const parts = [s.contactLine.replace(/[.\s]+$/, '')];
  if (s.phone) parts.push(CONTACT_TEXT.phone(s.phone));
  if (s.officeHours) parts.push(CONTACT_TEXT.hours(s.officeHours.replace(/[.\s]+$/, '')));
  return `${parts.filter(Boolean).join('; ')}.`;
}

/** A template with its placeholders filled for one case. */
export function fillTemplate(template: string, values: { code: string; category: string; committee: string }): string {
  return template.replace(/\{\{ma\}\}/g, values.code).replace(/\{\{linh_vuc\}\}/g, values.category).replace(/\{\{uy_ban\}\}/g, values.committee);
}

/**
 * The ward police among the handling bodies ("Công an phường"): a case marked as misuse is sent to
 * its address. The first one with a valid address, else the first by name; null when none is listed.
 */
export function policeBody(settings: Pick<Settings, 'bodies'>): HandlingBody | null {
  const police = settings.bodies.filter((b) => LIFECYCLE.policeName.test(b.name));
  return police.find((b) => b.email) ?? police[0] ?? null;
}

export function answerTemplateFor(settings: Settings, category: string): string {
  return settings.answerTemplates[category] || settings.answerTemplates[''] || DEFAULT_ANSWER_TEMPLATE;
}

export const DEFAULT_GROUP_COUNT = 40;

export const DEFAULT_SETTINGS: Settings = {
  wardName: DEFAULT_WARD.wardName,
  committeeName: DEFAULT_WARD.committeeName,
  contactLine: DEFAULT_WARD.contactLine,
  phone: '',
  officeHours: DEFAULT_WARD.officeHours,
  groups: Array.from({ length: DEFAULT_GROUP_COUNT }, (_, i) => DEFAULT_WARD.group(i + 1)),
  categories: DEFAULT_WARD.categories.map((c) => ({ category: c.category, keywords: [...c.keywords] })),
  bodies: DEFAULT_WARD.bodies.map((name) => ({ name, email: '' })),
  staff: [],
  deadlineDays: { normal: 7, complex: 20 },
  approvalRequired: false,
  calendarOverrides: [],
  answerTemplates: {},
  report: {
    ...DEFAULT_WARD.report,
    recipients: [...DEFAULT_WARD.report.recipients],
    signer: '',
    cutoff: 'calendar',
  },
  posterForm: 'google',
};

export interface SettingsTables {
  general: unknown[][];
  groups: unknown[][];
  categories: unknown[][];
  bodies: unknown[][];
  staff: unknown[][];
  holidays: unknown[][];
  templates: unknown[][];
}

export interface ParsedSettings {
  settings: Settings;
  /** Rows that were skipped, and why, in Vietnamese. */
  problems: string[];
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : v instanceof Date ? '' : String(v)).trim();

function dayOf(v: unknown): CivilDay | null {
  if (v instanceof Date) return vietnamDayOf(v);
  const t = text(v);
  const iso = parseIsoDate(t);
  if (iso !== null) return iso;
  const dmy = parseDmy(t);
  return dmy ? fromYmd(dmy.year, dmy.month, dmy.day) : null;
}

function yes(v: unknown): boolean {
  return v === true || /^(có|co|yes|true|x)$/i.test(text(v));
}

/** Tables are sheet values without their header rows. */
export function parseSettings(tables: SettingsTables): ParsedSettings {
  const problems: string[] = [];
  const s: Settings = { ...DEFAULT_SETTINGS, deadlineDays: { ...DEFAULT_SETTINGS.deadlineDays } };

  const general = new Map(tables.general.map((r) => [text(r[0]), r[1]]));
  const str = (label: string, fallback: string) => text(general.get(label)) || fallback;
  s.wardName = str(GENERAL_ROWS.wardName, s.wardName);
  s.committeeName = str(GENERAL_ROWS.committeeName, s.committeeName);
  s.contactLine = str(GENERAL_ROWS.contactLine, s.contactLine);
  // A number typed into a General-format cell loses its leading 0 (and may be a number).
  const phone = general.get(GENERAL_ROWS.phone);
  s.phone = typeof phone === 'number' ? `0${phone}` : text(phone);
  s.officeHours = str(GENERAL_ROWS.officeHours, s.officeHours);
  if (!s.phone) problems.push(SETTINGS_PROBLEMS.phoneMissing(GENERAL_ROWS.phone));
  const days = (label: string, fallback: number) => {
    const raw = general.get(label);
    if (raw === undefined || text(raw) === '') return fallback;
    const n = Number(raw);
    if (Number.isInteger(n) && n >= 1 && n <= 60) return n;
    problems.push(SETTINGS_PROBLEMS.daysOutOfRange(label, fallback));
    return fallback;
  };
  s.deadlineDays = { normal: days(GENERAL_ROWS.normalDays, 7), complex: days(GENERAL_ROWS.complexDays, 20) };
  s.approvalRequired = yes(general.get(GENERAL_ROWS.approvalRequired));

  const groups = tables.groups.map((r) => text(r[0])).filter(Boolean);
  s.groups = groups.length ? [...new Set(groups)] : s.groups;
  if (!groups.length) problems.push(SETTINGS_PROBLEMS.groupsEmpty);

  const categories = tables.categories.filter((r) => text(r[0])).map((r) => ({ category: text(r[0]), keywords: parseKeywordList(text(r[1])) }));
  if (categories.length) s.categories = categories;
  else problems.push(SETTINGS_PROBLEMS.categoriesEmpty);

  const bodies: HandlingBody[] = [];
  tables.bodies.forEach((r, i) => {
    const name = text(r[0]);
    if (!name) return;
    const email = text(r[1]);
    if (email && !checkEmail(email).valid) problems.push(SETTINGS_PROBLEMS.bodyEmail(i + 2, email));
    bodies.push({ name, email: email && checkEmail(email).valid ? email : '' });
  });
  if (bodies.length) s.bodies = bodies;
  // A fresh ward lists "Công an phường" without an address: misuse could not reach them.
  if (!policeBody(s)?.email) problems.push(SETTINGS_PROBLEMS.policeMissing(SETTINGS_TAB.bodies.name));

  const staff = parseStaff(tables.staff);
  s.staff = staff.staff;
  problems.push(...staff.problems);

  s.calendarOverrides = [];
  tables.holidays.forEach((r, i) => {
    if (!text(r[0]) && !(r[0] instanceof Date)) return;
    const day = dayOf(r[0]);
    const kindText = text(r[1]).toLowerCase();
    if (kindText === HOLIDAY_KIND_LABELS.pending.toLowerCase()) return;
    const kind = kindText === HOLIDAY_KIND_LABELS.holiday.toLowerCase() ? 'holiday' : kindText === HOLIDAY_KIND_LABELS.workday.toLowerCase() ? 'workday' : null;
    if (day === null || !kind) problems.push(SETTINGS_PROBLEMS.holidayRow(i + 2, HOLIDAY_KIND_LABELS.holiday, HOLIDAY_KIND_LABELS.workday));
    else s.calendarOverrides.push({ day, kind, note: text(r[2]) });
  });
  const r = DEFAULT_SETTINGS.report;
  const recipients = text(general.get(GENERAL_ROWS.reportRecipients));
  const cutoff = text(general.get(GENERAL_ROWS.reportCutoff)).toLowerCase();
  s.report = {
    parentBody: str(GENERAL_ROWS.reportParentBody, r.parentBody),
    localBody: str(GENERAL_ROWS.reportLocalBody, r.localBody),
    organ: str(GENERAL_ROWS.reportOrgan, r.organ),
    place: str(GENERAL_ROWS.reportPlace, r.place),
    numberSuffix: str(GENERAL_ROWS.reportNumber, r.numberSuffix),
    recipients: recipients ? recipients.split(';').map((x) => x.trim()).filter(Boolean) : r.recipients,
    signFor: str(GENERAL_ROWS.reportSignFor, r.signFor),
    signTitle: str(GENERAL_ROWS.reportSignTitle, r.signTitle),
    signer: text(general.get(GENERAL_ROWS.reportSigner)),
    cutoff: cutoff === CUTOFF_LABELS.cutoff15.toLowerCase() ? 'cutoff15' : 'calendar',
  };
  if (cutoff && cutoff !== CUTOFF_LABELS.cutoff15.toLowerCase() && cutoff !== CUTOFF_LABELS.calendar.toLowerCase()) problems.push(SETTINGS_PROBLEMS.cutoff(GENERAL_ROWS.reportCutoff, CUTOFF_LABELS.calendar, CUTOFF_LABELS.cutoff15));
  const posterForm = text(general.get(GENERAL_ROWS.posterForm)).toLowerCase();
  s.posterForm = posterForm === POSTER_FORM_LABELS.web.toLowerCase() ? 'web' : 'google';
  if (posterForm && posterForm !== POSTER_FORM_LABELS.web.toLowerCase() && posterForm !== POSTER_FORM_LABELS.google.toLowerCase()) problems.push(SETTINGS_PROBLEMS.posterForm(GENERAL_ROWS.posterForm, POSTER_FORM_LABELS.google, POSTER_FORM_LABELS.web));
  s.answerTemplates = {};
  for (const r of tables.templates ?? []) {
    const template = text(r[1]);
    if (template) s.answerTemplates[text(r[0])] = template;
  }
  return { settings: s, problems };
}

/** The staff tab's rows (e-mail, role label, body) → members; rows that cannot be used are problems. */
export function parseStaff(rows: unknown[][]): { staff: StaffMember[]; problems: string[] } {
  const byLabel = new Map(Object.entries(ROLE_LABELS).map(([role, label]) => [label.toLowerCase(), role as Role]));
  const staff: StaffMember[] = [];
  const problems: string[] = [];
  rows.forEach((r, i) => {
    const email = text(r[0]).toLowerCase();
    if (!email) return;
    const role = byLabel.get(text(r[1]).toLowerCase());
    if (!checkEmail(email).valid) problems.push(SETTINGS_PROBLEMS.staffEmail(i + 2, email));
    else if (!role) problems.push(SETTINGS_PROBLEMS.staffRole(i + 2, text(r[1]), Object.values(ROLE_LABELS)));
    else staff.push({ email, role, body: text(r[2]) });
  });
  return { staff, problems };
}

/**
 * Who left the staff list, or stayed with another role or body, between two versions of it:
 * their personal links must be revoked, not merely refused while they are away.
 */
export function departedStaff(before: StaffMember[], after: StaffMember[]): string[] {
  const now = new Map(after.map((m) => [m.email, m]));
  return before.filter((m) => {
    const next = now.get(m.email);
    return !next || next.role !== m.role || next.body !== m.body;
  }).map((m) => m.email);
}

export function roleOf(settings: Settings, email: string): StaffMember | null {
  const e = email.trim().toLowerCase();
  return settings.staff.find((m) => m.email === e) ?? null;
}
