/**
 * What a mail's fate does to its case (issue 18.4, 18.5): only a mail that has left makes the case
 * answered by e-mail or transferred to the police; a failed one puts the answer back to approved,
 * not delivered, or records the case as not transferred, and asks for the admins to be told.
 * Expected values are written by hand.
 */
import { STATUS } from '../../../src/domain/case';
import { appendHistory, type HistoryEvent } from '../../../src/domain/case-record';
import { answerMailProblem, mailVersion, settleMail, type MailReport } from '../../../src/domain/lifecycle/mail-settled';
import { aCase } from './context';

const event = (v: number, action: string, detail?: string): HistoryEvent => ({ v, at: '2026-11-24T03:00:00.000Z', by: 'admin@x.vn', action, ...(detail ? { detail } : {}) });
const history = (...events: HistoryEvent[]) => appendHistory('', events);

/** An answer e-mail queued at version 5 ("Gửi"), waiting in the outbox. */
const waiting = aCase({ status: STATUS.approved, answer: 'Đã thu gom', answerMethod: 'Email', version: 5, history: history(event(4, 'Soạn trả lời'), event(5, 'Gửi trả lời qua email')) });
const left = '2026-11-24T04:00:00.000Z';
const answerMail = (over: Partial<MailReport> = {}): MailReport => ({ id: 'TL-GY-2026-00001-v5', code: 'GY-2026-00001', kind: 'answer', sent: true, at: left, error: '', to: '', ...over });

/** A misuse case whose police mail was queued at version 3. */
const misused = aCase({ status: STATUS.closed, outcome: 'Lợi dụng, vi phạm pháp luật', hiddenFromPublic: true, policeTransfer: 'Đang chờ gửi', version: 3, history: history(event(3, 'Đánh dấu lợi dụng', 'Bôi nhọ')) });
const policeMail = (over: Partial<MailReport> = {}): MailReport => ({ id: 'CA-GY-2026-00001-v3', code: 'GY-2026-00001', kind: 'police', sent: true, at: left, error: '', to: 'congan@luukiem.example', ...over });

describe('the answer e-mail', () => {
  it('left: the case is answered by e-mail, at the time it left, by "Hệ thống"', () => {
    expect(settleMail(waiting, answerMail())).toEqual({
      patch: { answerSentAt: new Date(left), answerMethod: 'Email', status: STATUS.answered, version: 6, updatedAt: new Date(left) },
      event: {
        v: 6,
        at: left,
        by: 'Hệ thống',
        action: 'Thư trả lời đã gửi đến người dân',
        changes: [
          { field: 'Đã trả lời người dân', from: '', to: '24/11/2026' },
          { field: 'Trạng thái', from: 'Đã duyệt, chờ gửi', to: 'Đã trả lời' },
        ],
      },
      tellAdmins: false,
    });
  });

  it('failed: back to approved, not delivered (no way of answering recorded), and the admins are told why', () => {
    const s = settleMail(waiting, answerMail({ sent: false, error: 'Không có địa chỉ email hợp lệ.' }))!;
    expect(s.patch).toEqual({ answerMethod: '', version: 6, updatedAt: new Date(left) });
    expect(s.event).toMatchObject({ action: 'Thư trả lời không gửi được', by: 'Hệ thống', changes: [{ field: 'Hình thức trả lời', from: 'Email', to: '' }] });
    expect(s.event.detail).toMatch(/^Không có địa chỉ email hợp lệ\. Trả lời vẫn ở trạng thái "Đã duyệt, chờ gửi"/);
    expect(s.tellAdmins).toBe(true);
  });

  it('changes nothing once settled, for another case, or for a mail an earlier "Gửi" queued', () => {
    const answered = { ...waiting, answerSentAt: new Date(left), status: STATUS.answered };
    expect(settleMail(answered, answerMail())).toBeNull();
    expect(settleMail({ ...waiting, answerMethod: '' }, answerMail({ sent: false }))).toBeNull();
    expect(settleMail(waiting, answerMail({ code: 'GY-2026-00002' }))).toBeNull();
    expect(settleMail(waiting, answerMail({ id: 'TL-GY-2026-00001-v3' }))).toBeNull();
  });

  it('a case closed meanwhile stays closed, and is recorded as answered', () => {
    expect(settleMail({ ...waiting, status: STATUS.closed }, answerMail())!.patch).toEqual({ answerSentAt: new Date(left), answerMethod: 'Email', version: 6, updatedAt: new Date(left) });
  });

  it('the case view’s word on the last e-mail: the failure, until the answer is rewritten or sent again', () => {
    const failed = event(6, 'Thư trả lời không gửi được', 'Hộp thư trả về lỗi.');
    expect(answerMailProblem([event(5, 'Gửi trả lời qua email'), failed])).toBe('Hộp thư trả về lỗi.');
    expect(answerMailProblem([failed, event(7, 'Ghi chú nội bộ')])).toBe('Hộp thư trả về lỗi.');
    expect(answerMailProblem([failed, event(7, 'Gửi trả lời qua email')])).toBe('');
    expect(answerMailProblem([failed, event(7, 'Soạn trả lời')])).toBe('');
    expect(answerMailProblem([event(5, 'Gửi trả lời qua email'), event(6, 'Thư trả lời đã gửi đến người dân')])).toBe('');
  });
});

describe('the police’s mail', () => {
  it('left: transferred, with the address it went to', () => {
    expect(settleMail(misused, policeMail())).toEqual({
      patch: { policeTransfer: 'Đã chuyển', version: 4, updatedAt: new Date(left) },
      event: { v: 4, at: left, by: 'Hệ thống', action: 'Đã chuyển Công an phường', detail: 'Thư đã gửi đến congan@luukiem.example.', changes: [{ field: 'Chuyển Công an phường', from: 'Đang chờ gửi', to: 'Đã chuyển' }] },
      tellAdmins: false,
    });
  });

  it('failed: recorded as not transferred, and the admins are told', () => {
    const s = settleMail(misused, policeMail({ sent: false, error: 'Lỗi dịch vụ.' }))!;
    expect(s.patch).toEqual({ policeTransfer: 'Chưa chuyển — thư không gửi được', version: 4, updatedAt: new Date(left) });
    expect(s.event).toMatchObject({ action: 'Chưa chuyển được Công an phường', detail: 'Lỗi dịch vụ. Ý kiến chưa được chuyển Công an phường.' });
    expect(s.tellAdmins).toBe(true);
  });

  it('changes nothing once settled, or for the mail of an earlier marking (reopened, marked again)', () => {
    expect(settleMail({ ...misused, policeTransfer: 'Đã chuyển' }, policeMail())).toBeNull();
    expect(settleMail({ ...misused, policeTransfer: 'Chưa chuyển — thư không gửi được' }, policeMail({ sent: false }))).toBeNull();
    const markedAgain = { ...misused, version: 5, history: appendHistory(misused.history, [event(4, 'Mở lại'), event(5, 'Đánh dấu lợi dụng')]) };
    expect(settleMail(markedAgain, policeMail({ sent: false }))).toBeNull();
    expect(settleMail(markedAgain, policeMail({ id: 'CA-GY-2026-00001-v5' }))!.patch.policeTransfer).toBe('Đã chuyển');
  });

  it('reads the version a mail was queued with from its id', () => {
    expect([mailVersion('CA-GY-2026-00001-v12'), mailVersion('TL-GY-2026-P00003-v4'), mailVersion('KP-123-a@b.vn')]).toEqual([12, 4, null]);
  });
});
