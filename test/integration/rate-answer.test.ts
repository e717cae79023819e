/**
 * services/public/lookup rateAnswer: a resident rates the answer that reached them — only once it
 * was sent (by e-mail, a call or a letter: "answerSentAt"). An answer drafted, waiting for the
 * chair's approval or approved, but not yet sent, is not an answer to the resident: a rating then
 * is refused, changes nothing, and the lookup does not offer it. (A draft has "answeredAt" set:
 * that is when it was written, not when the resident got it.)
 */
import { PUBLIC } from '../../src/i18n/vi';
import { formAnswers, runHourly, setUpWard, tabRecords, type Ward } from '../support/ward';

type View = { code: string; row: number; version: number; status: string };

function filedWithKey(w: Ward): { code: string; key: string } {
  w.ws.forms.submit(w.formId, formAnswers({ content: 'Rác ngõ 7 chưa thu gom', name: 'Nguyễn Thị Lan', email: 'lan@gmail.com' }));
  runHourly(w);
  const ack = w.ws.mail.outbox().find((m) => m.to[0] === 'lan@gmail.com' && m.subject.includes('Đã tiếp nhận'))!;
  return { code: /Mã ý kiến: (GY-\d{4}-\d{5})/.exec(ack.body)![1], key: /Mã tra cứu: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(ack.body)![1] };
}

const act = (w: Ward, code: string, input: Record<string, unknown>): View => {
  const v = w.app.call('getCase', code) as View;
  return (w.app.call('caseAction', v.code, v.row, v.version, input) as { view: View }).view;
};

function requireApproval(w: Ward): void {
  const general = w.SpreadsheetApp.getActive().getSheetByName('Cài đặt')!;
  const keys = general.getRange(1, 1, general.getLastRow(), 1).getValues().map((r) => r[0]);
  general.getRange(keys.indexOf('Trả lời phải được Chủ tịch duyệt') + 1, 2).setValue('Có');
  runHourly(w);
}

/** Rating refused as "not answered", and nothing of it anywhere: row, history, lookup. */
function expectRatingRefused(w: Ward, code: string, key: string): void {
  const before = tabRecords(w, 'Ý kiến').find((r) => r['Mã ý kiến'] === code)!;
  expect(() => w.app.call('ratePublicAnswer', code, key, 5, 'Tốt')).toThrow(PUBLIC.notAnswered);
  const after = tabRecords(w, 'Ý kiến').find((r) => r['Mã ý kiến'] === code)!;
  expect(after['Điểm hài lòng (1–5)']).toBe('');
  expect(after).toEqual(before);
  expect(w.app.call('lookupPublicCase', code, key)).toMatchObject({ canRate: false, rating: null, answer: '' });
}

describe('a rating before the answer was sent is refused', () => {
  it('after the answer is drafted (status "Dự thảo trả lời"), then accepted once it is sent', () => {
    const w = setUpWard();
    const { code, key } = filedWithKey(w);
    act(w, code, { action: 'classify', category: 'Môi trường', complexity: 'normal' });
    expect(act(w, code, { action: 'answer', text: 'Đã thu gom rác ngõ 7.' }).status).toBe('Dự thảo trả lời');
    expectRatingRefused(w, code, key);
    act(w, code, { action: 'sendAnswer' });
    // Queued is not sent (issue 18.5): rated once the e-mail has left.
    expectRatingRefused(w, code, key);
    runHourly(w);
    expect(w.app.call('ratePublicAnswer', code, key, 4, '')).toMatchObject({ rating: 4, canRate: false });
  });

  it('while the draft waits for the chair\'s approval, and once approved but not sent', () => {
    const w = setUpWard();
    requireApproval(w);
    const { code, key } = filedWithKey(w);
    act(w, code, { action: 'classify', category: 'Môi trường', complexity: 'normal' });
    expect(act(w, code, { action: 'answer', text: 'Đã thu gom rác ngõ 7.' }).status).toBe('Chờ duyệt');
    expectRatingRefused(w, code, key);
    expect(act(w, code, { action: 'approve' }).status).toBe('Đã duyệt, chờ gửi');
    expectRatingRefused(w, code, key);
  });

  it('a case whose status cell says "Đã trả lời" with no sending recorded (an old ward\'s draft) is not answered either', () => {
    const w = setUpWard();
    const { code, key } = filedWithKey(w);
    act(w, code, { action: 'classify', category: 'Môi trường', complexity: 'normal' });
    act(w, code, { action: 'answer', text: 'Đã thu gom rác ngõ 7.' });
    const sheet = w.SpreadsheetApp.getActive().getSheetByName('Ý kiến')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    w.ws.handEdit((ss) => ss.getSheetByName('Ý kiến')!.getRange(2, header.indexOf('Trạng thái') + 1).setValue('Đã trả lời'));
    expectRatingRefused(w, code, key);
  });
});
