/**
 * Issue 10: a resident looks up their case with the code and the key from the acknowledgement,
 * rates the answer once; wrong keys are slowed, then locked; nothing personal in any reply. A key
 * voided by "Cấp mã tra cứu mới" stays void when its case row is deleted by hand and restored, or
 * its issue number typed back (issue 16.6).
 */
import { formAnswers, runHourly, setUpWard, tabRecords, type Ward } from '../support/ward';

type Public = { code: string; status: string; answer: string; canRate: boolean; rating: number | null };
type View = { code: string; row: number; version: number };

const CASES = 'Ý kiến';

function filedWithKey(w: Ward, email = 'lan@gmail.com'): { code: string; key: string } {
  w.ws.forms.submit(w.formId, formAnswers({ content: 'Rác ngõ 7 chưa thu gom', name: 'Nguyễn Thị Lan', email, phone: '0912345678' }));
  runHourly(w);
  const ack = w.ws.mail.outbox().find((m) => m.to[0] === email && m.subject.includes('Đã tiếp nhận'))!;
  const key = /Mã tra cứu: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(ack.body)![1];
  const code = /Mã ý kiến: (GY-\d{4}-\d{5})/.exec(ack.body)![1];
  return { code, key };
}

/**
 * `n` more wrong keys for `code`, each after waiting as long as the page says (the ward's clock):
 * the minutes each wait was.
 */
function wrongTries(w: Ward, code: string, n: number): number[] {
  const waits: number[] = [];
  for (let i = 0; i < n; i++) {
    let said = '';
    try {
      w.app.call('lookupPublicCase', code, 'AAAA-AAAA');
    } catch (e) {
      said = (e as Error).message;
    }
    const m = /thử lại sau (\d+) phút/.exec(said);
    expect([i, said]).toEqual([i, expect.stringMatching(/thử lại sau \d+ phút/)]);
    waits.push(Number(m![1]));
    w.ws.clock.advance(Number(m![1]) * 60_000);
    expect(() => w.app.call('lookupPublicCase', code, 'AAAA-AAAA')).toThrow('chưa đúng');
  }
  return waits;
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

  it('a wrong key says the same as a wrong code; after 5 the tries are slowed, for at most 15 minutes, never locked', () => {
    // Issue 16 replaces the day-long lock after 50 wrong keys: codes are sequential and on the
    // board, so anyone could lock every resident out. Slowed tries keep guessing hopeless (see
    // the README's arithmetic) and leave the resident waiting a quarter of an hour at worst.
    const w = setUpWard();
    const { code, key } = filedWithKey(w);
    const wrong = 'AAAA-AAAA';
    expect(() => w.app.call('lookupPublicCase', 'GY-2026-99999', key)).toThrow('Mã ý kiến hoặc mã tra cứu chưa đúng.');
    for (let i = 0; i < 5; i++) expect(() => w.app.call('lookupPublicCase', code, wrong)).toThrow('chưa đúng');
    // Now even the right key waits: a gate that let it through would not slow anyone.
    expect(() => w.app.call('lookupPublicCase', code, key)).toThrow('thử lại sau 1 phút');
    const waits = wrongTries(w, code, 55);
    expect(waits.slice(0, 6)).toEqual([1, 2, 4, 8, 15, 15]);
    expect(Math.max(...waits)).toBe(15);
    // After 60 wrong keys, the right one gets in a quarter of an hour after the last wrong one.
    expect(() => w.app.call('lookupPublicCase', code, key)).toThrow('thử lại sau 15 phút');
    w.ws.clock.advance(15 * 60_000);
    expect((w.app.call('lookupPublicCase', code, key) as Public).code).toBe(code);
  });

  it('tries refused while waiting are not evaluated and do not extend the wait', () => {
    const w = setUpWard();
    const { code, key } = filedWithKey(w);
    for (let i = 0; i < 5; i++) expect(() => w.app.call('lookupPublicCase', code, 'AAAA-AAAA')).toThrow('chưa đúng');
    wrongTries(w, code, 4); // waits of 1, 2, 4 and 8 minutes: the next wait is 15
    const last = w.ws.clock.now().getTime();
    w.ws.clock.advance(60_000);
    // A flood meanwhile, the right key among it: refused, unread, and the wait does not move.
    for (let i = 0; i < 50; i++) expect(() => w.app.call('lookupPublicCase', code, i % 2 ? key : 'BBBB-BBBB')).toThrow(/thử lại sau 1[0-4] phút/);
    expect(w.ws.clock.now().getTime()).toBeLessThan(last + 15 * 60_000);
    w.ws.clock.setTo(last + 15 * 60_000);
    expect((w.app.call('lookupPublicCase', code, key) as Public).code).toBe(code);
  });

  it('a key the ward issues starts with a clean counter: it works at once, while the old key\'s code is being slowed', () => {
    const w = setUpWard();
    const { code } = filedWithKey(w);
    for (let i = 0; i < 5; i++) expect(() => w.app.call('lookupPublicCase', code, 'AAAA-AAAA')).toThrow('chưa đúng');
    expect(() => w.app.call('lookupPublicCase', code, 'AAAA-AAAA')).toThrow('thử lại sau 1 phút');
    // The resident calls; an admin reads a new key out on the phone (the remedy the wait page names).
    const issued = w.app.call('issueCaseLookupKey', code) as { key: string };
    expect((w.app.call('lookupPublicCase', code, issued.key) as Public).code).toBe(code);
    // The new key's code is slowed like any other, from its own count.
    for (let i = 0; i < 5; i++) expect(() => w.app.call('lookupPublicCase', code, 'AAAA-AAAA')).toThrow('chưa đúng');
    expect(() => w.app.call('lookupPublicCase', code, issued.key)).toThrow('thử lại sau 1 phút');
  });

  it('wrong keys are forgotten after 6 quiet hours', () => {
    const w = setUpWard();
    const { code, key } = filedWithKey(w);
    for (let i = 0; i < 5; i++) expect(() => w.app.call('lookupPublicCase', code, 'AAAA-AAAA')).toThrow('chưa đúng');
    w.ws.clock.advance(6 * 3_600_000);
    for (let i = 0; i < 5; i++) expect(() => w.app.call('lookupPublicCase', code, 'AAAA-AAAA')).toThrow('chưa đúng');
    expect(() => w.app.call('lookupPublicCase', code, key)).toThrow('thử lại sau 1 phút');
  });

  it('what is not a key (length, letters no key has) is refused without counting a try', () => {
    const w = setUpWard();
    const { code, key } = filedWithKey(w);
    for (const typo of ['AAAA-AAA', 'AAAA-AAAAA', 'OOOO-0000', 'IIII-1111', '', { toString: 1 }, null]) {
      for (let i = 0; i < 3; i++) expect(() => w.app.call('lookupPublicCase', code, typo)).toThrow('chưa đúng');
    }
    expect((w.app.call('lookupPublicCase', code, key) as Public).code).toBe(code);
  });
});

