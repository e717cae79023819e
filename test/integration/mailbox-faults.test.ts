/**
 * Fault sweeps over one poll of the official mailbox: for every service call the poll makes, a
 * fresh ward whose poll fails at that call (a transient error) — or dies there (the time limit:
 * nothing after it runs and the mailbox never gets an answer) — then the mailbox does what it
 * would: polls again with the same messages and what it already reported, and later reports every
 * reply it was handed. Nothing lost (every mail filed, every photo stored, every acknowledgement
 * handed and confirmed), nothing doubled (one case per mail, one addition, one photo row, one
 * acknowledgement), and no reply handed again after the mailbox confirmed it.
 */
import type { MailboxAnswer, MailboxMessage, MailboxReply, SentReport } from '../../src/domain/mailbox-protocol';
import { connectMailboxDirectly, envelope, mail, postRaw } from '../support/mailbox';
import { JPEG_96x72 } from '../support/photos';
import { tabRecords, wardFactory, type Ward } from '../support/ward';

const SECRET = 'sweep-secret-0123456789abcdef0123456789abcdef';
const FIRST = mail({ messageId: '18c00000000f0001', threadId: '18c00000000f0001', rfcMessageId: '<CAFirstSweep@mail.gmail.com>', subject: 'Rác ở đầu ngõ 5' });

/** A ward whose mailbox has filed FIRST and had its acknowledgement handed over (not yet confirmed). */
const fresh = wardFactory((w) => {
  connectMailboxDirectly(w, SECRET);
  const a = postRaw(w, JSON.stringify(envelope(SECRET, { messages: [FIRST], sent: [] }, w.ws.clock.now().getTime()))).answer!;
  expect(a).toMatchObject({ ok: true, replies: [{ id: 'TN-GY-2026-00001' }] });
  w.ws.clock.advance(10 * 60_000);
});

const NEW = mail({ messageId: '18c00000000f0002', threadId: '18c00000000f0002', subject: 'Cống tắc trước nhà số 9', body: 'Cống tắc, nước tràn lên đường.\n\nSent from my iPhone', attachments: [{ name: 'cong.jpg', mimeType: 'image/jpeg', base64: JPEG_96x72 }] });
const REPLY = mail({ messageId: '18c00000000f0003', threadId: '18c00000000f0001', subject: 'Re: Rác ở đầu ngõ 5', body: 'Bổ sung: rác để từ thứ Hai.\n\nOn Tue, Nov 24, 2026 Hòm thư số wrote:\n> Đã tiếp nhận' });

/** The mailbox's side: what it sends, what it was handed, what it confirmed. */
class Mailbox {
  handed: MailboxReply[] = [];
  confirmed = new Set<string>();
  toReport: SentReport[] = [];
  constructor(private readonly w: Ward) {}

  poll(messages: MailboxMessage[]): MailboxAnswer | null {
    const res = postRaw(this.w, JSON.stringify(envelope(SECRET, { messages, sent: this.toReport }, this.w.ws.clock.now().getTime())));
    const a = res.answer && 'ok' in res.answer ? res.answer : null;
    if (a?.ok) {
      // Reports are forgotten once a poll got through; each reply handed is sent, reported next time.
      this.toReport = [];
      for (const r of a.replies) {
        expect([r.id, this.confirmed.has(r.id)]).toEqual([r.id, false]);
        this.handed.push(r);
        this.toReport.push({ id: r.id, ok: true });
        this.confirmed.add(r.id);
      }
    }
    return a;
  }
}

