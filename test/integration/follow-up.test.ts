/**
 * Issue 18, item 8: a low rating (1–2) flags the case in the inbox, and the lookup page lets the
 * resident follow up — a new case, filed through the one filing pipeline, linked to the one it
 * follows. Authorised by the code and lookup key behind the lookup's gate; offered only after a
 * rating of 1–2 (a rating that says "not solved"; before it the page asks for one); one follow-up
 * per rating, so a retry, a second tap or other words find the one filed and change nothing; and,
 * like every write path, a failing service call at any step loses nothing and doubles nothing.
 */
import { PUBLIC } from '../../src/i18n/vi';
import { formAnswers, runHourly, tabRecords, wardFactory, type Ward } from '../support/ward';

type View = { code: string; row: number; version: number; status: string; linkedCases: string; history: Array<{ v: number; action: string; by: string; detail?: string }> };
interface PublicCase {
  code: string;
  status: string;
  rating: number | null;
  canRate: boolean;
  canFollowUp: boolean;
  followUp: { code: string; key: string } | null;
}

const CODE = 'GY-2026-00001';
const WORDS = 'Rác ngõ 7 vẫn chưa được thu gom, đã một tuần nay.';

/** A case answered by e-mail, not yet rated; the resident holds the key from the acknowledgement. */
function answer(w: Ward): void {
  w.ws.forms.submit(w.formId, formAnswers({ group: 'Tổ dân phố 4', content: 'Rác ngõ 7 chưa thu gom', location: 'Ngõ 7', name: 'Nguyễn Thị Lan', email: 'lan@gmail.com', phone: '0912345678' }));
  const act = (input: Record<string, unknown>) => {
    const v = w.app.call('getCase', CODE) as View;
    w.app.call('caseAction', v.code, v.row, v.version, input);
  };
  act({ action: 'classify', category: 'Môi trường', complexity: 'normal' });
  act({ action: 'answer', text: 'Đã thu gom rác ngõ 7.' });
  act({ action: 'sendAnswer' });
  runHourly(w);
}
const answered = wardFactory(answer);

function keyOf(w: Ward): string {
  const ack = w.ws.mail.outbox().find((m) => m.subject.includes('Đã tiếp nhận'))!;
  return /Mã tra cứu: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(ack.body)![1];
}

const rated = (stars: number) => {
  const w = answered();
  w.ws.webapp.run('ratePublicAnswer', [CODE, keyOf(w), stars, ''], { user: '' });
  return w;
};

const followUp = (w: Ward, words = WORDS, key = keyOf(w)) => w.ws.webapp.run('followUpPublicCase', [CODE, key, words], { user: '' }) as PublicCase;
const caseRow = (w: Ward, code: string) => tabRecords(w, 'Ý kiến').find((r) => r['Mã ý kiến'] === code)!;

describe('a low rating flags the case in the inbox', () => {
  it('rated 1: counted and marked "Người dân chưa hài lòng"; rated 4: not', () => {
    const low = rated(1);
    const inbox = low.app.call('getInbox', { status: 'lowRating' }) as { counters: { lowRating: number }; items: Array<{ code: string; lowRating: boolean; rating: number }> };
    expect(inbox.counters.lowRating).toBe(1);
    expect(inbox.items).toEqual([expect.objectContaining({ code: CODE, lowRating: true, rating: 1 })]);
    const fine = rated(4);
    expect((fine.app.call('getInbox', {}) as { counters: { lowRating: number } }).counters.lowRating).toBe(0);
  });
});

