/**
 * The web app's writes are all or nothing too (issue 10 review): rating an answer and issuing a
 * new lookup key go through the same commit as staff actions. Each is run once per service call
 * it makes, failing that call; then the person retries and the hourly job runs. The case is either
 * unchanged or fully changed — the row, exactly one audit row for the new version — never half.
 */
import { formAnswers, runHourly, tabRecords, wardFactory, type Ward } from '../support/ward';

type View = { code: string; row: number; version: number };
const CODE = 'GY-2026-00001';

function prepared(w: Ward): void {
  w.ws.forms.submit(w.formId, formAnswers({ content: 'Rác ngõ 7', email: 'lan@gmail.com' }));
  runHourly(w);
  const act = (input: Record<string, unknown>) => {
    const v = w.app.call('getCase', CODE) as View;
    w.app.call('caseAction', v.code, v.row, v.version, input);
  };
  act({ action: 'classify', category: 'Môi trường', complexity: 'normal' });
  act({ action: 'answer', text: 'Đã thu gom.' });
  act({ action: 'sendAnswer' });
  runHourly(w);
}

function keyOf(w: Ward): string {
  const ack = w.ws.mail.outbox().find((m) => m.subject.includes('Đã tiếp nhận'))!;
  return /Mã tra cứu: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(ack.body)![1];
}

function check(w: Ward, v0: number, action: string, where: string): 'changed' | 'unchanged' {
  const v = w.app.call('getCase', CODE) as View & { history: Array<{ v: number; action: string }> };
  const changed = v.version === v0 + 1;
  expect([where, changed || v.version === v0]).toEqual([where, true]);
  const audit = tabRecords(w, 'Nhật ký').filter((r) => r['Mã ý kiến'] === CODE && r['Phiên bản'] === String(v0 + 1));
  expect([where, audit.map((r) => r['Hành động'])]).toEqual([where, changed ? [action] : []]);
  if (changed) expect([where, v.history.at(-1)]).toEqual([where, expect.objectContaining({ v: v0 + 1, action })]);
  return changed ? 'changed' : 'unchanged';
}

describe.each([
  ['a resident rates the answer', 'Người dân đánh giá', (w: Ward) => w.app.call('ratePublicAnswer', CODE, keyOf(w), 5, 'Cảm ơn')],
  ['an admin issues a new lookup key', 'Cấp mã tra cứu mới', (w: Ward) => w.app.call('issueCaseLookupKey', CODE)],
])('%s', (_name, action, run) => {
  it('failing any one service call leaves the case unchanged or fully changed, and a retry completes it once', () => {
    const fresh = wardFactory(prepared);
    const clean = fresh();
    const v0 = (clean.app.call('getCase', CODE) as View).version;
    clean.ws.faults.failNthCall(1_000_000);
    run(clean);
    const total = clean.ws.faults.sweepState().calls;
    expect(check(clean, v0, action, 'clean run')).toBe('changed');
    const outcomes = new Set<string>();
    for (let k = 1; k <= total; k++) {
      const w = fresh();
      w.ws.faults.failNthCall(k);
      try {
        run(w);
      } catch {
        // the person sees a message and tries again
      }
      w.ws.faults.failNthCall(0);
      const where = `call ${k}`;
      // A retry: refused once the change is in (rated once; a key issue is a new one only if nothing was committed).
      if ((w.app.call('getCase', CODE) as View).version === v0) run(w);
      runHourly(w);
      runHourly(w);
      outcomes.add(check(w, v0, action, where));
    }
    expect(outcomes).toEqual(new Set(['changed']));
  });
});