describe('the lookup and the document lock (issue 16)', () => {
  const holdDocumentLock = (w: Ward) => {
    const lock = (w.ws.globals.LockService as GoogleAppsScript.Lock.LockService).getDocumentLock()!;
    expect(lock.tryLock(0)).toBe(true);
    return lock;
  };
  const calls = (w: Ward, service: 'LockService' | 'SpreadsheetApp') => Object.keys(w.ws.stats().services[service].methods);

  it('reading and refusing never take the document lock: with a staff action holding it, lookups answer at once', () => {
    const w = setUpWard();
    const { code, key } = filedWithKey(w);
    const held = holdDocumentLock(w); // a long staff action, an intake, the hourly job …
    w.ws.resetStats();
    expect((w.app.call('lookupPublicCase', code, key) as Public).code).toBe(code);
    for (let i = 0; i < 5; i++) expect(() => w.app.call('lookupPublicCase', code, 'AAAA-AAAA')).toThrow('chưa đúng');
    expect(() => w.app.call('lookupPublicCase', code, key)).toThrow('thử lại sau 1 phút');
    expect(() => w.app.call('lookupPublicCase', 'GY-2026' + ' '.repeat(16_000) + 'x', key)).toThrow('chưa đúng');
    expect(calls(w, 'LockService')).not.toContain('LockService.getDocumentLock');
    held.releaseLock();
  });

  it('a 16,000-character code is refused before anything is read or locked', () => {
    const w = setUpWard();
    const { key } = filedWithKey(w);
    w.ws.resetStats();
    for (const junk of ['GY-2026' + ' '.repeat(16_000) + 'x', ' '.repeat(16_000), 'GY-2026-00001' + ' '.repeat(16_000)]) {
      expect(() => w.app.call('lookupPublicCase', junk, key)).toThrow('chưa đúng');
      expect(() => w.app.call('ratePublicAnswer', junk, key, 5, '')).toThrow('chưa đúng');
    }
    expect(calls(w, 'SpreadsheetApp')).toEqual([]);
    expect(calls(w, 'LockService')).toEqual([]);
  });

  it('a lookup before any key was given out makes no secret (intake may be making it under the lock)', () => {
    const w = setUpWard();
    const store = (w.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties()!;
    const props = () => store.getProperties();
    // A ward set up before setup made the secret: the first acknowledgement makes it, under the lock.
    store.deleteProperty('hts.lookup.secret');
    expect(() => w.app.call('lookupPublicCase', 'GY-2026-00001', 'AAAA-AAAA')).toThrow('chưa đúng');
    expect(Object.keys(props()).filter((k) => k.includes('lookup.secret'))).toEqual([]);
    const { code, key } = filedWithKey(w);
    expect((w.app.call('lookupPublicCase', code, key) as Public).code).toBe(code);
  });

  it('rating takes the document lock only to write the case row', () => {
    const w = setUpWard();
    const { code, key } = filedWithKey(w);
    act(w, code, { action: 'classify', category: 'Môi trường', complexity: 'normal' });
    act(w, code, { action: 'answer', text: 'Đã thu gom.' });
    act(w, code, { action: 'sendAnswer' });
    runHourly(w);
    const held = holdDocumentLock(w);
    // A refusal reads and says no without waiting for the lock …
    expect(() => w.app.call('ratePublicAnswer', code, 'AAAA-AAAA', 5, '')).toThrow('chưa đúng');
    // … the write waits for it, and says the ward is busy when it cannot have it.
    expect(() => w.app.call('ratePublicAnswer', code, key, 5, '')).toThrow('Hệ thống đang bận');
    held.releaseLock();
    expect((w.app.call('ratePublicAnswer', code, key, 5, '') as Public).rating).toBe(5);
  });
});

describe('wrong keys counted exactly, also when tries come at once (issue 16)', () => {
  it('a try that cannot have the counter to itself is refused unevaluated and uncounted', () => {
    const w = setUpWard();
    const { code, key } = filedWithKey(w);
    const LockService = w.ws.globals.LockService as GoogleAppsScript.Lock.LockService;
    for (let i = 0; i < 4; i++) expect(() => w.app.call('lookupPublicCase', code, 'AAAA-AAAA')).toThrow('chưa đúng');
    // Another try is between reading the counter and writing it back (it holds the counter's
    // lock): a try now — another execution, as each google.script.run call is — must not read the
    // same count, or two wrong keys would count as one.
    w.ws.execution(() => {
      const counter = LockService.getScriptLock();
      expect(counter.tryLock(0)).toBe(true);
      for (let i = 0; i < 3; i++) {
        w.ws.resetStats();
        expect(() => w.app.run('lookupPublicCase', [code, i === 1 ? key : 'AAAA-AAAA'], { kind: 'rpc' })).toThrow('Hệ thống đang bận');
        // The counters (the script cache) untouched; the settings may come from the document cache (issue 19).
        const cache = w.ws.stats().services.CacheService.methods;
        expect([cache['CacheService.getScriptCache'], cache['Cache.get'], cache['Cache.put']]).toEqual([undefined, undefined, undefined]);
      }
      counter.releaseLock();
    });
    // The refused tries changed nothing: the 5th wrong key is the 5th, and the 6th waits.
    expect(() => w.app.call('lookupPublicCase', code, 'AAAA-AAAA')).toThrow('chưa đúng');
    expect(() => w.app.call('lookupPublicCase', code, key)).toThrow('thử lại sau 1 phút');
  });
});

describe('a wrong key tells nothing about the code (issue 16)', () => {
  it('costs the same service calls whether the code is a case, a printed slip not yet entered, or nothing', () => {
    const w = setUpWard();
    const { code } = filedWithKey(w);
    const doc = w.app.call('createPaperSlips', { group: 'Tổ dân phố 7', count: 2 }) as { id: string };
    const slip = /Mã ý kiến:\n(GY-\d{4}-P\d{5})/.exec(w.ws.documents.text(doc.id))![1];
    const profile = (c: string) => {
      w.ws.resetStats();
      expect(() => w.app.call('lookupPublicCase', c, 'AAAA-AAAA')).toThrow('Mã ý kiến hoặc mã tra cứu chưa đúng.');
      const s = w.ws.stats();
      return Object.fromEntries(Object.entries(s.services).flatMap(([service, v]) => Object.entries(v.methods).map(([m, n]) => [`${service}:${m}`, n.calls])));
    };
    profile('GY-2026-77777'); // once before, so nothing done once per ward is counted below
    const asCase = profile(code);
    expect(asCase['SpreadsheetApp:Range.getValues']).toBeGreaterThan(0);
    expect(profile(slip)).toEqual(asCase);
    expect(profile('GY-2026-00077')).toEqual(asCase);
    expect(profile('GY-2026-P00099')).toEqual(asCase);
    expect(profile('GY-2031-00001')).toEqual(asCase);
  });
});

describe('one code, one form (issue 16)', () => {
  it('every spelling of a code finds the same case: lookup, getCase, caseAction, a new key', () => {
    const w = setUpWard();
    const { code, key } = filedWithKey(w);
    const spelled = code.replace('GY-2026-', 'gy 2026 0');
    expect(spelled).toBe('gy 2026 000001');
    expect((w.app.call('lookupPublicCase', spelled, key) as Public).code).toBe(code);
    const v = w.app.call('getCase', spelled) as View;
    expect(v.code).toBe(code);
    const after = (w.app.call('caseAction', spelled, v.row, v.version, { action: 'classify', category: 'Môi trường', complexity: 'normal' }) as { view: View }).view;
    expect(after).toMatchObject({ code, version: v.version + 1 });
    expect(tabRecords(w, 'Nhật ký').filter((r) => r['Phiên bản'] === String(after.version)).map((r) => r['Mã ý kiến'])).toEqual([code]);
    const issued = w.app.call('issueCaseLookupKey', 'GY-2026-0000001') as { key: string; message: string };
    expect(issued.message).toContain(code);
    expect((w.app.call('lookupPublicCase', code, issued.key) as Public).code).toBe(code);
    expect(() => w.app.call('getCase', 'GY-2026-00001x')).toThrow();
    // The submitter's details, and a duplicate's original, by any spelling too.
    expect(w.app.call('getContactDetails', spelled, 'Gọi lại xác minh')).toMatchObject({ email: 'lan@gmail.com' });
    expect(tabRecords(w, 'Nhật ký').filter((r) => r['Hành động'] === 'Xem thông tin người gửi').map((r) => r['Mã ý kiến'])).toEqual([code]);
    const second = filedWithKey(w, 'nam@gmail.com').code;
    const dup = w.app.call('getCase', second) as View;
    w.app.call('caseAction', dup.code, dup.row, dup.version, { action: 'duplicate', of: 'gy-2026-0000001' });
    expect((w.app.call('getCase', second) as View & { linkedCases: string }).linkedCases).toBe(code);
    expect((w.app.call('getCase', code) as View & { linkedCases: string }).linkedCases).toBe(second);
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

describe('a lookup key voided by a new one', () => {
  function filed(): { w: Ward; key0: string; key1: string } {
    const w = setUpWard();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Rác ngõ 7', email: 'lan@gmail.com' }));
    const key0 = /Mã tra cứu: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(w.ws.mail.outbox()[0].body)![1];
    const key1 = (w.app.call('issueCaseLookupKey', 'GY-2026-00001') as { key: string }).key;
    expect(() => w.app.call('lookupPublicCase', 'GY-2026-00001', key0)).toThrow('chưa đúng');
    return { w, key0, key1 };
  }

  it('stays void when the case row is deleted by hand and restored; the re-issued key keeps working', () => {
    const { w, key0, key1 } = filed();
    w.ws.handEdit((ss) => ss.getSheetByName(CASES)!.deleteRow(2), { changeType: 'REMOVE_ROW' });
    runHourly(w);
    const row = tabRecords(w, CASES).find((r) => r['Mã ý kiến'] === 'GY-2026-00001')!;
    expect(row['Lần cấp mã tra cứu']).toBe('1');
    expect(() => w.app.call('lookupPublicCase', 'GY-2026-00001', key0)).toThrow('chưa đúng');
    expect((w.app.call('lookupPublicCase', 'GY-2026-00001', key1) as Public).code).toBe('GY-2026-00001');
    // Issuing goes on from there: the next key voids the one before.
    const key2 = (w.app.call('issueCaseLookupKey', 'GY-2026-00001') as { key: string }).key;
    expect([key2 === key0, key2 === key1]).toEqual([false, false]);
    expect(() => w.app.call('lookupPublicCase', 'GY-2026-00001', key1)).toThrow('chưa đúng');
    expect((w.app.call('lookupPublicCase', 'GY-2026-00001', key2) as Public).code).toBe('GY-2026-00001');
  });

  it('stays void when the issue number in the case row is typed back by hand', () => {
    const { w, key0, key1 } = filed();
    const sheet = w.SpreadsheetApp.getActive().getSheetByName(CASES)!;
    const col = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[]).indexOf('Lần cấp mã tra cứu') + 1;
    w.ws.handEdit(() => sheet.getRange(2, col).setValue(0), { range: { sheet: CASES, row: 2, column: col }, value: '0' });
    expect(() => w.app.call('lookupPublicCase', 'GY-2026-00001', key0)).toThrow('chưa đúng');
    expect((w.app.call('lookupPublicCase', 'GY-2026-00001', key1) as Public).code).toBe('GY-2026-00001');
  });
});
