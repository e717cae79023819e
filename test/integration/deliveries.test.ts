/**
 * A case says a mail reached someone only once it did (issue 18.4, 18.5): the answer is "Đã gửi
 * qua email" and the case "Đã trả lời" once the answer e-mail has left the outbox; a mail that
 * fails puts the answer back to approved, not delivered, and the admins are told. A case marked as
 * misuse is sent to the police's address and is "Đã chuyển" only once that mail left; a ward with
 * no police address records it as not transferred; the report counts only what really went.
 * Then a fault sweep over the hourly job that carries the outbox's word to the cases.
 * Expected values are worked out by hand.
 */
import { ADMIN, formAnswers, runHourly, setUpWard, sweepHourlyCutOff, sweepHourlyRun, tabRecords, wardFactory, type Ward } from '../support/ward';

type View = { code: string; row: number; version: number; status: string; answerState: string; answerSent: string; actions: Array<{ key: string }>; history: Array<{ v: number; by: string; action: string; detail?: string }> };
const OUTBOX = 'Hộp thư đi';
const POLICE = 'congan@luukiem.example';

const open = (w: Ward, code: string) => w.app.call('getCase', code) as View;
function act(w: Ward, code: string, input: Record<string, unknown>): { message: string; view: View } {
  const v = open(w, code);
  return w.app.call('caseAction', v.code, v.row, v.version, input) as { message: string; view: View };
}
const outboxRow = (w: Ward, prefix: string) => tabRecords(w, OUTBOX).find((r) => r['Mã thư'].startsWith(prefix));
const caseRow = (w: Ward, code: string) => tabRecords(w, 'Ý kiến').find((r) => r['Mã ý kiến'] === code)!;

function policeAddress(w: Ward, email: string): void {
  const bodies = w.SpreadsheetApp.getActive().getSheetByName('Cơ quan xử lý')!;
  const names = bodies.getRange(2, 1, bodies.getLastRow() - 1, 1).getValues().map((r) => r[0]);
  bodies.getRange(names.indexOf('Công an phường') + 2, 2).setValue(email);
  runHourly(w);
}

/** A resident with an e-mail, their case classified and answered (a draft). */
function drafted(w: Ward, email = 'lan@gmail.com'): string {
  w.ws.forms.submit(w.formId, formAnswers({ content: 'Rác ngõ 7 chưa được thu gom', email }));
  const code = (w.app.call('getInbox', {}) as { items: Array<{ code: string }> }).items[0].code;
  act(w, code, { action: 'classify', category: 'Môi trường', complexity: 'normal' });
  act(w, code, { action: 'answer', text: 'Ngày 25/11 tổ vệ sinh đã thu gom rác ngõ 7.' });
  return code;
}

/** The resident's address in "Người gửi" changed by hand into one that is not an address. */
function breakAddress(w: Ward, code: string): void {
  const sheet = w.SpreadsheetApp.getActive().getSheetByName('Người gửi')!;
  const values = sheet.getDataRange().getValues();
  const header = values[0].map(String);
  const row = values.findIndex((r) => r[header.indexOf('Mã ý kiến')] === code);
  sheet.getRange(row + 1, header.indexOf('Email') + 1).setValue('lan..gmail.com');
}

function reportText(w: Ward): string {
  const doc = w.app.call('createReportDocument', { kind: 'month', year: 2026, index: 11 }) as { id: string };
  return w.ws.documents.text(doc.id);
}

