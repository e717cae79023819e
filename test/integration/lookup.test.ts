/**
 * Issue 10: a resident looks up their case with the code and the key from the acknowledgement,
 * rates the answer once; wrong keys are slowed, then locked; nothing personal in any reply.
 */
import { formAnswers, runHourly, setUpWard, tabRecords, type Ward } from '../support/ward';

type Public = { code: string; status: string; answer: string; canRate: boolean; rating: number | null };
type View = { code: string; row: number; version: number };

function filedWithKey(w: Ward, email = 'lan@gmail.com'): { code: string; key: string } {
  w.ws.forms.submit(w.formId, formAnswers({ content: 'Rác ngõ 7 chưa thu gom', name: 'Nguyễn Thị Lan', email, phone: '0912345678' }));
  runHourly(w);
  const ack = w.ws.mail.outbox().find((m) => m.to[0] === email && m.subject.includes('Đã tiếp nhận'))!;
  const key = /Mã tra cứu: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(ack.body)![1];
  const code = /Mã ý kiến: (GY-\d{4}-\d{5})/.exec(ack.body)![1];
  return { code, key };
}

const act = (w: Ward, code: string, input: Record<string, unknown>) => {
  const v = w.app.call('getCase', code) as View;
  return (w.app.call('caseAction', v.code, v.row, v.version, input) as { view: View }).view;
};

describe('case lookup', () => {
  it('the acknowledgement carries a key; code + key show status and due date, never the name or contacts', () => {
    const w = setUpWard();
    const { code, key } = filedWithKey(w);
    const found = w.app.call('lookupPublicCase', code.toLowerCase(), key.toLowerCase().replace('-', ' ')) as Public;
    expect(found).toMatchObject({ code, status: 'Mới tiếp nhận', answer: '', canRate: false });
    const reply = JSON.stringify(found);
    for (const secret of ['Nguyễn Thị Lan', 'lan@gmail.com', '0912345678', 'Rác ngõ 7']) expect(reply).not.toContain(secret);
  });

  it('a wrong key says the same as a wrong code; after 5 the tries are slowed, after 50 the code is locked for a day', () => {
    const w = setUpWard();
    const { code, key } = filedWithKey(w);
    const wrong = 'AAAA-AAAA';
    expect(() => w.app.call('lookupPublicCase', 'GY-2026-99999', key)).toThrow('Mã ý kiến hoặc mã tra cứu chưa đúng.');
    for (let i = 0; i < 4; i++) expect(() => w.app.call('lookupPublicCase', code, wrong)).toThrow('chưa đúng');
    expect(() => w.app.call('lookupPublicCase', code, wrong)).toThrow('chưa đúng'); // the 5th wrong try
    // Now even the right key waits.
    expect(() => w.app.call('lookupPublicCase', code, key)).toThrow('thử lại sau 1 phút');
    for (let i = 5; i < 50; i++) {
      w.ws.clock.advance(61 * 60_000);
      expect(() => w.app.call('lookupPublicCase', code, wrong)).toThrow(/chưa đúng/);
    }
    w.ws.clock.advance(61 * 60_000);
    expect(() => w.app.call('lookupPublicCase', code, key)).toThrow('tạm khóa tra cứu');
    // The lock outlives the cache (6 hours) and lifts after a day.
    w.ws.clock.advance(20 * 3_600_000);
    expect(() => w.app.call('lookupPublicCase', code, key)).toThrow('tạm khóa tra cứu');
    w.ws.clock.advance(5 * 3_600_000);
    expect((w.app.call('lookupPublicCase', code, key) as Public).code).toBe(code);
  });
});

describe('rating the answer', () => {
  it('once the answer has reached the resident, they rate it once; the rating reaches the case and its history', () => {
    const w = setUpWard();
    const { code, key } = filedWithKey(w);
    expect(() => w.app.call('ratePublicAnswer', code, key, 5, '')).toThrow('chưa được trả lời');
    act(w, code, { action: 'classify', category: 'Môi trường', complexity: 'normal' });
    act(w, code, { action: 'answer', text: 'Đã thu gom rác ngõ 7 ngày 25/11.' });
    act(w, code, { action: 'sendAnswer' });
    runHourly(w);
    const answerMail = w.ws.mail.outbox().find((m) => m.subject.includes('Trả lời ý kiến'))!;
    expect(answerMail.body).toMatch(/mức độ hài lòng với câu trả lời \(một lần\): .*code=GY-2026-00001&key=/);
    const before = w.app.call('lookupPublicCase', code, key) as Public;
    expect(before).toMatchObject({ canRate: true, answer: 'Đã thu gom rác ngõ 7 ngày 25/11.' });
    expect(() => w.app.call('ratePublicAnswer', code, key, 6, '')).toThrow('từ 1 đến 5');
    const rated = w.app.call('ratePublicAnswer', code, key, 4, 'Cảm ơn, gọi tôi 0912 345 678') as Public;
    expect(rated).toMatchObject({ rating: 4, canRate: false });
    expect(() => w.app.call('ratePublicAnswer', code, key, 1, 'lần 2')).toThrow('chỉ đánh giá một lần');
    const row = tabRecords(w, 'Ý kiến').find((r) => r['Mã ý kiến'] === code)!;
    expect(row['Điểm hài lòng (1–5)']).toBe('4');
    expect(row['Ý kiến về câu trả lời']).toBe('Cảm ơn, gọi tôi [đã ẩn]');
    const history = (w.app.call('getCase', code) as { history: Array<{ action: string; by: string }> }).history;
    expect(history.at(-1)).toMatchObject({ action: 'Người dân đánh giá', by: 'Người gửi ý kiến' });
    // The reports count it.
    const d = w.app.call('createReportDocument', { kind: 'month', year: 2026, index: 11 }) as { id: string };
    expect(w.ws.documents.text(d.id)).toContain('Mức độ hài lòng: 1 người dân đánh giá, điểm trung bình 4/5.');
  });
});

describe('a resident without e-mail', () => {
  it('an admin issues a new key to read out on the phone; the old key stops working; others cannot', () => {
    const w = setUpWard();
    const { code, key } = filedWithKey(w);
    const issued = w.app.call('issueCaseLookupKey', code) as { key: string; message: string };
    expect(issued.key).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(issued.key).not.toBe(key);
    expect(issued.message).toContain(issued.key);
    expect((w.app.call('lookupPublicCase', code, issued.key) as Public).code).toBe(code);
    expect(() => w.app.call('lookupPublicCase', code, key)).toThrow('chưa đúng');
    expect(tabRecords(w, 'Nhật ký').filter((r) => r['Hành động'] === 'Cấp mã tra cứu mới')).toHaveLength(1);
    w.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 1, 3).setValues([['ubnd@luukiem.example', 'Xử lý', 'UBND phường']]);
    runHourly(w);
    w.ws.setUser('ubnd@luukiem.example');
    expect(() => w.app.call('issueCaseLookupKey', code)).toThrow('Chỉ cán bộ quản trị được cấp mã tra cứu.');
  });
});
