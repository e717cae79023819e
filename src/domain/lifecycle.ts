/**
 * The one state machine of a case: which actions are legal in which status, for which role, and
 * what each changes. An illegal action gets a clear Vietnamese message and changes nothing.
 * The ward's own clock (7 / 20 working days from receipt) never pauses; the handling body's
 * committed date is tracked beside it.
 */
import { formatVietnameseDate, parseIsoDate, vietnamDayOf, vietnamMidnight } from './calendar/civil-date';
import type { WorkingCalendar } from './calendar/working-calendar';
import { ANSWER_METHOD, COMPLEXITY, OUTCOME, STATUS, statusKeyOf, type AnswerMethodKey, type OutcomeKey, type StatusKey } from './case';
import { canonicalCode } from './case-code';
import type { CaseRecord, HistoryEvent } from './case-record';
import { checkEmail } from './contact';
import { dueDayOf } from './deadline';
import { unfilledBlank, type Settings } from './settings';
import { can, canSee, type ActionKey, type Actor } from './permissions';

export type { ActionKey, Actor } from './permissions';
export { canSee } from './permissions';

export type ActionInput =
  | { action: 'classify'; category: string; complexity: 'normal' | 'complex' }
  | { action: 'assign'; body: string; assignee: string; bodyDueDate?: string }
  | { action: 'note'; text: string }
  | { action: 'progress'; text: string; bodyDueDate?: string }
  | { action: 'answer'; text: string; publicSummary?: string }
  | { action: 'approve' }
  | { action: 'sendAnswer' }
  | { action: 'recordCall'; note: string }
  | { action: 'recordLetter'; note: string }
  | { action: 'setPublic'; isPublic: boolean; publicSummary?: string }
  | { action: 'close'; outcome: 'resolved' | 'notCompetent' | 'insufficient'; note?: string }
  | { action: 'reopen'; reason: string }
  | { action: 'duplicate'; of: string }
  | { action: 'misuse'; reason: string }
  | { action: 'followUp'; content: string };

export const ACTION_LABELS: Record<ActionKey, string> = {
  classify: 'Phân loại',
  assign: 'Chuyển xử lý',
  note: 'Ghi chú nội bộ',
  progress: 'Cập nhật tiến độ',
  answer: 'Soạn trả lời',
  approve: 'Duyệt trả lời',
  sendAnswer: 'Gửi trả lời qua email',
  recordCall: 'Ghi nhận cuộc gọi trả lời',
  recordLetter: 'Ghi nhận thư trả lời đã gửi',
  setPublic: 'Công khai',
  close: 'Đóng ý kiến',
  reopen: 'Mở lại',
  duplicate: 'Đánh dấu trùng lặp',
  misuse: 'Đánh dấu lợi dụng',
  followUp: 'Phản ánh lại',
};

/** The three ways a resident is answered; which one is offered depends on the contact they left. */
const DELIVERY: ActionKey[] = ['sendAnswer', 'recordCall', 'recordLetter'];

/** Which actions each status allows. */
const ALLOWED: Record<StatusKey, ActionKey[]> = {
  new: ['classify', 'assign', 'note', 'answer', 'close', 'duplicate', 'misuse', 'followUp'],
  classified: ['classify', 'assign', 'note', 'answer', 'close', 'duplicate', 'misuse', 'followUp'],
  inProgress: ['classify', 'assign', 'note', 'progress', 'answer', 'close', 'duplicate', 'misuse', 'followUp'],
  draftAnswer: ['classify', 'assign', 'note', 'progress', 'answer', ...DELIVERY, 'close', 'duplicate', 'misuse', 'followUp'],
  awaitingApproval: ['approve', 'answer', 'note', 'misuse'],
  approved: ['answer', ...DELIVERY, 'note', 'misuse'],
  answered: ['setPublic', 'close', 'reopen', 'note', 'followUp'],
  closed: ['reopen', 'note', 'followUp', 'setPublic'],
};

type StatusFields = Pick<CaseRecord, 'status'> & Partial<Pick<CaseRecord, 'answerSentAt' | 'approvedBy'>>;

/**
 * The status a case really is in. Before answer states told the truth, saving an answer set
 * "Đã trả lời" at once; such a case whose answer never left is a draft (or approved, if someone
 * approved it) — the hourly job rewrites its status, and until then it is treated as one.
 */