describe('the answer e-mail: "Đã gửi qua email" only once it has left', () => {
  it('"Gửi" queues it: the case waits, approved, and is answered when the hourly job sends it', () => {
    const w = setUpWard();
    const code = drafted(w);
    const sent = act(w, code, { action: 'sendAnswer' });
    expect(sent.message).toBe(`Thư trả lời ý kiến ${code} đã vào hộp thư đi: ý kiến chỉ "Đã trả lời" khi thư đã gửi đi (trong vòng một giờ, hoặc ngay khi bấm "Đồng bộ lại"). Thư đã vào hộp thư đi và sẽ được gửi trong vòng một giờ.`);
    expect([sent.view.status, sent.view.answerState, sent.view.answerSent]).toEqual(['Đã duyệt, chờ gửi', 'emailWaiting', '']);
    // Nothing can be rewritten or sent again while it waits.
    expect(sent.view.actions.map((a) => a.key)).toEqual(['note', 'misuse']);
    expect(outboxRow(w, 'TL-')?.['Trạng thái']).toBe('Chờ gửi');
    expect(caseRow(w, code)['Đã trả lời người dân lúc']).toBe('');

    runHourly(w);
    const answered = open(w, code);
    expect([answered.status, answered.answerState, answered.answerSent]).toEqual(['Đã trả lời', 'email', '24/11/2026']);
    expect(answered.history.at(-1)).toMatchObject({ by: 'Hệ thống', action: 'Thư trả lời đã gửi đến người dân' });
    expect(w.ws.mail.outbox().filter((m) => m.to[0] === 'lan@gmail.com' && m.subject.startsWith('[Hòm thư số] Trả lời ý kiến'))).toHaveLength(1);
    expect(tabRecords(w, 'Nhật ký').filter((r) => r['Mã ý kiến'] === code).map((r) => [r['Người thực hiện'], r['Hành động']]).slice(-2)).toEqual([
      [ADMIN, 'Gửi trả lời qua email'],
      ['Hệ thống', 'Thư trả lời đã gửi đến người dân'],
    ]);
    // "Đồng bộ lại" and later runs change nothing more.
    runHourly(w);
    expect(open(w, code).version).toBe(answered.version);
  });

  it('a mail that cannot be sent puts the answer back to approved, not delivered, says why on the case, and tells the admin', () => {
    const w = setUpWard();
    const code = drafted(w);
    act(w, code, { action: 'sendAnswer' });
    breakAddress(w, code);
    runHourly(w);
    expect(outboxRow(w, 'TL-')?.['Trạng thái']).toBe('Không gửi được');
    const back = open(w, code);
    expect([back.status, back.answerState, back.answerSent]).toEqual(['Đã duyệt, chờ gửi', 'approved', '']);
    expect(back.history.at(-1)).toMatchObject({ by: 'Hệ thống', action: 'Thư trả lời không gửi được' });
    expect(back.history.at(-1)!.detail).toMatch(/^Không có địa chỉ email hợp lệ\./);
    // Sent again, or answered another way, from here.
    expect(back.actions.map((a) => a.key)).toContain('sendAnswer');
    expect(caseRow(w, code)['Hình thức trả lời']).toBe('');
    // The admin's notice leaves with the next run, once.
    runHourly(w);
    runHourly(w);
    const notices = w.ws.mail.outbox().filter((m) => m.subject === `[Hòm thư số] Thư trả lời ý kiến ${code} chưa gửi được`);
    expect(notices.map((m) => m.to[0])).toEqual([ADMIN]);
    expect(notices[0].body).toContain('Không có địa chỉ email hợp lệ.');
    expect(notices[0].body).not.toContain('lan');
    expect(open(w, code).version).toBe(back.version);
  });

  it('a send that threw (it may have left) is not counted as sent: approved, not delivered, and the admin asked to check', () => {
    const w = setUpWard();
    const code = drafted(w);
    act(w, code, { action: 'sendAnswer' });
    w.ws.faults.inject('MailApp', 'MailApp.sendEmail', 1, 'Service unavailable: Gmail');
    runHourly(w);
    runHourly(w);
    expect(outboxRow(w, 'TL-')?.['Trạng thái']).toBe('Cần kiểm tra');
    expect([open(w, code).status, open(w, code).answerState]).toEqual(['Đã duyệt, chờ gửi', 'approved']);
    expect(open(w, code).history.at(-1)!.detail).toContain('có thể đã được gửi');
  });
});

