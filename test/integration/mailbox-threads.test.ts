/**
 * A reply is not a new case: matched on its thread, then In-Reply-To/References, then a case code
 * in the subject — only from that case's submitter. Before the answer it is an addition to the case
 * (a line in its history); after the answer or once closed, a linked follow-up case.
 */
import { connectMailboxDirectly, mail, poll } from '../support/mailbox';
import { tabRecords, wardFactory, type Ward, actInSidebar, openInSidebar } from '../support/ward';

const fresh = wardFactory();

function withFirstMail(): { w: Ward; secret: string; first: ReturnType<typeof mail> } {
  const w = fresh();
  const secret = connectMailboxDirectly(w);
  const first = mail({ messageId: '18c0000000000a01', threadId: '18c0000000000a01', rfcMessageId: '<CAFirst@mail.gmail.com>' });
  expect(poll(w, secret, { messages: [first] })).toMatchObject({ ok: true, filed: [{ verdict: 'filed', code: 'GY-2026-00001' }] });
  w.ws.clock.advance(10 * 60_000);
  return { w, secret, first };
}

type View = { row: number; version: number; history: Array<{ action: string; detail?: string }> };
const open = (w: Ward, code: string) => openInSidebar<View>(w, code);
const act = actInSidebar;

describe('replies in the thread of a case', () => {
  it('before the answer: the same thread adds to the case — its history shows the words, no new case', () => {
    const { w, secret } = withFirstMail();
    const reply = mail({ messageId: '18c0000000000a02', threadId: '18c0000000000a01', subject: 'Re: Đèn đường ngõ 12 hỏng', body: 'Xin bổ sung: cột đèn số 7.\n\nVào Th 3, 24 thg 11, 2026 lúc 08:30 Lan <lan.nguyen@gmail.com> đã viết:\n> Kính gửi phường' });
    expect(poll(w, secret, { messages: [reply] })).toMatchObject({ ok: true, filed: [{ messageId: reply.messageId, verdict: 'followUp', code: 'GY-2026-00001' }] });
    expect(tabRecords(w, 'Ý kiến')).toHaveLength(1);
    expect(open(w, 'GY-2026-00001').history.map((h) => [h.action, h.detail ?? ''])).toContainEqual(['Người gửi bổ sung qua email', 'Xin bổ sung: cột đèn số 7.']);
    expect(tabRecords(w, 'Thư điện tử').map((r) => [r['Mã ý kiến'], r['Xử lý']])).toEqual([['GY-2026-00001', 'Ý kiến mới'], ['GY-2026-00001', 'Bổ sung vào ý kiến']]);
    // Handed again: nothing more.
    expect(poll(w, secret, { messages: [reply] })).toMatchObject({ ok: true, filed: [{ verdict: 'duplicate', code: 'GY-2026-00001' }] });
    expect(open(w, 'GY-2026-00001').history.filter((h) => h.action === 'Người gửi bổ sung qua email')).toHaveLength(1);
  });

  it('a reply from another thread whose References name the first mail goes with its case', () => {
    const { w, secret } = withFirstMail();
    const reply = mail({ threadId: 'other-thread', inReplyTo: '<CAWardReply@mail.gmail.com>', references: ['<CAFirst@mail.gmail.com>', '<CAWardReply@mail.gmail.com>'], body: 'Đèn vẫn tắt.' });
    expect(poll(w, secret, { messages: [reply] })).toMatchObject({ ok: true, filed: [{ verdict: 'followUp', code: 'GY-2026-00001' }] });
    expect(tabRecords(w, 'Ý kiến')).toHaveLength(1);
  });

  it('after the case is closed: a linked follow-up case, acknowledged, linked both ways', () => {
    const { w, secret } = withFirstMail();
    act(w, 'GY-2026-00001', { action: 'close', outcome: 'notCompetent', note: 'Chuyển Điện lực' });
    const reply = mail({ threadId: '18c0000000000a01', subject: 'Re: Đèn đường ngõ 12 hỏng', body: 'Đèn lại hỏng rồi ạ.' });
    expect(poll(w, secret, { messages: [reply] })).toMatchObject({ ok: true, filed: [{ verdict: 'followUp', code: 'GY-2026-00002' }] });
    const cases = tabRecords(w, 'Ý kiến');
    expect(cases.map((c) => [c['Mã ý kiến'], c['Kênh tiếp nhận'], c['Ý kiến liên quan']])).toEqual([
      ['GY-2026-00001', 'Email', 'GY-2026-00002'],
      ['GY-2026-00002', 'Email', 'GY-2026-00001'],
    ]);
    expect(cases[1]['Nội dung']).toBe('Tiêu đề thư: Đèn đường ngõ 12 hỏng\n\nĐèn lại hỏng rồi ạ.');
    expect(tabRecords(w, 'Người gửi').map((s) => s['Mã ý kiến'])).toEqual(['GY-2026-00001', 'GY-2026-00002']);
    // A further reply in the thread goes to the follow-up, the latest case of the thread.
    const again = mail({ threadId: '18c0000000000a01', body: 'Bổ sung ảnh.' });
    expect(poll(w, secret, { messages: [again] })).toMatchObject({ ok: true, filed: [{ verdict: 'followUp', code: 'GY-2026-00002' }] });
  });

  it('a case code in the subject joins the case only when its submitter sends it', () => {
    const { w, secret } = withFirstMail();
    const stranger = mail({ threadId: 'x1', fromAddress: 'ke.la@gmail.com', fromName: 'Kẻ lạ', subject: 'Về ý kiến GY-2026-00001', body: 'Ý kiến đó sai sự thật.' });
    const own = mail({ threadId: 'x2', fromAddress: 'Lan.Nguyen@gmail.com', subject: 'Re: Tiếp nhận ý kiến mã GY-2026-1', body: 'Xin hỏi tiến độ.' });
    expect(poll(w, secret, { messages: [stranger, own] })).toMatchObject({
      ok: true,
      filed: [
        { messageId: stranger.messageId, verdict: 'filed', code: 'GY-2026-00002' },
        { messageId: own.messageId, verdict: 'followUp', code: 'GY-2026-00001' },
      ],
    });
  });
});