export function statusOf(c: StatusFields): StatusKey {
  const key = statusKeyOf(c.status) ?? 'new';
  if (key === 'answered' && !(c.answerSentAt instanceof Date)) return c.approvedBy ? 'approved' : 'draftAnswer';
  return key;
}

/** Where an answer stands, for the case view and the inbox. */
export type AnswerState = 'none' | 'draft' | 'awaitingApproval' | 'approved' | AnswerMethodKey;

export function answerStateOf(c: StatusFields & Pick<CaseRecord, 'answer'> & Partial<Pick<CaseRecord, 'answerMethod'>>): AnswerState {
  if (c.answerSentAt instanceof Date) {
    const method = (Object.keys(ANSWER_METHOD) as AnswerMethodKey[]).find((k) => ANSWER_METHOD[k] === c.answerMethod);
    return method ?? 'email';
  }
  if (!c.answer) return 'none';
  const key = statusOf(c);
  if (key === 'awaitingApproval') return 'awaitingApproval';
  if (key === 'approved') return 'approved';
  return 'draft';
}

/** The way(s) of answering offered for a case: e-mail when the resident left one, else a call or a letter. */
function offeredDelivery(a: ActionKey, c: Partial<Pick<CaseRecord, 'hasEmail'>>): boolean {
  if (a === 'sendAnswer') return c.hasEmail === true;
  if (a === 'recordCall' || a === 'recordLetter') return c.hasEmail !== true;
  return true;
}


export class ActionRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ActionRefused';
  }
}


export function allowedActions(actor: Actor, c: Pick<CaseRecord, 'status' | 'assignedBody'> & Partial<Pick<CaseRecord, 'answerSentAt' | 'approvedBy' | 'hasEmail'>>, approvalRequired = false): ActionKey[] {
  if (!canSee(actor, c)) return [];
  const key = statusOf(c);
  return ALLOWED[key].filter((a) => {
    if (!can(actor, a, c) || !offeredDelivery(a, c)) return false;
    // Where the chair approves answers, a draft goes for approval before it can be sent.
    if (DELIVERY.includes(a) && approvalRequired && key !== 'approved') return false;
    return true;
  });
}

/** Field labels for the history and the audit trail. */
export const FIELD_LABELS: Partial<Record<keyof CaseRecord, string>> = {
  status: 'Trạng thái',
  category: 'Lĩnh vực',
  complexity: 'Tính chất',
  dueDate: 'Hạn trả lời',
  bodyDueDate: 'Hạn cơ quan xử lý cam kết',
  assignedBody: 'Cơ quan xử lý',
  assignee: 'Người xử lý',
  answer: 'Nội dung trả lời',
  answerPublic: 'Công khai',
  publicSummary: 'Tóm tắt công khai',
  outcome: 'Kết quả',
  outcomeNote: 'Ghi chú kết quả',
  approvedBy: 'Người duyệt',
  answerSentAt: 'Đã trả lời người dân',
  answerMethod: 'Hình thức trả lời',
  linkedCases: 'Ý kiến liên quan',
  hiddenFromPublic: 'Ẩn khỏi công khai',
};

export type Notice =
  | { kind: 'assignee'; to: string; code: string; body: string; dueOn: string }
  | { kind: 'answer'; code: string }
  | { kind: 'police'; to: string; code: string; reason: string };

export interface ActionContext {
  actor: Actor;
  now: Date;
  settings: Settings;
  calendar: WorkingCalendar;
  /** When the reply letter was last made for this case (Docs are made outside the row). */
  letterMadeAt?: Date | null;
}

export interface ActionResult {
  patch: Partial<CaseRecord>;
  event: HistoryEvent;
  notices: Notice[];
}

/**
 * The longest note, answer, summary or reason staff may write. Longer texts are refused with a
 * clear message rather than cut: a cell holds 50,000 characters, and the answer also goes into
 * an e-mail and a letter.
 */
export const STAFF_TEXT_LIMIT = 20_000;

function text(value: unknown, label = 'Nội dung'): string {
  const t = typeof value === 'string' ? value.trim() : '';
  if (t.length > STAFF_TEXT_LIMIT) throw new ActionRefused(`${label} dài ${t.length.toLocaleString('vi-VN')} ký tự, vượt quá giới hạn ${STAFF_TEXT_LIMIT.toLocaleString('vi-VN')} ký tự. Vui lòng rút gọn hoặc chia thành nhiều lần ghi.`);
  return t;
}

function show(value: unknown): string {
  if (value instanceof Date) return formatVietnameseDate(vietnamDayOf(value));
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  return value === undefined || value === null ? '' : String(value);
}

