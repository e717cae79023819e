/**
 * Issue 18, item 13: the acknowledgement greets a resident who gave a name by that name — whether
 * it leaves at once (intake, staff entry) or later from the outbox (the hourly job) — and the
 * outbox row staff read still names nobody: the name is put in from "Người gửi" when it leaves.
 */
import { formAnswers, runHourly, setUpWard, tabRecords } from '../support/ward';

const firstLine = (body: string) => body.split('\n')[0];

describe('the acknowledgement names the resident who gave a name', () => {
  it('sent at once after the form: "Kính gửi: Ông/Bà <name> (người gửi ý kiến mã …)"; the outbox row stays anonymous', () => {
    const w = setUpWard();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Rác ngõ 7 chưa thu gom', name: '  Nguyễn   Thị Lan ', email: 'lan@gmail.com' }));
    const ack = w.ws.mail.outbox().find((m) => m.to[0] === 'lan@gmail.com')!;
    expect(firstLine(ack.body)).toBe('Kính gửi: Ông/Bà Nguyễn Thị Lan (người gửi ý kiến mã GY-2026-00001)');
    const row = tabRecords(w, 'Hộp thư đi').find((r) => r['Mã ý kiến'] === 'GY-2026-00001')!;
    expect(row['Nội dung']).not.toContain('Lan');
    expect(firstLine(row['Nội dung'])).toBe('Kính gửi: Ông/Bà người gửi ý kiến mã GY-2026-00001');
  });

  it('without a name: the code stands for them', () => {
    const w = setUpWard();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Đèn ngõ 3 hỏng', email: 'an.danh@gmail.com' }));
    const ack = w.ws.mail.outbox().find((m) => m.to[0] === 'an.danh@gmail.com')!;
    expect(firstLine(ack.body)).toBe('Kính gửi: Ông/Bà người gửi ý kiến mã GY-2026-00001');
  });

  it('an acknowledgement that waited in the outbox (no quota left) is named when the hourly job sends it', () => {
    const w = setUpWard();
    w.ws.setQuotas({ emailRecipientsPerDay: 0 });
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Ngập nước đường Lê Lợi', name: 'Trần Văn Bình', email: 'binh@gmail.com' }));
    expect(w.ws.mail.outbox()).toHaveLength(0);
    w.ws.setQuotas({ emailRecipientsPerDay: 100 });
    runHourly(w);
    const ack = w.ws.mail.outbox().find((m) => m.to[0] === 'binh@gmail.com')!;
    expect(firstLine(ack.body)).toBe('Kính gửi: Ông/Bà Trần Văn Bình (người gửi ý kiến mã GY-2026-00001)');
  });

  it('a case staff enter with the resident\'s name and e-mail is acknowledged by name too', () => {
    const w = setUpWard();
    w.app.call('submitStaffCase', { channel: 'phone', content: 'Xin hỏi lịch tiêm chủng', group: 'Tổ dân phố 2', receivedAt: '', name: 'Lê Thị Mai', phone: '', email: 'mai@gmail.com', confidential: false, requestId: 'r1' });
    const ack = w.ws.mail.outbox().find((m) => m.to[0] === 'mai@gmail.com')!;
    expect(firstLine(ack.body)).toBe('Kính gửi: Ông/Bà Lê Thị Mai (người gửi ý kiến mã GY-2026-00001)');
  });
});
