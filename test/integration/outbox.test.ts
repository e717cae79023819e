/**
 * The outbox (services/platform/outbox), black-box through the built app: a send cut off midway is
 * not recorded as sent, nothing leaves twice, and nothing is sent to an address that is not one.
 * Expected values are worked out by hand, never taken from the code under test.
 */
import { formAnswers, runHourly, setUpWard, tabRecords, type Ward } from '../support/ward';

const SUBMITTERS = 'Người gửi';
const OUTBOX = 'Hộp thư đi';

function submit(ward: Ward, answers: Parameters<typeof formAnswers>[0] = {}) {
  return ward.ws.forms.submit(ward.formId, formAnswers(answers));
}

describe('a send interrupted midway is not recorded as sent', () => {
  it('the execution is cut off right after MailApp.sendEmail: the row becomes "Cần kiểm tra" and nothing is sent twice', () => {
    // Each MailApp call takes 200 s of the 6-minute limit: the quota check and the send fit,
    // then the execution runs out of time before it can note the message as sent.
    const ward = setUpWard({ costs: { perCallMs: { MailApp: 200_000 } } });
    submit(ward, { content: 'Đèn hỏng', email: 'dan@gmail.com' });
    expect(ward.ws.mail.outbox().map((m) => m.to)).toEqual([['dan@gmail.com']]);
    runHourly(ward);
    expect(tabRecords(ward, OUTBOX).map((r) => [r['Mã ý kiến'], r['Trạng thái']])).toEqual([['GY-2026-00001', 'Cần kiểm tra']]);
    expect(ward.ws.mail.outbox()).toHaveLength(1);
    ward.ws.clock.setTo('2026-11-26T02:00:00Z'); // another day, fresh quota
    ward.ws.runDueTriggers();
    expect(tabRecords(ward, OUTBOX).map((r) => r['Trạng thái'])).toEqual(['Cần kiểm tra']);
    expect(ward.ws.mail.outbox()).toHaveLength(1);
  });

  it('a send that threw: the row never says "Đã gửi" unless an e-mail left, and at most one ever leaves', () => {
    // Whether a thrown send is retried or left for a person to check is a policy; this holds under both.
    const ward = setUpWard();
    ward.ws.faults.inject('MailApp', 'MailApp.sendEmail', 1, 'Service unavailable: Gmail');
    submit(ward, { content: 'Đèn hỏng', email: 'dan@gmail.com' });
    const consistent = () => {
      const [row] = tabRecords(ward, OUTBOX);
      const sent = ward.ws.mail.outbox().length;
      expect(sent).toBeLessThanOrEqual(1);
      expect({ status: row['Trạng thái'], sent }).toEqual(sent === 1 ? { status: 'Đã gửi', sent } : { status: expect.not.stringMatching(/^Đã gửi$/), sent });
    };
    consistent();
    runHourly(ward);
    consistent();
    ward.ws.clock.setTo('2026-11-26T02:00:00Z');
    ward.ws.runDueTriggers();
    consistent();
    expect(['Đã gửi', 'Cần kiểm tra']).toContain(tabRecords(ward, OUTBOX)[0]['Trạng thái']);
  });
});

describe('the outbox never sends to an invalid address', () => {
  it('a resident address corrected into an invalid one in "Người gửi": nothing sent, row "Không gửi được"', () => {
    // One recipient a day: the first resident's acknowledgement uses today's quota, the second waits.
    const ward = setUpWard({ quotas: { emailRecipientsPerDay: 1 } });
    submit(ward, { content: 'Ý kiến A', email: 'a.nguyen@gmail.com' });
    submit(ward, { content: 'Ý kiến B', email: 'b.tran@gmail.com' });
    expect(ward.ws.mail.outbox().map((m) => m.to)).toEqual([['a.nguyen@gmail.com']]);
    // An admin "corrects" B's address and makes a typo (two dots): not a valid address.
    const sheet = ward.SpreadsheetApp.getActive().getSheetByName(SUBMITTERS)!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    sheet.getRange(3, header.indexOf('Email') + 1).setValue('b..tran@gmail.com');
    ward.ws.clock.setTo('2026-11-25T02:00:00Z'); // the next day: the quota is back
    ward.ws.runDueTriggers();
    expect(tabRecords(ward, OUTBOX).map((r) => r['Trạng thái'])).toEqual(['Đã gửi', 'Không gửi được']);
    expect(ward.ws.mail.outbox().map((m) => m.to)).toEqual([['a.nguyen@gmail.com']]);
    ward.ws.clock.setTo('2026-11-26T02:00:00Z');
    ward.ws.runDueTriggers();
    expect(ward.ws.mail.outbox()).toHaveLength(1);
  });
});
