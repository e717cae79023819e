/**
 * The report model's contract: what a report is computed from (cases without personal data, a
 * period, the working calendar) and the figures it gives. The renderers (the report Doc, the
 * dashboard) only draw these figures; they compute nothing.
 */
import type { CivilDay } from '../calendar/civil-date';
import type { DeadlineDays } from '../deadline';

/** What the model needs of a case — read from the cases tab, never from "Người gửi". */
export interface ReportCase {
  code: string;
  receivedAt: Date;
  channel: string;
  group: string;
  /** '' when not classified yet (counted under UNCLASSIFIED). */
  category: string;
  /** COMPLEXITY values: 'Thường' | 'Phức tạp'. */
  complexity: string;
  status: string;
  assignedBody: string;
  /** The handling body's committed date. */
  bodyDueDate: Date | '';
  /** When an answer was (last) written — a draft counts for a body's committed date. */
  answeredAt: Date | '';
  /** When the resident was answered (e-mail, call, letter); '' while not answered (a reopened case too). */
  answerSentAt: Date | '';
  outcome: string;
  closedAt: Date | '';
  /** 1–5 when the resident rated the answer, else null. */
  rating: number | null;
  /** A misuse case's transfer to the police (POLICE_TRANSFER's values); '' or absent for none. */
  policeTransfer?: string;
}

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year' | 'custom';

/**
 * How a period's days are counted. 'calendar': the calendar month/quarter/half/year.
 * 'cutoff15': the reporting regime of Decree 09/2019/NĐ-CP art. 12 — from the 15th of the month
 * before the period to the 14th of its last month.
 */
export type CutoffRule = 'calendar' | 'cutoff15';

export interface PeriodSpec {
  kind: PeriodKind;
  year: number;
  /** month 1–12, quarter 1–4, half 1–2; unused for year and custom. */
  index?: number;
  /** custom only: inclusive civil days. */
  from?: CivilDay;
  to?: CivilDay;
}

export interface Period {
  kind: PeriodKind;
  /** Vietnamese: "Quý IV năm 2026", "6 tháng đầu năm 2026", "Tháng 11 năm 2026", "Năm 2026", "Từ 01/10/2026 đến 15/11/2026". */
  label: string;
  from: CivilDay;
  to: CivilDay;
}

export interface Count<K extends string = string> {
  key: K;
  count: number;
}

export interface OverdueCase {
  code: string;
  category: string;
  body: string;
  /** Working days past the due date, as of the report day (answered late: at the answer). */
  workingDaysLate: number;
  /** Still waiting for an answer (true) or answered late (false). */
  open: boolean;
}

export interface BodyFigures {
  body: string;
  assigned: number;
  answered: number;
  answeredOnTime: number;
  /** answeredOnTime / assigned cases that are due by the report day; null when none is due. */
  onTimeRate: number | null;
  /** Cases with a committed date that has passed (or was met). */
  committed: number;
  /** … of which an answer was written on or before the committed date. */
  keptCommitted: number;
}

export interface PeriodFigures {
  period: Period;
  received: number;
  byChannel: Count[];
  /** QR channel share of received (0–1), null when nothing was received; target 0.8. */
  qrShare: number | null;
  byGroup: Count[];
  groupsWithAny: number;
  groupsTotal: number;
  /** Residential groups of the settings list that sent nothing in the period. */
  silentGroups: string[];
  byCategory: Count[];
  byBody: BodyFigures[];
  /** Of the cases received in the period: the resident was answered (by the report day). */
  answered: number;
  answeredOnTime: number;
  answeredLate: number;
  /** Closed without an answer to the resident (duplicate, misuse, not competent, insufficient). */
  closedWithoutAnswer: number;
  /** Not answered and not closed, by the report day. */
  open: number;
  /** Open cases past their due date, and answers that came late — late either way. */
  overdue: OverdueCase[];
  /** Working days from receipt to the answer, over answered cases; null when none. */
  averageWorkingDaysToAnswer: number | null;
  medianWorkingDaysToAnswer: number | null;
  satisfaction: { rated: number; average: number | null };
  misuse: number;
  /** Of the misuse cases, those whose mail reached the police (POLICE_TRANSFER.sent). */
  misuseTransferred: number;
}

export interface ReportModel {
  /** The day figures are taken on (open / overdue are as of this day). */
  asOf: CivilDay;
  rule: CutoffRule;
  /** The settings' working days to answer the figures were counted with (the report prints them). */
  deadlineDays: DeadlineDays;
  current: PeriodFigures;
  /** The period before (same length, same rule), when any case was received before the current period. */
  previous: PeriodFigures | null;
  /** The same period a year earlier, when any case was received before it. */
  lastYear: PeriodFigures | null;
}

export interface ReportContext {
  asOf: CivilDay;
  rule: CutoffRule;
  groups: string[];
  deadlineDays: DeadlineDays;
}

export const QR_TARGET = 0.8;
