/**
 * The sidebar's inbox and case view. Every call finds the caller's role on the server and answers
 * with JSON only: dates travel as dd/mm/yyyy text, never as Date objects.
 */
import { suggestionsView, type SuggestionsView } from './suggestions-view';
import { formatVietnameseDate, toYmd, vietnamDayOf } from '../../domain/calendar/civil-date';
import { CHANNELS, STATUS } from '../../domain/case';
import { parseHistory, type CaseRecord, type HistoryEvent } from '../../domain/case-record';
import { buildInbox, isOpen, type InboxPage, type InboxQuery } from '../../domain/inbox';
import { deadlinesOn, type DeadlineDays } from '../../domain/deadline';
import { ACTION_LABELS, allowedActions, answerStateOf, canSee, type ActionInput, type ActionKey, type AnswerState } from '../../domain/lifecycle';
import { can, capabilitiesOf, ACTION_KEYS, type ActionKey as Capable, type Actor, type Capability } from '../../domain/permissions';
import { answerMailProblem } from '../../domain/lifecycle/mail-settled';
import { fields, integer, text } from '../../domain/input';
import { answerTemplateFor, fillTemplate, policeBody } from '../../domain/settings';
import { replyEmail } from '../../domain/reply';
import { historyFor, inboxItemAs, readsOriginal, residentMasker, searchAs } from '../../domain/disclosure';
import { CASES } from '../../i18n/vi';
import { replyFacts } from '../../domain/reply-facts';
import { performAction, revealContact, type ContactDetails } from '../../services/cases/actions';
import { staffCall } from '../../services/access/caller';
import { readCaseAnywhere, readIndex } from '../../services/cases/store';
import { archivedIndex, readLedger } from '../../services/cases/archive';
import { ledgerYears } from '../../domain/archive';
import { readSubmitterNames } from '../../services/cases/submitter-names';
import { rpc } from './rpc';
import type { Runtime } from '../../services/platform/runtime';
import { UserError } from '../../services/platform/errors';
import { createCaseDocument, createGroupAnswerSheets } from '../../services/documents/paper-trail';
import type { WrittenDoc } from '../../services/platform/doc-writer';
import { issueLookupKey } from '../../services/cases/lookup-key';
import { findCasesBySender, type SenderSearchResult } from '../../services/cases/sender-search';

export interface InboxResponse extends InboxPage {
  options: { statuses: string[]; categories: string[]; groups: string[]; bodies: string[]; channels: string[]; archiveYears: number[] };
}

export interface CaseView {
  code: string;
  row: number;
  version: number;
  receivedOn: string;
  channel: string;
  group: string;
  groupKnown: boolean;
  category: string;
  suggestedCategory: string;
  /** The learned suggestions with their confidence and why (for who may classify or assign), or null. */
  suggestions: SuggestionsView | null;
  complexity: string;
  status: string;
  dueOn: string;
  workingDaysLeft: number | null;
  /** The settings' working days to answer, normal and complex (the classify form prints them). */
  deadlineDays: DeadlineDays;
  /** Years the due date was counted through whose days off the Government has not announced yet. */
  provisionalYears: number[];
  bodyDueOn: string;
  assignedBody: string;
  assignee: string;
  content: string;
  contentNote: string;
  location: string;
  confidential: boolean;
  hasEmail: boolean;
  hasPhone: boolean;
  answer: string;
  /** Draft, waiting for approval, approved, its e-mail waiting in the outbox, or how the resident was answered. */
  answerState: AnswerState;
  answerSent: string;
  /** Why the last answer e-mail could not be sent, while it is not sent again ('' otherwise). */
  answerProblem: string;
  /** A misuse case's transfer to the ward police (POLICE_TRANSFER's values), '' for none. */
  policeTransfer: string;
  /** For whoever may mark misuse: where it would be sent (no address: it would reach nobody). */
  police: { name: string; email: string } | null;
  /** May this person answer the resident at all (the permissions table): the hint on how to is for them. */
  mayAnswerResident: boolean;
  /** This person acts on cases through their personal link, not here: the sidebar says so. */
  actsByLink: boolean;
  /** The e-mail the resident would get, without their name (which only the sender fills in). */
  replyPreview: string;
  /** The resident's rating of the answer, "4/5 — comment", or ''. */
  rating: string;
  approvedBy: string;
  answerPublic: boolean;
  publicSummary: string;
  outcome: string;
  outcomeNote: string;
  linkedCases: string;
  hiddenFromPublic: boolean;
  history: HistoryEvent[];
  actions: Array<{ key: ActionKey; label: string }>;
  answerTemplate: string;
  categories: string[];
  bodies: string[];
  canSeeContact: boolean;
  canMakeDocuments: boolean;
  /** The year of the archive tab the case moved to (read-only: no action); absent for the cases tab's. */
  archived?: number;
}

