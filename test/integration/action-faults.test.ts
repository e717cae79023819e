/**
 * Every case action is all or nothing (issue 7). For each action, a fault sweep runs it once per
 * service call it makes, failing the k-th call; then the person retries (with the version they
 * saw) and the hourly job runs. Each time: the case is either unchanged — and the person got a
 * Vietnamese message — or fully changed: the row, exactly one audit row for the new version, and
 * exactly one outbox row for each e-mail the action queues. "Đã trả lời" only once the answer
 * e-mail has left the outbox (issue 18.5), or the call or letter recorded. Nothing is ever done twice.
 * The outbox's word on a queued mail may add a later version, by "Hệ thống" (deliveries.test.ts).
 */
import { ADMIN, formAnswers, runHourly, setUpWard, tabRecords, wardFactory, type Ward } from '../support/ward';

const HANDLER = 'ubnd@luukiem.example';
const CASES = 'Ý kiến';
type View = { code: string; row: number; version: number; status: string; linkedCases: string; answerSent: string; history: Array<{ v: number; by: string }> };

function base(w: Ward): void {
  const ss = w.SpreadsheetApp.getActive();
  ss.getSheetByName('Cán bộ')!.getRange(3, 1, 1, 3).setValues([[HANDLER, 'Xử lý', 'UBND phường']]);
  ss.getSheetByName('Cơ quan xử lý')!.getRange(2, 2, 2, 1).setValues([['vanphong@luukiem.example'], ['congan@luukiem.example']]);
  runHourly(w);
  w.ws.forms.submit(w.formId, formAnswers({ content: 'Đèn đường ngõ 12 hỏng', email: 'dan@gmail.com' }));
  w.ws.forms.submit(w.formId, formAnswers({ content: 'Đèn đường ngõ 12 hỏng (lần 2)' }));
  runHourly(w);
}

const open = (w: Ward, code: string) => w.app.call('getCase', code) as View;
const act = (w: Ward, v: View, input: Record<string, unknown>) => (w.app.call('caseAction', v.code, v.row, v.version, input) as { view: View }).view;

