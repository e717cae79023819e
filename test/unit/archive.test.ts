/**
 * Which cases may move to their year's archive (domain/archive): closed, received before 1 January
 * of this year (Vietnam time), closed at least 30 days ago, no mail of theirs on its way, no linked
 * case still open; and the archive's ledger (which tabs span a period).
 */
import { ANSWER_METHOD, POLICE_TRANSFER, STATUS } from '../../src/domain/case';
import { fromYmd } from '../../src/domain/calendar/civil-date';
import {
  archiveMonthOf,
  archiveTabName,
  archiveYearOf,
  archiveYearOfTab,
  EMPTY_LEDGER,
  isArchiveHour,
  ledgerAfter,
  linkedCodesOf,
  parseLedger,
  spanOf,
  stayReason,
  tabColumns,
  yearsSpanning,
  type ArchiveContext,
} from '../../src/domain/archive';

const NOW = new Date('2026-03-02T02:00:00Z');
const ctx = (over: Partial<ArchiveContext> = {}): ArchiveContext => ({ now: NOW, mailPending: new Set(), openCodes: new Set(), ...over });
const closed = {
  code: 'GY-2025-00012',
  receivedAt: new Date('2025-06-10T03:00:00Z'),
  status: STATUS.closed as string,
  closedAt: new Date('2025-07-01T03:00:00Z') as Date | '',
  linkedCases: '',
  answerSentAt: new Date('2025-06-20T03:00:00Z') as Date | '',
  answerMethod: ANSWER_METHOD.email as string,
  rating: '' as number | '',
};

describe('which cases move', () => {
  it('a closed case of a past year, closed 30 days ago or more, moves', () => {
    expect(stayReason(closed, ctx())).toBe('');
  });

  it('received this year (Vietnam time: 31/12 at 23:30 is still last year) stays', () => {
    expect(stayReason({ ...closed, receivedAt: new Date('2026-01-01T01:00:00Z') }, ctx())).toBe('recent');
    // 31/12/2025 23:30 in Vietnam is 16:30 UTC: last year.
    expect(stayReason({ ...closed, receivedAt: new Date('2025-12-31T16:30:00Z') }, ctx())).toBe('');
    // 01/01/2026 00:30 in Vietnam is 17:30 UTC on 31/12: this year.
    expect(stayReason({ ...closed, receivedAt: new Date('2025-12-31T17:30:00Z') }, ctx())).toBe('recent');
  });

  it('not closed stays — answered, drafted, open; rated 1–2 and not closed says so', () => {
    for (const status of [STATUS.new, STATUS.inProgress, STATUS.draftAnswer, STATUS.answered]) expect(stayReason({ ...closed, status, closedAt: '' }, ctx())).toBe('notClosed');
    expect(stayReason({ ...closed, status: STATUS.answered, closedAt: '', rating: 2 }, ctx())).toBe('lowRatedOpen');
    // Rated low, then closed: it moves like any other closed case.
    expect(stayReason({ ...closed, rating: 1 }, ctx())).toBe('');
  });

  it('closed less than 30 days ago stays, however old the case', () => {
    expect(stayReason({ ...closed, closedAt: new Date('2026-02-01T03:00:00Z') }, ctx())).toBe('grace');
    expect(stayReason({ ...closed, closedAt: new Date('2026-01-31T02:00:00Z') }, ctx())).toBe('');
    expect(stayReason({ ...closed, closedAt: '' }, ctx())).toBe('grace');
  });

  it('a mail still on its way stays: in the outbox, the answer e-mail not sent, the police not yet told', () => {
    expect(stayReason(closed, ctx({ mailPending: new Set([closed.code]) }))).toBe('mailOnItsWay');
    expect(stayReason({ ...closed, answerSentAt: '' }, ctx())).toBe('mailOnItsWay');
    expect(stayReason({ ...closed, policeTransfer: POLICE_TRANSFER.waiting }, ctx())).toBe('mailOnItsWay');
    expect(stayReason({ ...closed, policeTransfer: POLICE_TRANSFER.sent }, ctx())).toBe('');
  });

  it('linked to a case still open (a follow-up, a duplicate’s original) stays', () => {
    const linked = { ...closed, linkedCases: 'GY-2025-00099, GY-2026-00001' };
    expect(stayReason(linked, ctx({ openCodes: new Set(['GY-2026-00001']) }))).toBe('linkedOpen');
    expect(stayReason(linked, ctx({ openCodes: new Set(['GY-2026-00002']) }))).toBe('');
    expect(linkedCodesOf('GY-2025-00099, GY-2026-00001')).toEqual(['GY-2025-00099', 'GY-2026-00001']);
  });

  it('a row whose code is no code stays (a row typed by hand)', () => {
    expect(stayReason({ ...closed, code: 'ghi chú' }, ctx())).toBe('noCode');
  });
});

