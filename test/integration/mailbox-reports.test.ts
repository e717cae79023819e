/**
 * E-mails filed by the official mailbox count in the reports' channel table as "Email"; the QR share
 * (the plan's 80% target) still counts the QR codes only — worked out by hand: 1 form case by QR and
 * 3 e-mails (a reply in a thread is an addition, not a case) → QR 1 of 4 = 25%.
 */
import { connectMailboxDirectly, mail, poll } from '../support/mailbox';
import { formAnswers, wardFactory } from '../support/ward';

const fresh = wardFactory();

function table(text: string, header: string): string[][] {
  const lines = text.split('\n');
  const at = lines.indexOf(header);
  if (at < 0) throw new Error(`no table "${header}"`);
  const rows: string[][] = [];
  for (const line of lines.slice(at + 1)) {
    if (!line.includes('\t')) break;
    rows.push(line.split('\t'));
  }
  return rows;
}

describe('e-mail cases in the reports', () => {
  it('the channel table counts them as Email; the QR share counts QR only; the dashboard agrees', () => {
    const w = fresh();
    const secret = connectMailboxDirectly(w);
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Ổ gà trước chợ' }));
    const first = mail({ threadId: 't-1' });
    poll(w, secret, { messages: [first, mail({ threadId: 't-2', fromAddress: 'minh@gmail.com' }), mail({ threadId: 't-3', fromAddress: 'hoa@yahoo.com' })] });
    // A reply in the first thread adds to its case: not a case of its own.
    poll(w, secret, { messages: [mail({ threadId: 't-1', body: 'Bổ sung địa chỉ.' })] });
    const doc = w.app.call('createReportDocument', { kind: 'month', year: 2026, index: 11 }) as { id: string };
    const text = w.ws.documents.text(doc.id);
    expect(table(text, 'Kênh tiếp nhận\tSố ý kiến\tTỷ lệ')).toEqual([
      ['Email', '3', '75%'],
      ['QR', '1', '25%'],
    ]);
    expect(text).toContain('Trong đó qua mã QR 1 ý kiến (25%; mục tiêu trên 80%: chưa đạt).');
    const dash = w.app.call('getDashboard') as { month: { qrShare: number | null } };
    expect(dash.month.qrShare).toBe(0.25);
  });
});