/** Brings case 1 to the state the action needs. */
const ready = {
  fresh: (_w: Ward) => {},
  classified: (w: Ward) => void act(w, open(w, 'GY-2026-00001'), { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' }),
  assigned: (w: Ward) => {
    ready.classified(w);
    act(w, open(w, 'GY-2026-00001'), { action: 'assign', body: 'UBND phường', assignee: HANDLER });
  },
  /** An answer written: a draft, not yet sent (issue 8.4). */
  drafted: (w: Ward) => {
    ready.assigned(w);
    act(w, open(w, 'GY-2026-00001'), { action: 'answer', text: 'Đèn đã được thay ngày 28/11.' });
  },
  /** The resident has the answer (by e-mail): it left with the hourly job. */
  answered: (w: Ward) => {
    ready.drafted(w);
    act(w, open(w, 'GY-2026-00001'), { action: 'sendAnswer' });
    runHourly(w);
  },
  /** Case 2 (no e-mail) with a draft answer: answered by a phone call or a letter. */
  draftedNoEmail: (w: Ward) => {
    act(w, open(w, 'GY-2026-00002'), { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' });
    act(w, open(w, 'GY-2026-00002'), { action: 'answer', text: 'Đèn đã được thay ngày 28/11.' });
  },
  letterMade: (w: Ward) => {
    ready.draftedNoEmail(w);
    w.app.call('createCaseDocument', 'GY-2026-00002', 'letter');
  },
  /** With the chair's approval required (setting "Trả lời phải được Chủ tịch duyệt"). */
  awaitingApproval: (w: Ward) => {
    const general = w.SpreadsheetApp.getActive().getSheetByName('Cài đặt')!;
    const keys = general.getRange(1, 1, general.getLastRow(), 1).getValues().map((r) => r[0]);
    general.getRange(keys.indexOf('Trả lời phải được Chủ tịch duyệt') + 1, 2).setValue('Có');
    runHourly(w);
    ready.drafted(w);
  },
  closed: (w: Ward) => {
    ready.answered(w);
    act(w, open(w, 'GY-2026-00001'), { action: 'close', outcome: 'resolved' });
  },
};

const SCENARIOS: Array<{ name: string; state: keyof typeof ready; input: Record<string, unknown>; mails: string[]; code?: string }> = [
  { name: 'classify', state: 'fresh', input: { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'complex' }, mails: [] },
  { name: 'assign (e-mails the handler)', state: 'classified', input: { action: 'assign', body: 'UBND phường', assignee: HANDLER }, mails: [`CX-GY-2026-00001-v{v}-${HANDLER}`] },
  { name: 'answer', state: 'assigned', input: { action: 'answer', text: 'Đèn đã được thay.' }, mails: [] },
  { name: 'send the answer (e-mails the resident)', state: 'drafted', input: { action: 'sendAnswer' }, mails: ['TL-'] },
  { name: 'record the phone call that answered the resident', state: 'draftedNoEmail', input: { action: 'recordCall', note: 'Ông Ba nghe máy, đã đọc trả lời.' }, mails: [], code: 'GY-2026-00002' },
  { name: 'record the letter handed over', state: 'letterMade', input: { action: 'recordLetter', note: 'Qua tổ trưởng tổ dân phố.' }, mails: [], code: 'GY-2026-00002' },
  { name: 'mark as duplicate (links the original too)', state: 'fresh', input: { action: 'duplicate', of: 'GY-2026-00002' }, mails: [] },
  { name: 'misuse (e-mails the police)', state: 'fresh', input: { action: 'misuse', reason: 'Bôi nhọ cá nhân' }, mails: ['CA-'] },
  { name: 'follow-up (files a new linked case)', state: 'closed', input: { action: 'followUp', content: 'Đèn lại hỏng' }, mails: [] },
  { name: 'reopen (announced to the body again)', state: 'closed', input: { action: 'reopen', reason: 'Người dân báo đèn lại hỏng' }, mails: [`CX-GY-2026-00001-v{v}-${HANDLER}`] },
  { name: 'internal note', state: 'fresh', input: { action: 'note', text: 'Đã gọi điện cho tổ trưởng.' }, mails: [] },
  { name: 'progress', state: 'assigned', input: { action: 'progress', text: 'Điện lực hẹn thay bóng.', bodyDueDate: '2026-12-10' }, mails: [] },
  { name: "the chair's approval", state: 'awaitingApproval', input: { action: 'approve' }, mails: [] },
  { name: 'publish', state: 'answered', input: { action: 'setPublic', isPublic: true, publicSummary: 'Đèn ngõ 12 đã được thay.' }, mails: [] },
  { name: 'close', state: 'answered', input: { action: 'close', outcome: 'resolved' }, mails: [] },
];

/** What must be true after any run: row, audit and outbox agree, nothing twice. */
function check(w: Ward, v0: number, mails: string[], where: string, code = 'GY-2026-00001'): 'unchanged' | 'changed' {
  const v = open(w, code);
  const mine = v.history.find((e) => e.v === v0 + 1);
  const changed = mine !== undefined && mine.by !== 'Hệ thống';
  expect([where, changed || v.version === v0]).toEqual([where, true]);
  // Later versions are only the outbox's word on the action's mail, carried by the hourly job.
  expect([where, v.history.filter((e) => e.v > v0 + 1).map((e) => e.by)]).toEqual([where, v.history.filter((e) => e.v > v0 + 1).map(() => 'Hệ thống')]);
  const audit = tabRecords(w, 'Nhật ký').filter((r) => r['Mã ý kiến'] === code && r['Phiên bản'] === String(v0 + 1));
  expect([where, audit.length]).toEqual([where, changed ? 1 : 0]);
  const outbox = tabRecords(w, 'Hộp thư đi').map((r) => r['Mã thư']);
  // Each mail by its id: a prefix before the case and version, or the whole id with {v} for the version.
  for (const prefix of mails) {
    const id = prefix.includes('{v}') ? prefix.replace('{v}', String(v0 + 1)) : `${prefix}GY-2026-00001-v${v0 + 1}`;
    expect([where, id, outbox.filter((x) => x === id).length]).toEqual([where, id, changed ? 1 : 0]);
  }
  // Case 1 (e-mail) is answered only once the answer e-mail has left; case 2 (no e-mail)
  // only by the recorded call or letter, never by e-mail.
  const answerMails = tabRecords(w, 'Hộp thư đi').filter((r) => r['Mã thư'].startsWith('TL-GY-2026-00001') && r['Trạng thái'] === 'Đã gửi');
  // (A reopened case keeps the e-mail it was sent, and is no longer answered.)
  if (code === 'GY-2026-00001' && v.answerSent) expect([where, answerMails.length > 0]).toEqual([where, true]);
  else if (code !== 'GY-2026-00001') expect([where, Boolean(v.answerSent), outbox.filter((x) => x.startsWith(`TL-${code}`)).length]).toEqual([where, changed, 0]);
  expect([where, new Set(outbox).size]).toEqual([where, outbox.length]);
  // Every personal link a sent e-mail carries works for its recipient: no record lost with a failure.
  for (const m of w.ws.mail.outbox()) for (const t of m.body.matchAll(/\?p=([0-9a-f]{64})/g)) expect([where, (w.app.call('getPortal', t[1]) as { email: string }).email]).toEqual([where, m.to[0]]);
  const original = tabRecords(w, CASES).find((r) => r['Mã ý kiến'] === 'GY-2026-00002')!;
  expect([where, original['Ý kiến liên quan'].split(', ').filter((c) => c === 'GY-2026-00001').length <= 1]).toEqual([where, true]);
  const followUps = tabRecords(w, CASES).filter((r) => r['Ý kiến liên quan'] === 'GY-2026-00001' && r['Mã ý kiến'] !== 'GY-2026-00002');
  expect([where, followUps.length <= 1]).toEqual([where, true]);
  return changed ? 'changed' : 'unchanged';
}

describe('fault sweeps over every case action', () => {
  for (const s of SCENARIOS) {
    it(`${s.name}: failing any one service call leaves the case unchanged or fully changed, and a retry completes it once`, () => {
      const fresh = wardFactory((w) => {
        base(w);
        ready[s.state](w);
      });
      // A clean run: how many calls, and what the action leaves.
      const code = s.code ?? 'GY-2026-00001';
      const clean = fresh();
      const v0 = open(clean, code).version;
      clean.ws.faults.failNthCall(1_000_000);
      act(clean, open(clean, code), s.input);
      const total = clean.ws.faults.sweepState().calls;
      runHourly(clean);
      expect(check(clean, v0, s.mails, 'clean run', code)).toBe('changed');
      const outcomes = new Set<string>();
      for (let k = 1; k <= total; k++) {
        const w = fresh();
        const seen = open(w, code);
        w.ws.faults.failNthCall(k);
        let message = '';
        try {
          act(w, seen, s.input);
        } catch (e) {
          message = (e as Error).message;
        }
        const failed = w.ws.faults.sweepState().failed;
        w.ws.faults.failNthCall(0);
        const where = `${s.name}, call ${k} (${failed})`;
        if (message) expect([where, /[ạảãàáâậầấẩẫăắằặẳẵêếềệểễôốồộổỗơớờợởỡưứừựửữđ]/i.test(message)]).toEqual([where, true]);
        // The person retries what they saw; a retry after a committed change is refused as stale.
        try {
          act(w, seen, s.input);
        } catch (e) {
          expect([where, (e as Error).message]).toEqual([where, expect.stringContaining('Ý kiến đã được cập nhật')]);
        }
        runHourly(w);
        runHourly(w);
        outcomes.add(check(w, v0, s.mails, where, code));
      }
      expect(outcomes).toEqual(new Set(['changed']));
    });
  }
});

describe('regressions from "what goes wrong"', () => {
  it('the audit append failing after the row is saved: the answer still goes out, exactly once', () => {
    const w = setUpWard();
    base(w);
    ready.drafted(w);
    const v = open(w, 'GY-2026-00001');
    w.ws.faults.inject('SpreadsheetApp', 'Sheet.appendRow', 1);
    expect(() => act(w, v, { action: 'sendAnswer' })).toThrow('Lỗi hệ thống');
    runHourly(w);
    expect(tabRecords(w, 'Hộp thư đi').filter((r) => r['Mã thư'].startsWith('TL-'))).toHaveLength(1);
    expect(w.ws.mail.outbox().filter((m) => m.subject.includes('Trả lời ý kiến'))).toHaveLength(1);
    expect(tabRecords(w, 'Nhật ký').filter((r) => r['Hành động'] === 'Gửi trả lời qua email')).toHaveLength(1);
  });

  it('an action cut off after its row: the next action on that case writes what it owed, once, before any hourly run (issue 19)', () => {
    const w = setUpWard();
    base(w);
    ready.drafted(w);
    w.ws.faults.inject('SpreadsheetApp', 'Sheet.appendRow', 1);
    expect(() => act(w, open(w, 'GY-2026-00001'), { action: 'sendAnswer' })).toThrow('Lỗi hệ thống');
    const owed = () => tabRecords(w, CASES).find((r) => r['Mã ý kiến'] === 'GY-2026-00001')!['Việc còn dở (hệ thống)'];
    expect(owed()).toContain('TL-GY-2026-00001');
    const v = open(w, 'GY-2026-00001');
    act(w, v, { action: 'note', text: 'Đã gọi lại cho người dân.' });
    expect(owed()).toBe('');
    expect(tabRecords(w, 'Hộp thư đi').filter((r) => r['Mã thư'].startsWith('TL-'))).toHaveLength(1);
    const audit = tabRecords(w, 'Nhật ký').filter((r) => r['Mã ý kiến'] === 'GY-2026-00001');
    expect(audit.filter((r) => r['Phiên bản'] === String(v.version))).toHaveLength(1);
    expect(audit.filter((r) => r['Phiên bản'] === String(v.version + 1))).toHaveLength(1);
    runHourly(w);
    expect(w.ws.mail.outbox().filter((m) => m.subject.includes('Trả lời ý kiến'))).toHaveLength(1);
  });

  it('a duplicate is versioned and audited on both cases', () => {
    const w = setUpWard();
    base(w);
    const before = open(w, 'GY-2026-00002').version;
    act(w, open(w, 'GY-2026-00001'), { action: 'duplicate', of: 'GY-2026-00002' });
    const original = w.app.call('getCase', 'GY-2026-00002') as View & { history: Array<{ v: number; action: string }> };
    expect(original.version).toBe(before + 1);
    expect(original.history.at(-1)).toMatchObject({ v: before + 1, action: 'Liên kết ý kiến trùng lặp' });
    const audit = tabRecords(w, 'Nhật ký').filter((r) => r['Mã ý kiến'] === 'GY-2026-00002' && r['Hành động'] === 'Liên kết ý kiến trùng lặp');
    expect(audit.map((r) => r['Phiên bản'])).toEqual([String(before + 1)]);
  });

  it('a reopened public case goes back to unpublished until an admin publishes it again', () => {
    const w = setUpWard();
    base(w);
    ready.answered(w);
    act(w, open(w, 'GY-2026-00001'), { action: 'setPublic', isPublic: true, publicSummary: 'Đèn ngõ 12 đã được thay.' });
    const reopened = act(w, open(w, 'GY-2026-00001'), { action: 'reopen', reason: 'Đèn lại hỏng' }) as View & { answerPublic: boolean };
    expect(reopened.answerPublic).toBe(false);
  });

  it('a note over the limit gets a clear Vietnamese message and changes nothing; a long one within it is kept whole in the audit', () => {
    const w = setUpWard();
    base(w);
    const v = open(w, 'GY-2026-00001');
    expect(() => act(w, v, { action: 'note', text: 'x'.repeat(60_000) })).toThrow('vượt quá giới hạn 20.000 ký tự');
    expect(open(w, 'GY-2026-00001').version).toBe(v.version);
    const long = 'Ghi chú dài. '.repeat(1500);
    act(w, v, { action: 'note', text: long });
    expect(tabRecords(w, 'Nhật ký').find((r) => r['Hành động'] === 'Ghi chú nội bộ')!['Chi tiết']).toBe(long.trim());
  });

  it('a handler cannot write anything public', () => {
    const w = setUpWard();
    base(w);
    ready.assigned(w);
    w.ws.setUser(HANDLER);
    try {
      // From the sidebar a handler writes nothing at all (issue 10: personal links); the domain
      // refuses a handler's public summary too (test/unit/lifecycle).
      expect(() => act(w, open(w, 'GY-2026-00001'), { action: 'answer', text: 'Đã xử lý.', publicSummary: 'Tóm tắt' })).toThrow('qua liên kết cá nhân');
      expect(() => act(w, open(w, 'GY-2026-00001'), { action: 'setPublic', isPublic: true, publicSummary: 'Tóm tắt' })).toThrow();
    } finally {
      w.ws.setUser(ADMIN);
    }
  });
});