/** The years between receipt and the due date that follow the rules, not an announced schedule. */
function provisionalYears(rt: Runtime, c: CaseRecord): number[] {
  if (!(c.receivedAt instanceof Date) || !(c.dueDate instanceof Date)) return [];
  const years: number[] = [];
  for (let y = toYmd(vietnamDayOf(c.receivedAt)).year; y <= toYmd(vietnamDayOf(c.dueDate)).year; y++) if (!rt.calendar.isOfficial(y)) years.push(y);
  return years;
}

const isActionKey = (k: Capability | string): k is Capable => (ACTION_KEYS as string[]).includes(k);

/** The ways of answering the resident (an e-mail, a call, a letter). */
const DELIVERY_ACTIONS: Capable[] = ['sendAnswer', 'recordCall', 'recordLetter'];

function policeOf(rt: Runtime): { name: string; email: string } | null {
  const p = policeBody(rt.settings);
  return p ? { name: p.name, email: p.email } : null;
}

const day = (d: Date | ''): string => (d instanceof Date ? formatVietnameseDate(vietnamDayOf(d)) : '');


/** The inbox's query as the sidebar sends it, read without trusting it. */
function inboxQuery(raw: unknown): InboxQuery {
  const q = fields(raw, 200);
  const str = (k: string) => text(q[k], 200) || undefined;
  return { status: str('status'), category: str('category'), group: str('group'), body: str('body'), assignee: str('assignee'), channel: str('channel'), from: str('from'), to: str('to'), text: str('text'), page: integer(q.page) ?? undefined, pageSize: integer(q.pageSize) ?? undefined, archive: str('archive') };
}

/**
 * The entries the inbox lists: the cases tab's, or — asked for a year that has an archive tab —
 * that tab's (read-only cases, opened by code: no row hint).
 */
function inboxEntries(rt: Runtime, query: InboxQuery): { entries: ReturnType<typeof readIndex>; years: number[] } {
  const years = ledgerYears(readLedger(rt));
  const year = Number(query.archive);
  if (!years.includes(year)) return { entries: readIndex(SpreadsheetApp.getActive(), rt), years };
  return { entries: archivedIndex(SpreadsheetApp.getActive(), rt, [year]).map((e) => ({ ...e, row: 0 })), years };
}

export function inbox(query: unknown): InboxResponse {
  return rpc('inbox', () => {
    const { rt, actor } = staffCall('viewInbox');
    const q = inboxQuery(query);
    const { entries, years } = inboxEntries(rt, q);
    const page = buildInbox(entries, actor, searchAs(actor.role, q), vietnamDayOf(new Date()), rt.calendar);
    return {
      ...page,
      items: page.items.map((i) => inboxItemAs(actor.role, i)),
      options: {
        statuses: Object.values(STATUS),
        categories: rt.settings.categories.map((c) => c.category),
        groups: rt.settings.groups,
        bodies: rt.settings.bodies.map((b) => b.name),
        channels: Object.values(CHANNELS),
        archiveYears: years,
      },
    };
  });
}

/**
 * One case as the caller may read it. Admins read it as written; a handler or a viewer reads the
 * resident's words without their contact details or name (read from "Người gửi" for that: 2 more
 * Spreadsheet calls, for them only) and the history without the admins' notes on reaching the
 * resident (domain/disclosure).
 */