describe('misuse reaches the police, or says it did not', () => {
  it('with a police address: transferred once the mail has left, and the report counts it', () => {
    const w = setUpWard();
    policeAddress(w, POLICE);
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Nội dung bôi nhọ cán bộ' }));
    const marked = act(w, 'GY-2026-00001', { action: 'misuse', reason: 'Bôi nhọ cán bộ phường' });
    expect(marked.message).toContain('hộp thư đi');
    expect(caseRow(w, 'GY-2026-00001')['Chuyển Công an phường']).toBe('Đang chờ gửi');
    expect(reportText(w)).toContain('vi phạm pháp luật: 1 (đã chuyển Công an phường: 0; chưa chuyển: 1; không công khai)');
    runHourly(w);
    expect(w.ws.mail.outbox().filter((m) => m.to[0] === POLICE).map((m) => m.subject)).toEqual(['[Hòm thư số] Ý kiến GY-2026-00001 có dấu hiệu lợi dụng']);
    expect(caseRow(w, 'GY-2026-00001')['Chuyển Công an phường']).toBe('Đã chuyển');
    expect(open(w, 'GY-2026-00001').history.at(-1)).toMatchObject({ by: 'Hệ thống', action: 'Đã chuyển Công an phường', detail: `Thư đã gửi đến ${POLICE}.` });
    expect(reportText(w)).toContain('vi phạm pháp luật: 1 (đã chuyển Công an phường; không công khai)');
  });

  it('a fresh ward (no police address): closed and hidden, recorded as not transferred, the person told; nothing queued; the report does not count it', () => {
    const w = setUpWard();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Nội dung xuyên tạc' }));
    const marked = act(w, 'GY-2026-00001', { action: 'misuse', reason: 'Xuyên tạc' });
    expect(marked.message).toBe('Đã đánh dấu lợi dụng: GY-2026-00001. Phường chưa có email của Công an phường (tab "Cơ quan xử lý"): ý kiến đã được đóng và ẩn khỏi công khai nhưng CHƯA được chuyển Công an phường. Hãy điền email rồi chuyển bằng văn bản.');
    expect(marked.view.status).toBe('Đã đóng');
    expect(caseRow(w, 'GY-2026-00001')['Chuyển Công an phường']).toBe('Chưa chuyển — chưa có email Công an phường');
    expect(marked.view.history.at(-1)).toMatchObject({ action: 'Đánh dấu lợi dụng' });
    expect(tabRecords(w, OUTBOX).filter((r) => r['Loại thư'] === 'Báo Công an')).toEqual([]);
    runHourly(w);
    expect(reportText(w)).toContain('vi phạm pháp luật: 1 (đã chuyển Công an phường: 0; chưa chuyển: 1; không công khai)');
  });

  it('a mail to the police that may not have left: not transferred, and the admin is told', () => {
    const w = setUpWard();
    policeAddress(w, POLICE);
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Nội dung bôi nhọ' }));
    act(w, 'GY-2026-00001', { action: 'misuse', reason: 'Bôi nhọ' });
    w.ws.faults.inject('MailApp', 'MailApp.sendEmail', 1, 'Service unavailable: Gmail');
    runHourly(w);
    runHourly(w);
    runHourly(w);
    expect(outboxRow(w, 'CA-')?.['Trạng thái']).toBe('Cần kiểm tra');
    expect(caseRow(w, 'GY-2026-00001')['Chuyển Công an phường']).toBe('Chưa chuyển — thư không gửi được');
    expect(w.ws.mail.outbox().filter((m) => m.subject === '[Hòm thư số] Ý kiến GY-2026-00001 chưa chuyển được Công an phường').map((m) => m.to[0])).toEqual([ADMIN]);
    expect(reportText(w)).toContain('(đã chuyển Công an phường: 0; chưa chuyển: 1;');
  });
});