describe('the resident follows up from the lookup page after a rating of 1–2', () => {
  it('the rating\'s reply offers it; the follow-up is a new case of the same group, category and place, linked both ways, with its own code and key', () => {
    const w = answered();
    const afterRating = w.ws.webapp.run('ratePublicAnswer', [CODE, keyOf(w), 2, ''], { user: '' }) as PublicCase;
    expect(afterRating).toMatchObject({ rating: 2, canRate: false, canFollowUp: true, followUp: null });
    const mails = w.ws.mail.outbox().length;

    const r = followUp(w);
    expect(r).toMatchObject({ code: CODE, canFollowUp: false, followUp: { code: 'GY-2026-00002', key: expect.stringMatching(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/) } });
    const fresh = caseRow(w, 'GY-2026-00002');
    expect(fresh).toMatchObject({ 'Kênh tiếp nhận': 'Trang tra cứu', 'Tổ dân phố': 'Tổ dân phố 4', 'Lĩnh vực gợi ý': 'Môi trường', 'Địa điểm': 'Ngõ 7', 'Nội dung': WORDS, 'Ý kiến liên quan': CODE, 'Trạng thái': 'Mới tiếp nhận' });
    const original = w.app.call('getCase', CODE) as View;
    expect(original.linkedCases).toBe('GY-2026-00002');
    expect(original.history.at(-1)).toMatchObject({ action: PUBLIC.followUpAction, by: PUBLIC.resident, detail: PUBLIC.followUpDetail('GY-2026-00002') });
    expect(tabRecords(w, 'Nhật ký').slice(-2).map((a) => [a['Hành động'], a['Mã ý kiến'], a['Người thực hiện']])).toEqual([
      ['Tiếp nhận', 'GY-2026-00002', PUBLIC.resident],
      [PUBLIC.followUpAction, CODE, PUBLIC.resident],
    ]);
    // No acknowledgement e-mail: the page is where the resident reads the new code and key, and the key works.
    expect(w.ws.mail.outbox()).toHaveLength(mails);
    expect(w.ws.webapp.run('lookupPublicCase', [r.followUp!.code, r.followUp!.key], { user: '' })).toMatchObject({ code: 'GY-2026-00002', status: 'Mới tiếp nhận' });
    // Looking the first case up again shows the follow-up instead of the form.
    expect(w.ws.webapp.run('lookupPublicCase', [CODE, keyOf(w)], { user: '' })).toMatchObject({ canFollowUp: false, followUp: r.followUp });
    // Its key is derived, never stored: in no tab, property or log.
    const props = (w.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties()!.getProperties();
    const everything = JSON.stringify([w.ws.spreadsheets.view(w.ssId), props, w.ws.logs()]);
    for (const k of [r.followUp!.key, r.followUp!.key.replace('-', '')]) expect(everything).not.toContain(k);
  });

  it('once per rating: a retry, a second tap or other words return the one filed and change nothing', () => {
    const w = rated(1);
    const first = followUp(w);
    const before = JSON.stringify([tabRecords(w, 'Ý kiến'), tabRecords(w, 'Nhật ký')]);
    expect(followUp(w)).toEqual(first);
    expect(followUp(w, 'Một nội dung khác')).toEqual(first);
    expect(JSON.stringify([tabRecords(w, 'Ý kiến'), tabRecords(w, 'Nhật ký')])).toBe(before);
  });

  it('is refused, changing nothing, without a rating of 1–2, without words, with too many, or with a wrong or voided key', () => {
    const notRated = answered();
    expect(() => followUp(notRated)).toThrow(PUBLIC.followUpNotOffered);
    expect(notRated.ws.webapp.run('lookupPublicCase', [CODE, keyOf(notRated)], { user: '' })).toMatchObject({ canRate: true, canFollowUp: false });
    const satisfied = rated(3);
    expect(() => followUp(satisfied)).toThrow(PUBLIC.followUpNotOffered);
    const w = rated(1);
    const before = JSON.stringify(tabRecords(w, 'Ý kiến'));
    expect(() => followUp(w, '  \u200b ')).toThrow(PUBLIC.followUpEmpty);
    expect(() => followUp(w, 'x'.repeat(5001))).toThrow(PUBLIC.followUpTooLong(5000));
    expect(() => followUp(w, 'x'.repeat(20_000))).toThrow(PUBLIC.followUpTooLong(5000));
    expect(() => followUp(w, WORDS, 'AAAA-AAAA')).toThrow(PUBLIC.wrong);
    const old = keyOf(w);
    w.app.call('issueCaseLookupKey', CODE);
    const afterIssue = JSON.stringify(tabRecords(w, 'Ý kiến'));
    expect(() => followUp(w, WORDS, old)).toThrow(PUBLIC.wrong);
    expect(JSON.stringify(tabRecords(w, 'Ý kiến'))).toBe(afterIssue);
    expect(tabRecords(w, 'Ý kiến')).toHaveLength(JSON.parse(before).length);
  });

  it('behind the lookup\'s gate: after 5 wrong keys the right one waits too', () => {
    const w = rated(1);
    for (let i = 0; i < 5; i++) expect(() => followUp(w, WORDS, 'AAAA-AAAA')).toThrow(PUBLIC.wrong);
    expect(() => followUp(w)).toThrow(PUBLIC.wait(1));
    expect(tabRecords(w, 'Ý kiến')).toHaveLength(1);
  });
});

describe('a failing service call at any step of the follow-up', () => {
  it('loses nothing and doubles nothing: the retry completes it — one new case, linked once, one audit row each', () => {
    const fresh = wardFactory((w) => {
      answer(w);
      w.ws.webapp.run('ratePublicAnswer', [CODE, keyOf(w), 1, ''], { user: '' });
    });
    const clean = fresh();
    const v0 = (clean.app.call('getCase', CODE) as View).version;
    clean.ws.faults.failNthCall(1_000_000);
    followUp(clean);
    const total = clean.ws.faults.sweepState().calls;
    expect(total).toBeGreaterThan(10);
    for (let k = 1; k <= total; k++) {
      const w = fresh();
      const key = keyOf(w);
      w.ws.faults.failNthCall(k);
      try {
        followUp(w, WORDS, key);
      } catch {
        // the resident sees a message and sends again
      }
      w.ws.faults.failNthCall(0);
      const r = followUp(w, WORDS, key);
      runHourly(w);
      const where = `call ${k}`;
      const cases = tabRecords(w, 'Ý kiến');
      expect([where, cases.map((c) => [c['Mã ý kiến'], c['Ý kiến liên quan']])]).toEqual([where, [[CODE, 'GY-2026-00002'], ['GY-2026-00002', CODE]]]);
      expect([where, r.followUp?.code]).toEqual([where, 'GY-2026-00002']);
      const v = w.app.call('getCase', CODE) as View;
      expect([where, v.version, v.history.filter((e) => e.action === PUBLIC.followUpAction).length]).toEqual([where, v0 + 1, 1]);
      const audit = tabRecords(w, 'Nhật ký');
      expect([where, audit.filter((a) => a['Hành động'] === PUBLIC.followUpAction).length, audit.filter((a) => a['Hành động'] === 'Tiếp nhận' && a['Mã ý kiến'] === 'GY-2026-00002').length]).toEqual([where, 1, 1]);
    }
  });
});