function check(w: Ward, mb: Mailbox, where: string): void {
  const cases = tabRecords(w, 'Ý kiến');
  expect([where, cases.map((c) => c['Mã ý kiến'])]).toEqual([where, ['GY-2026-00001', 'GY-2026-00002']]);
  expect([where, tabRecords(w, 'Người gửi').map((s) => s['Mã ý kiến'])]).toEqual([where, ['GY-2026-00001', 'GY-2026-00002']]);
  // In either order: a mail whose filing failed is filed after the one that did not.
  expect([where, tabRecords(w, 'Thư điện tử').map((r) => [r['Mã thư (hộp thư)'], r['Mã ý kiến']]).sort()]).toEqual([
    where,
    [
      [FIRST.messageId, 'GY-2026-00001'],
      [NEW.messageId, 'GY-2026-00002'],
      [REPLY.messageId, 'GY-2026-00001'],
    ],
  ]);
  const history = String(cases[0]['Lịch sử (hệ thống)'] ?? '');
  expect([where, history.split('Người gửi bổ sung qua email').length - 1]).toEqual([where, 1]);
  expect([where, tabRecords(w, 'Ảnh').map((p) => p['Mã ý kiến'])]).toEqual([where, ['GY-2026-00002']]);
  const outbox = tabRecords(w, 'Hộp thư đi');
  expect([where, outbox.map((r) => [r['Mã thư'], r['Trạng thái']])]).toEqual([
    where,
    [
      ['TN-GY-2026-00001', 'Đã gửi'],
      ['TN-GY-2026-00002', 'Đã gửi'],
    ],
  ]);
  expect([where, w.ws.mail.outbox().length]).toEqual([where, 0]);
  // Each acknowledgement handed at most twice (a lost answer re-offers it), never after it was confirmed (asserted as handed).
  expect([where, mb.handed.filter((r) => r.id === 'TN-GY-2026-00002').length >= 1]).toEqual([where, true]);
}

function scenario(w: Ward, arm: () => void): { mb: Mailbox; failed: string | null } {
  const mb = new Mailbox(w);
  // The prepared ward handed the first acknowledgement: the mailbox sent it and reports it now.
  mb.toReport = [{ id: 'TN-GY-2026-00001', ok: true }];
  mb.confirmed.add('TN-GY-2026-00001');
  arm();
  mb.poll([NEW, REPLY]);
  const failed = w.ws.faults.sweepState().failed;
  w.ws.faults.failNthCall(0);
  // The mailbox hands again whatever it had no verdict for (here: everything, the worst case).
  w.ws.clock.advance(10 * 60_000);
  mb.poll([NEW, REPLY]);
  w.ws.clock.advance(10 * 60_000);
  mb.poll([]);
  // After the lease: whatever was claimed by a poll whose answer was lost is handed again.
  w.ws.clock.advance(30 * 60_000);
  mb.poll([]);
  w.ws.clock.advance(10 * 60_000);
  mb.poll([]);
  return { mb, failed };
}

/** The service calls of the poll under test, counted on a clean run. */
let counted = 0;
function pollCalls(): number {
  if (counted) return counted;
  const w = fresh();
  w.ws.faults.failNthCall(1_000_000);
  new Mailbox(w).poll([NEW, REPLY]);
  counted = w.ws.faults.sweepState().calls;
  return counted;
}

describe('a poll of the official mailbox under faults', () => {
  it('a clean poll: files the mail with its photo, the addition, confirms and hands over', () => {
    const w = fresh();
    const { mb } = scenario(w, () => w.ws.faults.failNthCall(1_000_000));
    check(w, mb, 'clean');
    expect(pollCalls()).toBeGreaterThan(20);
  });

  it('failing any one service call: nothing lost, nothing doubled, nothing handed after confirmation', () => {
    const total = pollCalls();
    for (let k = 1; k <= total; k++) {
      const w = fresh();
      const { mb, failed } = scenario(w, () => w.ws.faults.failNthCall(k));
      check(w, mb, `call ${k} (${failed})`);
    }
  });

  it('cut off at any service call (the answer never arrives): the same', () => {
    const total = pollCalls();
    for (let k = 1; k <= total; k++) {
      const w = fresh();
      const { mb, failed } = scenario(w, () => w.ws.faults.cutOffAtCall(k));
      check(w, mb, `cut at ${k} (${failed})`);
    }
  });
});