function view(rt: Runtime, c: CaseRecord, row: number, actor: Actor): CaseView {
  const today = vietnamDayOf(new Date());
  const category = c.category || c.suggestedCategory;
  const name = readsOriginal(actor.role) ? '' : (readSubmitterNames(SpreadsheetApp.getActive(), rt).get(c.code) ?? '');
  const resident = residentMasker(actor.role, name);
  return {
    code: c.code,
    row,
    version: c.version,
    receivedOn: c.receivedAt instanceof Date ? `${day(c.receivedAt)}` : '',
    channel: c.channel,
    group: c.groupKnown ? c.group : resident(c.group),
    groupKnown: c.groupKnown,
    category: c.category,
    suggestedCategory: c.suggestedCategory,
    suggestions: suggestionsView(rt, c, actor),
    complexity: c.complexity,
    status: c.status,
    dueOn: day(c.dueDate),
    workingDaysLeft: isOpen(c) && c.dueDate instanceof Date ? deadlinesOn(today, rt.calendar).workingDaysLeft(vietnamDayOf(c.dueDate)) : null,
    deadlineDays: { ...rt.settings.deadlineDays },
    provisionalYears: provisionalYears(rt, c),
    bodyDueOn: day(c.bodyDueDate),
    assignedBody: c.assignedBody,
    assignee: c.assignee,
    content: resident(c.content),
    contentNote: resident(c.contentNote),
    location: resident(c.location),
    confidential: c.confidential,
    hasEmail: c.hasEmail,
    hasPhone: c.hasPhone,
    // Staff's words, but they may name the resident (a greeting, a pasted sentence): read-only for
    // non-admins, so masked like the history, which already masks the same texts.
    answer: resident(c.answer),
    answerState: answerStateOf(c),
    replyPreview: c.answer ? resident(replyEmail(replyFacts(rt.settings, c, ''))) : '',
    rating: typeof c.rating === 'number' ? `${c.rating}/5${c.ratingComment ? ` — ${resident(c.ratingComment)}` : ''}` : '',
    answerSent: day(c.answerSentAt),
    answerProblem: resident(answerMailProblem(parseHistory(c.history))),
    policeTransfer: c.policeTransfer ?? '',
    police: can(actor, 'misuse') ? policeOf(rt) : null,
    mayAnswerResident: DELIVERY_ACTIONS.some((a) => can(actor, a)),
    actsByLink: !capabilitiesOf(actor).some(isActionKey) && capabilitiesOf({ ...actor, via: 'link' }).some(isActionKey),
    approvedBy: c.approvedBy,
    answerPublic: c.answerPublic,
    publicSummary: resident(c.publicSummary),
    outcome: c.outcome,
    // Staff's words, but often about the resident; shown, never edited, so masked like the history's.
    outcomeNote: resident(c.outcomeNote),
    linkedCases: c.linkedCases,
    hiddenFromPublic: c.hiddenFromPublic,
    history: historyFor(actor.role, parseHistory(c.history), name),
    actions: allowedActions(actor, c, rt.settings.approvalRequired).map((key) => ({ key, label: ACTION_LABELS[key] })),
    answerTemplate: fillTemplate(answerTemplateFor(rt.settings, category), { code: c.code, category, committee: rt.settings.committeeName }),
    categories: rt.settings.categories.map((x) => x.category),
    bodies: rt.settings.bodies.map((b) => b.name),
    canSeeContact: can(actor, 'viewContact'),
    canMakeDocuments: can(actor, 'makeDocuments'),
  };
}

/** Longer than any case code: longer input stays too long (readCase refuses it), never cut into a valid one. */
const CODE_MAX = 64;

export function caseView(code: unknown, row?: unknown): CaseView {
  return rpc('caseView', () => {
    const { rt, actor } = staffCall('viewCase');
    const at = readCaseAnywhere(SpreadsheetApp.getActive(), rt, text(code, CODE_MAX), integer(row) ?? undefined);
    if (!at || !canSee(actor, at.record)) throw new UserError(CASES.notFound);
    if (at.archived === undefined) return view(rt, at.record, at.row, actor);
    // Moved to its year's archive: read-only, and no row hint into the cases tab.
    return { ...view(rt, at.record, 0, actor), actions: [], canMakeDocuments: false, workingDaysLeft: null, suggestions: null, archived: at.archived };
  });
}

/** One action by a staff member from the sidebar; handling bodies act through their personal link. */
export function caseAction(code: unknown, row: unknown, version: unknown, input: unknown): { message: string; view: CaseView } {
  return rpc('caseAction', () => {
    const action = fields(input);
    const key = text(action.action, 40);
    const { rt, actor } = staffCall(isActionKey(key) ? key : 'viewCase', false);
    const outcome = performAction(actor, text(code, CODE_MAX), integer(row) ?? undefined, integer(version) ?? -1, action as unknown as ActionInput, rt);
    return { message: outcome.message, view: view(outcome.rt, outcome.record, outcome.row, actor) };
  });
}

export function contactDetails(code: unknown, reason: unknown): ContactDetails | { none: true } {
  return rpc('contact', () => {
    const { rt, actor } = staffCall('viewContact');
    return revealContact(rt, actor, text(code, CODE_MAX), text(reason, 2000)) ?? { none: true };
  });
}

export function caseDocument(code: unknown, kind: unknown): WrittenDoc {
  return rpc('documents', () => {
    const { rt, actor } = staffCall('makeDocuments');
    return createCaseDocument(rt, actor, text(code, CODE_MAX), kind === 'letter' ? 'letter' : 'slip');
  });
}

export function groupAnswerSheets(): WrittenDoc {
  return rpc('documents', () => {
    const { rt, actor } = staffCall('makeDocuments');
    return createGroupAnswerSheets(rt, actor);
  });
}

export function newLookupKey(code: unknown): { key: string; message: string } {
  return rpc('caseAction', () => {
    const { rt, actor } = staffCall('issueLookupKey');
    return issueLookupKey(rt, actor, text(code, CODE_MAX));
  });
}

/** Cases by the sender's phone or name, for a resident who calls without their code (admins; logged). */
export function senderSearch(query: unknown, reason: unknown): SenderSearchResult {
  return rpc('contact', () => {
    const { rt, actor } = staffCall('findSender');
    return findCasesBySender(rt, actor, text(query, 200), text(reason, 2000));
  });
}
