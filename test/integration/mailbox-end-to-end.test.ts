/**
 * The official mailbox end to end, two projects on two workspaces joined by the emulated network:
 * the mailbox account's Gmail and its own project (build/mailbox), and the ward's add-on with its
 * web app (build/). A resident's e-mail thread becomes one case; the resident's reply in the thread
 * becomes its follow-up; the acknowledgement and the answer arrive in the same thread, from the
 * official alias — and a failing call at every step of the mailbox's runs changes none of that.
 */
import path from 'node:path';
import { createWorkspace, type Workspace } from '../../emulator';
import { connectMailboxDirectly } from '../support/mailbox';
import { LABEL, OFFICIAL_ALIAS, MAILBOX_ACCOUNT, sentIn } from '../support/mailbox-project';
import { JPEG_72x96, JPEG_96x72 } from '../support/photos';
import { ROOT, setUpWard, tabRecords, type Ward, actInSidebar, openInSidebar } from '../support/ward';

interface Pair {
  ward: Ward;
  mailbox: Workspace;
  relay(): { status: string; handed: number; replied: number };
}

function pair(): Pair {
  const ward = setUpWard();
  const secret = connectMailboxDirectly(ward);
  const mailbox = createWorkspace({ user: MAILBOX_ACCOUNT, projectKind: 'standalone', now: ward.ws.clock.now() });
  mailbox.gmail.setAliases([OFFICIAL_ALIAS]);
  mailbox.gmail.filter(LABEL);
  mailbox.load(path.join(ROOT, 'build/mailbox'));
  mailbox.network.connect(ward.ws);
  (mailbox.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService)
    .getScriptProperties()
    .setProperties({ MAILBOX_WARD_URL: ward.ws.webapp.url()!, MAILBOX_SECRET: secret, MAILBOX_FROM: OFFICIAL_ALIAS, MAILBOX_REPLY_NAME: 'Ủy ban MTTQ phường Lưu Kiếm' });
  mailbox.app!.run('setupRelay');
  return { ward, mailbox, relay: () => mailbox.app!.run('relayMail', [], { kind: 'trigger', label: 'relayMail' }) as ReturnType<Pair['relay']> };
}

/** Ten minutes pass on both clocks; the mailbox's trigger runs. */
function tenMinutes(p: Pair): void {
  p.mailbox.clock.advance(10 * 60_000);
  if (p.ward.ws.clock.now() < p.mailbox.clock.now()) p.ward.ws.clock.setTo(p.mailbox.clock.now());
  p.mailbox.runDueTriggers();
}

type View = { row: number; version: number; status: string; history: Array<{ action: string; detail?: string }> };
const open = (w: Ward, code: string) => openInSidebar<View>(w, code);
const act = actInSidebar;

function residentWrites(p: Pair, attachments: Array<{ name: string; contentType: string; base64: string; inline?: boolean }> = []) {
  return p.mailbox.gmail.deliver({
    attachments,
    from: 'Nguyễn Thị Lan <lan.nguyen@gmail.com>',
    to: OFFICIAL_ALIAS,
    subject: 'Đèn đường ngõ 12 hỏng',
    body: 'Kính gửi phường,\n\nĐèn đường ngõ 12 phố Hàng Bạc hỏng 2 tuần nay.\n\n-- \nNguyễn Thị Lan',
    headers: { 'Return-Path': '<lan.nguyen@gmail.com>' },
  });
}