describe('fault sweep: the hourly job carrying the outbox’s word to the cases', () => {
  /** A ward with an answer e-mail and a police transfer queued, and one clean hourly run of it (its calls counted). */
  function wardWithMailToSettle() {
    const fresh = wardFactory((w) => {
      policeAddress(w, POLICE);
      const code = drafted(w);
      act(w, code, { action: 'sendAnswer' });
      w.ws.forms.submit(w.formId, formAnswers({ content: 'Nội dung bôi nhọ cán bộ' }));
      act(w, 'GY-2026-00002', { action: 'misuse', reason: 'Bôi nhọ' });
    });
    const clean = fresh();
    clean.ws.clock.advance(3_600_000);
    clean.ws.faults.failNthCall(1_000_000);
    clean.ws.runDueTriggers();
    return { fresh, clean };
  }

  it('failing any one service call: each case says sent exactly when its mail left, once; a failed mail is never counted; nothing twice', () => {
    const { fresh, clean } = wardWithMailToSettle();
    const total = clean.ws.faults.sweepState().calls;
    expect(total).toBeGreaterThan(20);
    check(clean, 'clean run');
    expect([open(clean, 'GY-2026-00001').status, caseRow(clean, 'GY-2026-00002')['Chuyển Công an phường']]).toEqual(['Đã trả lời', 'Đã chuyển']);
    sweepHourlyRun(fresh, total, check);
  });

  it('the run cut off at any one service call (claimed mail left in flight, "Đồng bộ lại" a minute later): the next runs finish it, nothing twice', () => {
    const { fresh, clean } = wardWithMailToSettle();
    sweepHourlyCutOff(fresh, clean.ws.faults.sweepState().calls, check);
  });
});

/** After any run and the recovery runs: each case agrees with its mail's row, once, and nothing is left to carry. */
function check(w: Ward, where: string): void {
  const answer = outboxRow(w, 'TL-')!;
  const police = outboxRow(w, 'CA-')!;
  const one = open(w, 'GY-2026-00001');
  const events = (code: string, action: string) => open(w, code).history.filter((e) => e.action === action).length;
  expect([where, answer['Trạng thái'] === 'Đã gửi' || answer['Trạng thái'] === 'Cần kiểm tra']).toEqual([where, true]);
  if (answer['Trạng thái'] === 'Đã gửi') {
    expect([where, one.status, one.answerState, events('GY-2026-00001', 'Thư trả lời đã gửi đến người dân')]).toEqual([where, 'Đã trả lời', 'email', 1]);
  } else {
    expect([where, one.status, one.answerState, events('GY-2026-00001', 'Thư trả lời không gửi được')]).toEqual([where, 'Đã duyệt, chờ gửi', 'approved', 1]);
  }
  const transfer = caseRow(w, 'GY-2026-00002')['Chuyển Công an phường'];
  if (police['Trạng thái'] === 'Đã gửi') expect([where, transfer, events('GY-2026-00002', 'Đã chuyển Công an phường')]).toEqual([where, 'Đã chuyển', 1]);
  // Never counted as transferred unless the mail left.
  else expect([where, police['Trạng thái'], transfer, events('GY-2026-00002', 'Chưa chuyển được Công an phường')]).toEqual([where, 'Cần kiểm tra', 'Chưa chuyển — thư không gửi được', 1]);
  // Each mail left at most once; each admin notice is queued once.
  const ids = tabRecords(w, OUTBOX).map((r) => r['Mã thư']);
  expect([where, new Set(ids).size]).toEqual([where, ids.length]);
  const mails = w.ws.mail.outbox().map((m) => `${m.to[0]} ${m.subject}`);
  expect([where, new Set(mails).size]).toEqual([where, mails.length]);
  // Every version after receipt has its one audit row.
  for (const code of ['GY-2026-00001', 'GY-2026-00002']) {
    const versions = tabRecords(w, 'Nhật ký').filter((r) => r['Mã ý kiến'] === code && Number(r['Phiên bản']) > 1).map((r) => r['Phiên bản']);
    expect([where, code, versions.length, new Set(versions).size]).toEqual([where, code, open(w, code).version - 1, open(w, code).version - 1]);
  }
  const props = (w.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties()!.getProperties();
  expect([where, Object.keys(props).filter((k) => k.startsWith('hts.mail.reports') || k.startsWith('hts.act.'))]).toEqual([where, []]);
}
