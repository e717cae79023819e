/**
 * The acknowledgement and the answer of an e-mail case go back in its thread through the mailbox:
 * handed over in a poll's answer (claimed with a lease), confirmed by the next poll's report,
 * never handed again once confirmed — and never sent by the hourly MailApp drain.
 */
import type { MailboxAnswer, MailboxReply } from '../../src/domain/mailbox-protocol';
import { connectMailboxDirectly, mail, poll } from '../support/mailbox';
import { runHourly, tabRecords, wardFactory, type Ward, actInSidebar, openInSidebar } from '../support/ward';

const fresh = wardFactory();

const replies = (a: MailboxAnswer): MailboxReply[] => (a.ok ? a.replies : []);
const outboxRow = (w: Ward, id: string) => tabRecords(w, 'Hộp thư đi').find((r) => r['Mã thư'] === id)!;

function filed(): { w: Ward; secret: string; first: MailboxReply; messageId: string } {
  const w = fresh();
  const secret = connectMailboxDirectly(w);
  const m = mail({ subject: 'Đèn đường ngõ 12 hỏng' });
  const a = poll(w, secret, { messages: [m] });
  expect(replies(a)).toHaveLength(1);
  return { w, secret, first: replies(a)[0], messageId: m.messageId };
}

type View = { row: number; version: number; status: string };
const open = (w: Ward, code: string) => openInSidebar<View>(w, code);
const act = actInSidebar;

describe('replies go back in the thread, through the mailbox', () => {
  it('the acknowledgement is handed over in the same poll: in the thread, "Re: " subject, named, with the lookup key — never by MailApp', () => {
    const { w, first, messageId } = filed();
    expect(first).toMatchObject({ id: 'TN-GY-2026-00001', messageId, to: 'lan.nguyen@gmail.com', subject: 'Re: Đèn đường ngõ 12 hỏng' });
    expect(first.body).toContain('Nguyễn Thị Lan');
    expect(first.body).toMatch(/[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/);
    expect(first.body).not.toContain('\u2063');
    // A reply in this thread reaches the case: the mail does not say "do not reply".
    expect(first.body).not.toContain('xin không trả lời thư');
    expect(first.body).toContain('Ông/bà có thể trả lời ngay thư này');
    // The tab holds neither the name nor the key.
    const row = outboxRow(w, 'TN-GY-2026-00001');
    expect(row['Trạng thái']).toBe('Đang gửi');
    expect(row['Nội dung']).not.toContain('Nguyễn Thị Lan');
    runHourly(w);
    expect(w.ws.mail.outbox()).toHaveLength(0);
    expect(outboxRow(w, 'TN-GY-2026-00001')['Trạng thái']).toBe('Đang gửi');
  });

  it('confirmed by the next poll: "Đã gửi", never handed again', () => {
    const { w, secret, first } = filed();
    w.ws.clock.advance(10 * 60_000);
    expect(replies(poll(w, secret, { sent: [{ id: first.id, ok: true }] }))).toEqual([]);
    expect(outboxRow(w, first.id)['Trạng thái']).toBe('Đã gửi');
    for (let i = 0; i < 4; i++) {
      w.ws.clock.advance(30 * 60_000);
      expect(replies(poll(w, secret, { sent: [{ id: first.id, ok: true }] }))).toEqual([]);
    }
    runHourly(w);
    expect(w.ws.mail.outbox()).toHaveLength(0);
  });

  it('a lost answer: not reported within the lease, it is handed again, the same reply', () => {
    const { w, secret, first } = filed();
    w.ws.clock.advance(10 * 60_000);
    expect(replies(poll(w, secret, {}))).toEqual([]);
    w.ws.clock.advance(20 * 60_000);
    const again = replies(poll(w, secret, {}));
    expect(again).toEqual([first]);
  });

  it('reported failed: offered again, and given up after three failures', () => {
    const { w, secret, first } = filed();
    for (let i = 1; i <= 3; i++) {
      w.ws.clock.advance(10 * 60_000);
      const next = replies(poll(w, secret, { sent: [{ id: first.id, ok: false, error: 'Service invoked too many times' }] }));
      expect([i, next.map((r) => r.id)]).toEqual([i, i < 3 ? [first.id] : []]);
    }
    expect(outboxRow(w, first.id)).toMatchObject({ 'Trạng thái': 'Không gửi được', 'Số lần thử': '3' });
  });

  it('the answer: handed over after "Gửi", and the case is "Đã trả lời" as soon as the mailbox reports it sent', () => {
    const { w, secret, first } = filed();
    poll(w, secret, { sent: [{ id: first.id, ok: true }] });
    act(w, 'GY-2026-00001', { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' });
    act(w, 'GY-2026-00001', { action: 'answer', text: 'Phường đã thay bóng đèn ngày 25/11.' });
    act(w, 'GY-2026-00001', { action: 'sendAnswer' });
    w.ws.clock.advance(10 * 60_000);
    const [answer] = replies(poll(w, secret, {}));
    expect(answer).toMatchObject({ to: 'lan.nguyen@gmail.com', subject: 'Re: Đèn đường ngõ 12 hỏng' });
    expect(answer.body).toContain('Phường đã thay bóng đèn ngày 25/11.');
    expect(open(w, 'GY-2026-00001').status).not.toBe('Đã trả lời');
    w.ws.clock.advance(10 * 60_000);
    poll(w, secret, { sent: [{ id: answer.id, ok: true }] });
    expect(open(w, 'GY-2026-00001').status).toBe('Đã trả lời');
    expect(w.ws.mail.outbox()).toHaveLength(0);
  });
});