describe('an e-mail thread is one case, answered in the thread', () => {
  test('filed with its acknowledgement in the thread; a reply in the thread adds to the case; the answer comes back in the thread', () => {
    const p = pair();
    // A photo of the lamp, and the sender's logo inline in the signature (not a photo of the case).
    const first = residentWrites(p, [
      { name: 'den-hong.jpg', contentType: 'image/jpeg', base64: JPEG_96x72 },
      { name: 'logo.jpg', contentType: 'image/jpeg', base64: JPEG_72x96, inline: true },
    ]);
    tenMinutes(p);
    expect(tabRecords(p.ward, 'Ảnh').map((r) => r['Mã ý kiến'])).toEqual(['GY-2026-00001']);

    // One case, channel Email; the acknowledgement in the resident's thread, from the official alias.
    const cases = tabRecords(p.ward, 'Ý kiến');
    expect(cases.map((c) => [c['Mã ý kiến'], c['Kênh tiếp nhận']])).toEqual([['GY-2026-00001', 'Email']]);
    const [ack] = sentIn(p.mailbox, first.messageId);
    expect(ack).toMatchObject({ from: `Ủy ban MTTQ phường Lưu Kiếm <${OFFICIAL_ALIAS}>`, to: 'lan.nguyen@gmail.com', subject: 'Re: Đèn đường ngõ 12 hỏng' });
    expect(ack.body).toContain('GY-2026-00001');
    expect(tabRecords(p.ward, 'Hộp thư đi').find((r) => r['Mã thư'] === 'TN-GY-2026-00001')!['Trạng thái']).toBe('Đã gửi');
    expect(p.ward.ws.mail.outbox()).toEqual([]);

    // The resident answers the acknowledgement in the same thread: an addition to the case, no new case.
    p.mailbox.clock.advance(3_600_000);
    p.mailbox.gmail.deliver({ from: 'Nguyễn Thị Lan <lan.nguyen@gmail.com>', to: OFFICIAL_ALIAS, subject: 'Re: Đèn đường ngõ 12 hỏng', body: 'Xin bổ sung: cột đèn số 7.\n\n> Đã tiếp nhận', inReplyTo: ack.id });
    tenMinutes(p);
    expect(tabRecords(p.ward, 'Ý kiến')).toHaveLength(1);
    expect(open(p.ward, 'GY-2026-00001').history.map((h) => [h.action, h.detail ?? ''])).toContainEqual(['Người gửi bổ sung qua email', 'Xin bổ sung: cột đèn số 7.']);

    // Staff answer and send: the answer arrives in the same thread, and the case is answered once the mailbox reports it.
    act(p.ward, 'GY-2026-00001', { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' });
    act(p.ward, 'GY-2026-00001', { action: 'answer', text: 'Phường đã thay bóng đèn ngày 25/11.' });
    act(p.ward, 'GY-2026-00001', { action: 'sendAnswer' });
    tenMinutes(p);
    const thread = p.mailbox.gmail.thread(first.messageId)!;
    expect(thread.messages.map((m) => [m.sent, m.sent ? m.to : m.from])).toEqual([
      [false, 'Nguyễn Thị Lan <lan.nguyen@gmail.com>'],
      [true, 'lan.nguyen@gmail.com'],
      [false, 'Nguyễn Thị Lan <lan.nguyen@gmail.com>'],
      [true, 'lan.nguyen@gmail.com'],
    ]);
    expect(thread.messages[3].body).toContain('Phường đã thay bóng đèn ngày 25/11.');
    expect(open(p.ward, 'GY-2026-00001').status).toBe('Đã trả lời');
    expect(p.ward.ws.mail.outbox()).toEqual([]);

    // After the answer, a further reply in the thread is a linked follow-up case.
    p.mailbox.clock.advance(3_600_000);
    p.mailbox.gmail.deliver({ from: 'Nguyễn Thị Lan <lan.nguyen@gmail.com>', to: OFFICIAL_ALIAS, subject: 'Re: Đèn đường ngõ 12 hỏng', body: 'Đèn lại hỏng rồi ạ.', inReplyTo: thread.messages[3].id });
    tenMinutes(p);
    expect(tabRecords(p.ward, 'Ý kiến').map((c) => [c['Mã ý kiến'], c['Ý kiến liên quan']])).toEqual([
      ['GY-2026-00001', 'GY-2026-00002'],
      ['GY-2026-00002', 'GY-2026-00001'],
    ]);
    expect(sentIn(p.mailbox, first.messageId).map((m) => m.body.includes('GY-2026-00002'))).toEqual([false, false, true]);
  });

  test('a failing call at every step of the mailbox\'s first run: after later runs, one case and one acknowledgement in the thread', () => {
    const probe = pair();
    residentWrites(probe);
    probe.mailbox.faults.failNthCall(1_000_000);
    tenMinutes(probe);
    const total = probe.mailbox.faults.sweepState().calls;
    expect(total).toBeGreaterThan(15);
    for (let k = 1; k <= total; k++) {
      const p = pair();
      const first = residentWrites(p);
      p.mailbox.faults.failNthCall(k);
      tenMinutes(p);
      const where = `call ${k}: ${p.mailbox.faults.sweepState().failed}`;
      p.mailbox.faults.failNthCall(0);
      for (let i = 0; i < 3; i++) tenMinutes(p);
      expect([where, tabRecords(p.ward, 'Ý kiến').map((c) => c['Mã ý kiến'])]).toEqual([where, ['GY-2026-00001']]);
      expect([where, sentIn(p.mailbox, first.messageId).length]).toEqual([where, 1]);
      expect([where, tabRecords(p.ward, 'Hộp thư đi').find((r) => r['Mã thư'] === 'TN-GY-2026-00001')!['Trạng thái']]).toEqual([where, 'Đã gửi']);
    }
  });
});
