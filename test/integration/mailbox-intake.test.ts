/**
 * The ward's side of the official mailbox: signed polls posted to the web app (doPost) file e-mails
 * through the one filing pipeline; anything unsigned, forged, old or replayed is refused and
 * changes nothing.
 */
import { MAILBOX_MAX_AGE_MS } from '../../src/domain/mailbox-protocol';
import { connectMailboxDirectly, envelope, mail, poll, postRaw, sign } from '../support/mailbox';
import { tabRecords, wardFactory, type Ward } from '../support/ward';

const fresh = wardFactory();

function connected(): { w: Ward; secret: string } {
  const w = fresh();
  return { w, secret: connectMailboxDirectly(w) };
}

/** Everything a poll could change: the tabs' rows and the document properties but the nonces. */
function state(w: Ward): string {
  const tabs = w.ws.spreadsheets.view(w.ssId).sheets.map((s) => [s.name, s.displayValues]);
  const props = Object.entries((w.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties().getProperties()).filter(([k]) => !k.startsWith('hts.mailbox.nonces'));
  return JSON.stringify([tabs, props.sort()]);
}

describe('doPost files e-mails from the official mailbox', () => {
  it('a new mail becomes a case: channel Email, subject as the first line, body without signature, contact only in "Người gửi"', () => {
    const { w, secret } = connected();
    const m = mail();
    const answer = poll(w, secret, { messages: [m] });
    expect(answer).toMatchObject({ ok: true, filed: [{ messageId: m.messageId, verdict: 'filed', code: 'GY-2026-00001' }], replies: [{ id: 'TN-GY-2026-00001' }] });
    const [c] = tabRecords(w, 'Ý kiến');
    expect(c['Mã ý kiến']).toBe('GY-2026-00001');
    expect(c['Kênh tiếp nhận']).toBe('Email');
    expect(c['Nội dung']).toBe('Tiêu đề thư: Đèn đường ngõ 12 hỏng\n\nKính gửi phường,\n\nĐèn đường ngõ 12 phố Hàng Bạc hỏng 2 tuần nay.');
    expect(c['Có email hợp lệ']).toBe('TRUE');
    // The case row names no one.
    expect(JSON.stringify(c)).not.toMatch(/Lan|lan\.nguyen|0912/);
    const [s] = tabRecords(w, 'Người gửi');
    expect([s['Mã ý kiến'], s['Họ và tên'], s['Email']]).toEqual(['GY-2026-00001', 'Nguyễn Thị Lan', 'lan.nguyen@gmail.com']);
    const [row] = tabRecords(w, 'Thư điện tử');
    expect([row['Mã thư (hộp thư)'], row['Mã ý kiến'], row['Xử lý']]).toEqual([m.messageId, 'GY-2026-00001', 'Ý kiến mới']);
  });

  it('the same message handed twice (a lost answer) is one case: "duplicate" with its code', () => {
    const { w, secret } = connected();
    const m = mail();
    poll(w, secret, { messages: [m] });
    w.ws.clock.advance(10 * 60_000);
    const again = poll(w, secret, { messages: [m] });
    // The acknowledgement handed in the first answer is not handed again within its lease.
    expect(again).toEqual({ ok: true, filed: [{ messageId: m.messageId, verdict: 'duplicate', code: 'GY-2026-00001' }], replies: [] });
    expect(tabRecords(w, 'Ý kiến')).toHaveLength(1);
    expect(tabRecords(w, 'Người gửi')).toHaveLength(1);
  });

  it('bounces, no-reply senders and auto-replies are skipped: nothing written', () => {
    const { w, secret } = connected();
    const before = state(w);
    const answer = poll(w, secret, {
      messages: [
        mail({ fromAddress: 'mailer-daemon@googlemail.com', fromName: 'Mail Delivery Subsystem', subject: 'Delivery Status Notification (Failure)' }),
        mail({ fromAddress: 'lan.nguyen@gmail.com', subject: 'Trả lời tự động: Đèn hỏng' }),
      ],
    });
    expect(answer.ok && answer.filed.map((f) => f.verdict)).toEqual(['skipped', 'skipped']);
    expect(state(w)).toBe(before);
  });
});

describe('doPost refuses anything that is not a fresh, signed poll — and changes nothing', () => {
  const m = mail({ messageId: '18cfeed000000001' });

  it.each([
    ['an empty POST', ''],
    ['a form post', 'hoTen=Nguy%E1%BB%85n&noiDung=abc'],
    ['JSON that is no envelope', '{"messages":[]}'],
    ['an envelope without signature', JSON.stringify({ v: 1, t: Date.parse('2026-11-24T02:00:00Z'), nonce: 'abcdefgh12', body: '{"messages":[],"sent":[]}' })],
  ])('%s', (_label, body) => {
    const { w } = connected();
    const before = state(w);
    const type = body.startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded';
    const res = postRaw(w, body, type);
    expect(res.status).toBe(200);
    expect(res.answer).toEqual({ ok: false, error: 'unauthorized' });
    expect(state(w)).toBe(before);
  });

  it('signed with another secret (forged), or a body changed after signing', () => {
    const { w, secret } = connected();
    const before = state(w);
    const now = w.ws.clock.now().getTime();
    expect(postRaw(w, JSON.stringify(envelope('not-the-secret', { messages: [m], sent: [] }, now))).answer).toEqual({ ok: false, error: 'unauthorized' });
    const good = envelope(secret, { messages: [m], sent: [] }, now);
    const tampered = { ...good, body: good.body.replace('Hàng Bạc', 'Hàng Bồ') };
    expect(postRaw(w, JSON.stringify(tampered)).answer).toEqual({ ok: false, error: 'unauthorized' });
    expect(state(w)).toBe(before);
  });

  it('older (or further ahead) than MAILBOX_MAX_AGE_MS', () => {
    const { w, secret } = connected();
    const before = state(w);
    const now = w.ws.clock.now().getTime();
    expect(postRaw(w, JSON.stringify(envelope(secret, { messages: [m], sent: [] }, now - MAILBOX_MAX_AGE_MS - 1000))).answer).toEqual({ ok: false, error: 'unauthorized' });
    expect(postRaw(w, JSON.stringify(envelope(secret, { messages: [m], sent: [] }, now + MAILBOX_MAX_AGE_MS + 1000))).answer).toEqual({ ok: false, error: 'unauthorized' });
    expect(state(w)).toBe(before);
  });

  it('a replayed request (same nonce) is refused, even after the script cache is cleared', () => {
    const { w, secret } = connected();
    const now = w.ws.clock.now().getTime();
    const once = JSON.stringify(envelope(secret, { messages: [m], sent: [] }, now));
    expect(postRaw(w, once).answer).toMatchObject({ ok: true });
    const after = state(w);
    w.ws.clock.advance(60_000);
    // Cache entries may vanish at any time: the nonces must not live there.
    const caches = w.ws.globals.CacheService as GoogleAppsScript.Cache.CacheService;
    caches.getScriptCache()?.removeAll([]);
    expect(postRaw(w, once).answer).toEqual({ ok: false, error: 'unauthorized' });
    expect(state(w)).toBe(after);
  });

  it('a ward that has not connected a mailbox refuses every request', () => {
    const w = fresh();
    const before = state(w);
    const res = postRaw(w, JSON.stringify(sign('', { v: 1, t: w.ws.clock.now().getTime(), nonce: 'abcdefgh12', body: '{"messages":[],"sent":[]}' })));
    expect(res.answer).toEqual({ ok: false, error: 'unauthorized' });
    expect(state(w)).toBe(before);
  });
});
