/**
 * The official mailbox's project (src/mailbox, built to build/mailbox) on the emulator: setupRelay
 * installs the 10-minute trigger and labels; relayMail hands new mail under the label to the ward
 * (signed, automated mail left out, photos only), sends the replies the ward asks for in their
 * threads from the official alias, reports them in the next poll, and survives a failing call at
 * every step, a ward that fails or times out, and a second run overlapping the first.
 */
import { JPEG, LABEL, mailboxWithTestWard, OFFICIAL_ALIAS, residentMail, sentIn, type MailboxSetup } from '../support/mailbox-project';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');

/** After any number of failures, a few more runs settle everything: each mail filed once, acknowledged once, reported. */
function expectSettled(s: MailboxSetup, mails: Array<{ messageId: string }>, where = ''): void {
  for (let i = 0; i < 4; i++) s.relay();
  const filedIds = s.ward.filed.map((m) => m.messageId);
  expect([where, [...filedIds].sort()]).toEqual([where, mails.map((m) => m.messageId).sort()]);
  for (const m of mails) expect([where, m.messageId, sentIn(s.ws, m.messageId).length]).toEqual([where, m.messageId, 1]);
  expect([where, s.ward.outstanding()]).toEqual([where, []]);
}

describe('setupRelay', () => {
  test('installs one 10-minute trigger and the labels, however often it is run; the trigger runs relayMail', () => {
    const s = mailboxWithTestWard();
    s.ws.app!.run('setupRelay');
    s.ws.app!.run('setupRelay');
    expect(s.ws.triggers()).toEqual([expect.objectContaining({ handlerFunction: 'relayMail', eventType: 'CLOCK', everyMs: 10 * 60_000 })]);
    const a = residentMail(s.ws, 1);
    s.ws.clock.advance(10 * 60_000);
    expect(s.ws.runDueTriggers()).toEqual([expect.objectContaining({ handlerFunction: 'relayMail', ok: true })]);
    expect(s.ward.filed.map((m) => m.messageId)).toEqual([a.messageId]);
  });

  test('refuses an alias the mailbox cannot send from, and missing settings, in Vietnamese', () => {
    const s = mailboxWithTestWard();
    const props = (s.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getScriptProperties();
    props.setProperty('MAILBOX_FROM', 'khac@example.vn');
    expect(() => s.ws.app!.run('setupRelay')).toThrow('Địa chỉ gửi "khac@example.vn" không phải là bí danh của hộp thư này');
    props.deleteProperty('MAILBOX_SECRET');
    expect(() => s.ws.app!.run('setupRelay')).toThrow('Chưa đặt thuộc tính của dự án: MAILBOX_SECRET.');
    expect(s.relay().status).toBe('unconfigured');
    expect(s.ws.triggers()).toEqual([]);
  });
});

describe('relayMail', () => {
  test('hands a resident\'s mail with its photos (not inline images, not other files), replies in the thread from the alias, and reports it next time', () => {
    const s = mailboxWithTestWard();
    const a = residentMail(s.ws, 1, {
      from: '"Nguyễn Thị Lan" <Lan@Example.com>',
      attachments: [
        { name: 'ngap.jpg', contentType: 'image/jpeg', base64: JPEG },
        { name: 'chu-ky.png', contentType: 'image/png', base64: PNG, inline: true },
        { name: 'don.pdf', contentType: 'application/pdf', base64: PNG },
      ],
    });
    const run = s.relay();
    expect(run).toMatchObject({ status: 'done', handed: 1, replied: 1, failedReplies: 0 });
    const [m] = s.ward.filed;
    expect(m).toMatchObject({ messageId: a.messageId, fromName: 'Nguyễn Thị Lan', fromAddress: 'lan@example.com', subject: 'Phản ánh số 1', body: 'Đường ngõ 1 bị ngập.\n\n-- \nCư dân 1', inReplyTo: '', references: [] });
    expect(m.rfcMessageId).toMatch(/^<.+>$/);
    expect(m.attachments).toEqual([{ name: 'ngap.jpg', mimeType: 'image/jpeg', base64: JPEG }]);
    const [reply] = sentIn(s.ws, a.messageId);
    expect(reply).toMatchObject({ from: `Ban Thường trực UBMTTQ phường Lưu Kiếm <${OFFICIAL_ALIAS}>`, to: 'lan@example.com', subject: 'Re: Phản ánh số 1', body: 'Đã nhận ý kiến, mã GY-1.' });
    // The report went in a second poll of the same run, and the thread left the label.
    expect(s.ward.reports).toEqual([{ id: `ack-${a.messageId}`, ok: true }]);
    expect(s.ws.gmail.thread(a.messageId)!.labels).toEqual([`${LABEL}/Đã chuyển`]);
    // Nothing new: one poll, nothing handed, nothing sent.
    expect(s.relay()).toMatchObject({ polls: 1, handed: 0, replied: 0 });
  });

  test('a resident\'s reply in the thread comes back under the label and is handed alone, naming the message it answers', () => {
    const s = mailboxWithTestWard();
    const a = residentMail(s.ws, 1);
    s.relay();
    s.ws.clock.advance(3_600_000);
    const thread = s.ws.gmail.thread(a.messageId)!;
    const ack = thread.messages[1];
    const b = s.ws.gmail.deliver({ from: 'Cư dân 1 <cudan1@example.com>', to: OFFICIAL_ALIAS, subject: 'Re: Phản ánh số 1', body: 'Vẫn còn ngập.\n\nVào 10:00, MTTQ viết:\n> Đã nhận', inReplyTo: ack.id });
    expect(s.ws.gmail.thread(a.messageId)!.labels).toEqual([`${LABEL}/Đã chuyển`, LABEL]);
    expect(s.relay()).toMatchObject({ handed: 1, replied: 1 });
    expect(s.ward.filed.map((m) => m.messageId)).toEqual([a.messageId, b.messageId]);
    const second = s.ward.filed[1];
    expect(second.inReplyTo).toBe(ack.messageIdHeader);
    expect(second.references).toEqual([thread.messages[0].messageIdHeader, ack.messageIdHeader]);
    // The thread's id changed with each message: the wire names it as it was when read.
    expect(second.threadId).toBe(b.messageId);
    expect(sentIn(s.ws, a.messageId)).toHaveLength(2);
  });

  test('auto-replies, bounces and mailing lists are never handed (and never looked at again)', () => {
    const s = mailboxWithTestWard();
    residentMail(s.ws, 1, { headers: { 'Auto-Submitted': 'auto-replied' } });
    residentMail(s.ws, 2, { from: 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>' });
    residentMail(s.ws, 3, { headers: { 'List-Id': '<tin-tuc.example.com>' } });
    residentMail(s.ws, 4, { headers: { 'Return-Path': '<>' } });
    residentMail(s.ws, 5, { headers: { Precedence: 'bulk' } });
    const person = residentMail(s.ws, 6);
    expect(s.relay()).toMatchObject({ handed: 1, skipped: 5 });
    expect(s.ward.filed.map((m) => m.messageId)).toEqual([person.messageId]);
    expect(s.relay()).toMatchObject({ handed: 0, skipped: 0 });
  });

  test('the signature is the protocol\'s: a tampered secret is refused by the ward and nothing is remembered', () => {
    const s = mailboxWithTestWard();
    const props = (s.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getScriptProperties();
    props.setProperty('MAILBOX_SECRET', 'sai');
    const a = residentMail(s.ws, 1);
    expect(() => s.relay()).toThrow('Trang web của phường từ chối: bad signature');
    expect(s.ward.refused).toEqual(['signature']);
    props.setProperty('MAILBOX_SECRET', 'bí-mật-chung-0123456789abcdef');
    expectSettled(s, [a]);
  });

  test('a ward answering 500, an error page, or nothing within 60 s: the next run hands again and each mail is filed once', () => {
    const s = mailboxWithTestWard();
    const a = residentMail(s.ws, 1);
    s.ward.failNext.push({ status: 500, body: 'Internal error' });
    expect(() => s.relay()).toThrow('Trang web của phường trả lời mã 500.');
    s.ward.failNext.push({ status: 200, body: '<html>Lỗi</html>' });
    expect(() => s.relay()).toThrow('không phải JSON');
    // The ward files it, but its answer comes too late: the mailbox hands it again, the ward says duplicate.
    s.ward.failNext.push({ afterFiling: true, delayMs: 61_000 });
    expect(() => s.relay()).toThrow(/^Timeout: /);
    expect(s.ward.filed).toHaveLength(1);
    s.relay();
    expect(s.ward.polls.flatMap((p) => p.messages.map((m) => m.messageId))).toEqual([a.messageId, a.messageId]);
    expectSettled(s, [a]);
  });

  test('a ward too busy to answer ("busy", "failed"): the run ends quietly, the next one hands the mail', () => {
    const s = mailboxWithTestWard();
    const a = residentMail(s.ws, 1);
    s.ward.failNext.push({ body: JSON.stringify({ ok: false, error: 'busy' }) }, { body: JSON.stringify({ ok: false, error: 'failed' }) });
    expect(s.relay()).toMatchObject({ status: 'wardBusy', handed: 0 });
    expect(s.relay()).toMatchObject({ status: 'wardBusy', handed: 0 });
    expect(s.ws.executions().filter((e) => e.label === 'relayMail').map((e) => e.status)).toEqual(['completed', 'completed']);
    expectSettled(s, [a]);
  });

  test('a message the ward could not file (verdict "failed") is handed again by the next run, the others are not', () => {
    const s = mailboxWithTestWard();
    const a = residentMail(s.ws, 1);
    const b = residentMail(s.ws, 2);
    s.ward.failOnce.add(a.messageId);
    expect(s.relay()).toMatchObject({ handed: 1 });
    expect(s.ws.gmail.thread(a.messageId)!.labels).toEqual([LABEL]);
    expect(s.relay()).toMatchObject({ handed: 1 });
    expect(s.ward.polls.flatMap((p) => p.messages.map((m) => m.messageId))).toEqual([b.messageId, a.messageId, a.messageId]);
    expectSettled(s, [a, b]);
  });

  test('a message the ward never manages to file holds up nothing: offered once a run, the others all handed', () => {
    const s = mailboxWithTestWard();
    const others = Array.from({ length: 15 }, (_, i) => residentMail(s.ws, i + 1));
    // The newest: read first in every poll.
    const poison = residentMail(s.ws, 0);
    s.ward.failAlways.add(poison.messageId);
    expect(s.relay()).toMatchObject({ handed: 15 });
    expect(s.relay()).toMatchObject({ handed: 0, polls: 1 });
    const offered = s.ward.polls.flatMap((p) => p.messages.map((m) => m.messageId)).filter((id) => id === poison.messageId);
    expect(offered).toHaveLength(2);
    expect(s.ward.filed.map((m) => m.messageId).sort()).toEqual(others.map((m) => m.messageId).sort());
  });

  test('a reply that fails is reported as failed, the ward asks again, and it is sent once', () => {
    const s = mailboxWithTestWard();
    const a = residentMail(s.ws, 1);
    s.ws.faults.inject('GmailApp', 'GmailMessage.reply', 1, 'Service invoked too many times for one day: email.');
    expect(s.relay()).toMatchObject({ handed: 1, replied: 0, failedReplies: 1 });
    expect(s.ward.reports).toEqual([{ id: `ack-${a.messageId}`, ok: false, error: 'Service invoked too many times for one day: email.' }]);
    expectSettled(s, [a]);
  });

  test('stops starting polls near 5 minutes and leaves the rest to the next run', () => {
    const s = mailboxWithTestWard();
    const mails = Array.from({ length: 60 }, (_, i) => residentMail(s.ws, i + 1));
    // Each answer takes 55 s (a fetch gives up at 60): 10 mails a poll, five polls before 4.5 minutes.
    s.ward.answerMs = 55_000;
    const first = s.relay();
    expect(first.status).toBe('timeUp');
    expect(first.handed).toBeGreaterThan(0);
    expect(first.handed).toBeLessThan(60);
    const [run] = s.ws.executions().filter((e) => e.label === 'relayMail');
    expect(run.durationMs).toBeLessThan(6 * 60_000);
    s.ward.answerMs = 1000;
    expectSettled(s, mails);
  });

  test('a quiet run (nothing new) makes 8 requests, 3 of them Gmail reads: 432 of the 20,000 a day at one run every 10 minutes', () => {
    const s = mailboxWithTestWard();
    residentMail(s.ws, 1);
    s.relay();
    s.ws.resetStats();
    expect(s.relay()).toMatchObject({ status: 'done', polls: 1, handed: 0 });
    const stats = s.ws.stats();
    expect(stats.total.requests).toBe(8);
    expect(stats.services.GmailApp.requests).toBe(3);
    expect(stats.services.UrlFetchApp.requests).toBe(1);
    expect(stats.services.PropertiesService.methods['Properties.setProperties']).toBeUndefined();
  });

  test('a second run starting while one is under way skips (the script lock): nothing handed or replied twice', () => {
    const s = mailboxWithTestWard();
    const a = residentMail(s.ws, 1);
    let overlapping: unknown;
    s.ws.beforeCall('UrlFetchApp:UrlFetchApp.fetch', 1, () => {
      overlapping = s.ws.execution(() => s.ws.app!.call('relayMail'), { kind: 'trigger', label: 'relayMail (overlapping)' });
    });
    s.relay();
    expect(overlapping).toMatchObject({ status: 'busy', polls: 0 });
    expect(s.ward.polls.flatMap((p) => p.messages)).toHaveLength(1);
    expectSettled(s, [a]);
  });
});

describe('relayMail fault sweeps', () => {
  /** Two residents (one with a photo) and one auto-reply; the mailbox makes `total` calls in a clean run. */
  function fresh() {
    const s = mailboxWithTestWard();
    const mails = [residentMail(s.ws, 1, { attachments: [{ name: 'a.jpg', contentType: 'image/jpeg', base64: JPEG }] }), residentMail(s.ws, 2)];
    residentMail(s.ws, 3, { headers: { 'Auto-Submitted': 'auto-generated' } });
    return { s, mails };
  }

  function callsOfCleanRun(): number {
    const { s } = fresh();
    s.ws.faults.failNthCall(1_000_000);
    s.relay();
    const calls = s.ws.faults.sweepState().calls;
    s.ws.faults.failNthCall(0);
    return calls;
  }

  test('a failing call at every step: after later runs, each mail is filed once and acknowledged once', () => {
    const total = callsOfCleanRun();
    expect(total).toBeGreaterThan(20);
    for (let k = 1; k <= total; k++) {
      const { s, mails } = fresh();
      s.ws.faults.failNthCall(k);
      try {
        s.relay();
      } catch {
        // The trigger's run fails; the next one picks up.
      }
      const where = `call ${k}: ${s.ws.faults.sweepState().failed}`;
      s.ws.faults.failNthCall(0);
      expectSettled(s, mails, where);
    }
  });

  test('a run cut off at every step (the 6-minute limit): after later runs, each mail is filed once and acknowledged once', () => {
    const total = callsOfCleanRun();
    for (let k = 1; k <= total; k++) {
      const { s, mails } = fresh();
      s.ws.faults.cutOffAtCall(k);
      try {
        s.relay();
      } catch {
        // Cut off.
      }
      const where = `cut at ${k}: ${s.ws.faults.sweepState().failed}`;
      s.ws.faults.failNthCall(0);
      expectSettled(s, mails, where);
    }
  });
});