/** A committed date: a real day, today or later (a promise cannot be made for the past). */
function dateInput(value: string | undefined, label: string, now: Date): Date | '' {
  if (!value) return '';
  const day = parseIsoDate(value);
  if (day === null) throw new ActionRefused(`${label} không hợp lệ.`);
  if (day < vietnamDayOf(now)) throw new ActionRefused(`${label} (${formatVietnameseDate(day)}) đã qua: hãy chọn từ hôm nay trở đi.`);
  return vietnamMidnight(day);
}

const BLANK_LEFT = 'Nội dung trả lời còn chỗ trống của mẫu ("…"): hãy sửa "Trả lời" và điền đủ trước khi gửi cho người dân.';

/** What every way of answering checks: an answer, approved where approval is required, not answered yet. */
function checkDeliverable(c: CaseRecord, key: StatusKey, settings: Settings): void {
  if (!c.answer) throw new ActionRefused('Chưa có nội dung trả lời.');
  if (unfilledBlank(c.answer)) throw new ActionRefused(BLANK_LEFT);
  if (c.answerSentAt) throw new ActionRefused(`Đã trả lời người dân ngày ${show(c.answerSentAt)}.`);
  if (settings.approvalRequired && key !== 'approved') throw new ActionRefused('Nội dung trả lời cần được duyệt trước khi gửi cho người dân.');
}

function delivered(patch: Partial<CaseRecord>, method: AnswerMethodKey, now: Date): void {
  patch.answerSentAt = now;
  patch.answerMethod = ANSWER_METHOD[method];
  patch.status = STATUS.answered;
}

function reopenedStatus(c: CaseRecord): string {
  if (c.assignedBody) return STATUS.inProgress;
  if (c.category) return STATUS.classified;
  return STATUS.new;
}

/**
 * Decides an action on a case. Throws ActionRefused (Vietnamese) when it is not allowed; else
 * returns the fields to change, the history event and the e-mails to queue.
 */