describe('tabs and the ledger', () => {
  it('a code’s tab is its year’s, a slip’s too (the year it was printed)', () => {
    expect(archiveTabName(2025)).toBe('Lưu trữ 2025');
    expect(archiveYearOf('GY-2025-00012')).toBe(2025);
    expect(archiveYearOf('gy 2024 p 00003')).toBe(2024);
    expect(archiveYearOf('x')).toBeNull();
    expect(archiveYearOfTab('Lưu trữ 2025')).toBe(2025);
    expect(archiveYearOfTab('Lưu trữ năm 2025')).toBeNull();
    expect(archiveYearOfTab('Ý kiến')).toBeNull();
  });

  it('a tab’s span runs from its first receipt to its last answer, rating or close; a reader opens only the tabs that meet its period', () => {
    const span = spanOf([closed, { ...closed, receivedAt: new Date('2025-01-05T03:00:00Z'), closedAt: new Date('2026-01-10T03:00:00Z') }]);
    expect(span).toEqual({ first: new Date('2025-01-05T03:00:00Z').getTime(), last: new Date('2026-01-10T03:00:00Z').getTime() });
    let ledger = ledgerAfter(EMPTY_LEDGER, 2025, 2, span, ['code', 'receivedAt']);
    ledger = ledgerAfter(ledger, 2024, 1, spanOf([{ ...closed, receivedAt: new Date('2024-12-20T03:00:00Z'), closedAt: new Date('2025-01-02T03:00:00Z'), answerSentAt: '' }]), ['code', 'receivedAt']);
    expect(ledger.layouts).toEqual([['code', 'receivedAt']]);
    expect(tabColumns(ledger, 2024)).toEqual(['code', 'receivedAt']);
    expect(yearsSpanning(ledger, fromYmd(2026, 1, 1), fromYmd(2026, 1, 31))).toEqual([2025]);
    expect(yearsSpanning(ledger, fromYmd(2025, 1, 1), fromYmd(2025, 1, 31))).toEqual([2024, 2025]);
    expect(yearsSpanning(ledger, fromYmd(2026, 2, 1), fromYmd(2026, 2, 28))).toEqual([]);
    // Stored as JSON and read back the same; junk reads as an empty ledger.
    expect(parseLedger(JSON.parse(JSON.stringify(ledger)))).toEqual(ledger);
    expect(parseLedger('x')).toEqual(EMPTY_LEDGER);
  });

  it('moves by itself at night only (22:00–04:59 in Vietnam), once a month', () => {
    expect(isArchiveHour(new Date('2026-03-02T02:00:00Z'))).toBe(false); // 09:00
    expect(isArchiveHour(new Date('2026-03-02T15:00:00Z'))).toBe(true); // 22:00
    expect(isArchiveHour(new Date('2026-03-02T21:59:00Z'))).toBe(true); // 04:59
    expect(isArchiveHour(new Date('2026-03-02T22:00:00Z'))).toBe(false); // 05:00
    expect(archiveMonthOf(new Date('2026-02-28T17:30:00Z'))).toBe('2026-03');
  });
});
