/**
 * A poll of the official mailbox takes the document lock in short holds — its nonce, each message,
 * the reports, the hand-over — each well under what a staff action waits for it (10 s,
 * platform/lock-waits HOLD_BUDGET_MS), measured on the emulator's modelled clock on a ward of
 * 20,000 cases.
 */
import { HOLD_BUDGET_MS } from '../../src/services/platform/lock-waits';
import { connectMailboxDirectly, mail, poll } from '../support/mailbox';
import { wardFactory } from '../support/ward';
import { writeCases, yearOfCases } from '../support/year-of-cases';

const SECRET = 'holds-secret-0123456789abcdef0123456789abcdef';
const fresh = wardFactory((w) => {
  writeCases(w, yearOfCases(20_000, 2026, new Date('2026-11-24T02:00:00Z')));
  connectMailboxDirectly(w, SECRET);
});

describe('a poll holds the document lock briefly', () => {
  it('10 new mails, a reply and a report: every hold under the staff wait, and one hold per step', () => {
    const w = fresh();
    const first = mail({ threadId: 'thread-1' });
    const a = poll(w, SECRET, { messages: [first] });
    const ack = a.ok ? a.replies[0].id : '';
    w.ws.clock.advance(10 * 60_000);
    const before = w.ws.locks.holds().length;
    const messages = [...Array.from({ length: 10 }, (_, i) => mail({ threadId: `t-${i}`, fromAddress: `dan${i}@gmail.com` })), mail({ threadId: 'thread-1', body: 'Bổ sung.' })];
    expect(poll(w, SECRET, { messages, sent: [{ id: ack, ok: true }] })).toMatchObject({ ok: true });
    const holds = w.ws.locks.holds().slice(before).filter((h) => h.lock === 'document');
    // The nonce, the reports, each of the 11 messages, the hand-over.
    expect(holds).toHaveLength(14);
    const longest = Math.max(...holds.map((h) => h.heldMs));
    console.log(`mailbox poll on 20,000 cases: ${holds.length} holds, longest ${(longest / 1000).toFixed(1)} s`);
    expect(longest).toBeLessThan(HOLD_BUDGET_MS);
  });
});