export function decide(c: CaseRecord, input: ActionInput, ctx: ActionContext): ActionResult {
  const { actor, now, settings, calendar } = ctx;
  if (!Object.prototype.hasOwnProperty.call(ACTION_LABELS, input.action)) throw new ActionRefused('Thao tác không hợp lệ.');
  if (!canSee(actor, c)) throw new ActionRefused('Bạn không có quyền với ý kiến này.');
  if (!can(actor, input.action, c)) throw new ActionRefused(`Vai trò của bạn không được "${ACTION_LABELS[input.action]}".`);
  const statusKey = statusOf(c);
  if (!ALLOWED[statusKey].includes(input.action)) throw new ActionRefused(`Không thể "${ACTION_LABELS[input.action]}" khi ý kiến đang ở trạng thái "${STATUS[statusKey]}".`);

  const patch: Partial<CaseRecord> = {};
  // A case stored under an older meaning of its status is written back under its real one.
  if (statusKeyOf(c.status) !== statusKey) patch.status = STATUS[statusKey];
  const notices: Notice[] = [];
  let detail = '';

  switch (input.action) {
    case 'classify': {
      const category = text(input.category);
      if (!settings.categories.some((x) => x.category === category)) throw new ActionRefused('Lĩnh vực không có trong danh sách.');
      if (input.complexity !== 'normal' && input.complexity !== 'complex') throw new ActionRefused('Tính chất không hợp lệ.');
      patch.category = category;
      patch.complexity = COMPLEXITY[input.complexity];
      patch.dueDate = vietnamMidnight(dueDayOf(c.receivedAt, input.complexity, settings.deadlineDays, calendar));
      if (statusKey === 'new') patch.status = STATUS.classified;
      break;
    }
    case 'assign': {
      const body = settings.bodies.find((b) => b.name === text(input.body));
      if (!body) throw new ActionRefused('Cơ quan xử lý không có trong danh sách.');
      const assignee = text(input.assignee).toLowerCase();
      if (assignee && !checkEmail(assignee).valid) throw new ActionRefused('Email người xử lý không hợp lệ.');
      patch.assignedBody = body.name;
      patch.assignee = assignee;
      patch.bodyDueDate = dateInput(input.bodyDueDate, 'Hạn cơ quan xử lý cam kết', now);
      // A draft answer stays a draft: only a case not yet being handled moves to "Đang xử lý".
      if (statusKey === 'new' || statusKey === 'classified') patch.status = STATUS.inProgress;
      const to = assignee || body.email;
      if (to) notices.push({ kind: 'assignee', to, code: c.code, body: body.name, dueOn: formatVietnameseDate(vietnamDayOf(c.dueDate)) });
      break;
    }
    case 'note': {
      detail = text(input.text, 'Ghi chú');
      if (!detail) throw new ActionRefused('Vui lòng nhập nội dung ghi chú.');
      break;
    }
    case 'progress': {
      detail = text(input.text, 'Nội dung tiến độ');
      if (!detail) throw new ActionRefused('Vui lòng nhập nội dung tiến độ.');
      if (input.bodyDueDate) patch.bodyDueDate = dateInput(input.bodyDueDate, 'Hạn cơ quan xử lý cam kết', now);
      break;
    }
    case 'answer': {
      const answer = text(input.text, 'Nội dung trả lời');
      if (!answer) throw new ActionRefused('Vui lòng nhập nội dung trả lời.');
      if (!c.category) throw new ActionRefused('Hãy phân loại ý kiến trước khi trả lời.');
      patch.answer = answer;
      if (input.publicSummary !== undefined) {
        const summary = text(input.publicSummary, 'Tóm tắt công khai');
        // What residents read is written by admins only.
        if (summary !== c.publicSummary && !can(actor, 'editPublic')) throw new ActionRefused('Chỉ cán bộ quản trị được viết tóm tắt công khai.');
        patch.publicSummary = summary;
      }
      patch.answeredAt = now;
      // Written is not answered: the resident has heard nothing yet, and the clock keeps running.
      patch.approvedBy = '';
      patch.status = settings.approvalRequired ? STATUS.awaitingApproval : STATUS.draftAnswer;
      break;
    }
    case 'approve': {
      if (unfilledBlank(c.answer)) throw new ActionRefused(BLANK_LEFT);
      patch.approvedBy = actor.email;
      patch.status = STATUS.approved;
      break;
    }
    case 'sendAnswer': {
      checkDeliverable(c, statusKey, settings);
      if (!c.hasEmail) throw new ActionRefused('Người gửi không để lại email hợp lệ: hãy gọi điện hoặc gửi thư trả lời, rồi ghi nhận.');
      delivered(patch, 'email', now);
      notices.push({ kind: 'answer', code: c.code });
      break;
    }
    case 'recordCall': {
      checkDeliverable(c, statusKey, settings);
      if (c.hasEmail) throw new ActionRefused('Người gửi có email: hãy dùng "Gửi trả lời qua email".');
      detail = text(input.note, 'Ghi chú cuộc gọi');
      // What was said, not who said it: the note stays with admins (disclosure.ts), and a name is not needed.
      if (!detail) throw new ActionRefused('Hãy ghi kết quả cuộc gọi: đã đọc nội dung trả lời chưa, người dân đồng ý hay còn ý kiến gì.');
      delivered(patch, 'phone', now);
      break;
    }
    case 'recordLetter': {
      checkDeliverable(c, statusKey, settings);
      if (c.hasEmail) throw new ActionRefused('Người gửi có email: hãy dùng "Gửi trả lời qua email".');
      // The letter handed over must be the answer as it stands, not one printed from an older draft.
      const made = ctx.letterMadeAt;
      if (!made || (c.answeredAt instanceof Date && made.getTime() < c.answeredAt.getTime())) throw new ActionRefused('Hãy "Lập thư trả lời" từ nội dung trả lời hiện tại, in và gửi thư, rồi ghi nhận.');
      detail = text(input.note, 'Cách gửi thư');
      if (!detail) throw new ActionRefused('Hãy ghi cách gửi thư (qua tổ trưởng tổ dân phố, bưu điện, trao tận tay…).');
      delivered(patch, 'letter', now);
      break;
    }
    case 'setPublic': {
      if (c.hiddenFromPublic) throw new ActionRefused('Ý kiến bị đánh dấu lợi dụng: không được công khai.');
      const summary = input.publicSummary !== undefined ? text(input.publicSummary, 'Tóm tắt công khai') : c.publicSummary;
      if (input.isPublic && !summary) throw new ActionRefused('Hãy viết tóm tắt công khai (không nêu tên, không chép nguyên văn) trước khi công khai.');
      patch.answerPublic = input.isPublic === true;
      patch.publicSummary = summary;
      break;
    }
    case 'close': {
      const outcome = input.outcome as OutcomeKey;
      const note = text(input.note, 'Ghi chú kết quả');
      if (outcome === 'resolved' && statusKey !== 'answered') throw new ActionRefused('Chỉ đóng với kết quả "Đã giải quyết" sau khi đã trả lời.');
      if (outcome === 'notCompetent' && !note) throw new ActionRefused('Hãy ghi rõ cơ quan người dân cần liên hệ.');
      if (!['resolved', 'notCompetent', 'insufficient'].includes(outcome)) throw new ActionRefused('Kết quả không hợp lệ.');
      patch.outcome = OUTCOME[outcome];
      patch.outcomeNote = note;
      patch.status = STATUS.closed;
      patch.closedAt = now;
      break;
    }
    case 'reopen': {
      const reason = text(input.reason, 'Lý do');
      if (!reason) throw new ActionRefused('Hãy ghi lý do mở lại.');
      detail = reason;
      patch.status = reopenedStatus(c);
      // What was published stays unpublished until an admin publishes the case again.
      patch.answerPublic = false;
      patch.outcome = '';
      patch.outcomeNote = '';
      patch.closedAt = '';
      // A new answer will be needed: the earlier one stays in the history and the audit trail.
      patch.answerSentAt = '';
      patch.answerMethod = '';
      patch.approvedBy = '';
      if (c.outcome === OUTCOME.misuse) patch.hiddenFromPublic = false;
      break;
    }
    case 'duplicate': {
      // The original's code in its one form (GY-2026-000012 is GY-2026-00012); what is no code stays as typed, to be refused as unknown.
      const typedOf = text(input.of);
      const of = canonicalCode(typedOf) || typedOf.toUpperCase();
      if (!of || of === c.code) throw new ActionRefused('Hãy nhập mã ý kiến gốc (khác mã này).');
      patch.outcome = OUTCOME.duplicate;
      patch.outcomeNote = of;
      patch.linkedCases = linkCodes(c.linkedCases, of);
      patch.status = STATUS.closed;
      patch.closedAt = now;
      break;
    }
    case 'misuse': {
      const reason = text(input.reason, 'Lý do');
      if (!reason) throw new ActionRefused('Hãy ghi lý do (xuyên tạc, bôi nhọ, vi phạm pháp luật…).');
      detail = reason;
      patch.outcome = OUTCOME.misuse;
      patch.outcomeNote = reason;
      patch.hiddenFromPublic = true;
      patch.answerPublic = false;
      patch.status = STATUS.closed;
      patch.closedAt = now;
      const police = settings.bodies.find((b) => /công an/i.test(b.name));
      if (police?.email) notices.push({ kind: 'police', to: police.email, code: c.code, reason });
      break;
    }
    case 'followUp': {
      detail = text(input.content, 'Nội dung phản ánh lại');
      if (!detail) throw new ActionRefused('Vui lòng nhập nội dung phản ánh lại.');
      break;
    }
  }

  const changes = (Object.keys(patch) as Array<keyof CaseRecord>)
    .filter((k) => FIELD_LABELS[k] && show(patch[k]) !== show(c[k]))
    .map((k) => ({ field: FIELD_LABELS[k]!, from: show(c[k]), to: show(patch[k]) }));
  const version = c.version + 1;
  patch.version = version;
  patch.updatedAt = now;
  const event: HistoryEvent = { v: version, at: now.toISOString(), by: actor.email, action: ACTION_LABELS[input.action], ...(detail ? { detail } : {}), ...(changes.length ? { changes } : {}) };
  return { patch, event, notices };
}

export function linkCodes(existing: string, code: string): string {
  const codes = existing.split(',').map((s) => s.trim()).filter(Boolean);
  if (!codes.includes(code)) codes.push(code);
  return codes.join(', ');
}

/** The message shown when a save was based on an old version: what changed since. */
export function conflictMessage(currentVersion: number, seenVersion: number, events: HistoryEvent[]): string {
  const since = events.filter((e) => e.v > seenVersion);
  const lines = since.map((e) => {
    const what = (e.changes ?? []).map((ch) => `${ch.field}: ${ch.from || '–'} → ${ch.to || '–'}`).join('; ');
    return `• ${e.by} — ${e.action}${what ? ` (${what})` : ''}`;
  });
  return [`Ý kiến đã được cập nhật sau khi bạn mở (phiên bản ${seenVersion} → ${currentVersion}). Thay đổi của bạn chưa được lưu.`, ...lines, 'Vui lòng xem lại rồi thao tác lại.'].join('\n');
}
