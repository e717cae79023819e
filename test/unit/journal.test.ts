/**
 * domain/journal: a submission's identity is a key made of its second and a hash of its answers,
 * never a row number. shortHash is checked against the published FNV-1a 32-bit test vectors
 * (http://www.isthe.com/chongo/tech/comp/fnv/ — "" → 811c9dc5, "a" → e40c292c, "foobar" →
 * bf9cf968), written in base 36 here with Number#toString, not with the code under test.
 */
import { advanceJournal, EMPTY_JOURNAL, FILED_KEEP_MS, followUpKey, keyAmong, keysFor, keyTime, notePrint, parseJournal, responseKey, rowPrint, shortHash, type KeyParts } from '../../src/domain/journal';

const b36 = (n: number) => n.toString(36).padStart(7, '0');
const parts = (patch: Partial<KeyParts> = {}): KeyParts => ({ timestamp: new Date('2026-11-24T02:00:00.000Z'), group: 'Tổ dân phố 5', content: 'Rác ngõ 7', name: 'Nguyễn Thị Lan', email: 'lan@gmail.com', ...patch });
const SECOND = 1_795_485_600; // 2026-11-24T02:00:00Z

describe('shortHash: FNV-1a, 32 bits, 7 base-36 characters', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('%j → %d', (text, fnv) => {
    expect(shortHash(text)).toBe(b36(fnv));
    expect(shortHash(text)).toHaveLength(7);
  });
});

describe('responseKey', () => {
  it('"F" + the response\'s second + "-" + the hash of its answers\' letters, without diacritics', () => {
    expect(SECOND * 1000).toBe(Date.UTC(2026, 10, 24, 2));
    expect(responseKey(parts())).toBe(`F${SECOND}-${shortHash('todanpho|racngo|nguyenthilan|langmailcom')}`);
  });

  it('does not change with what a sheet cell does to an answer: milliseconds, digits, spaces, case, diacritics', () => {
    const key = responseKey(parts());
    expect(responseKey(parts({ timestamp: new Date('2026-11-24T02:00:00.999Z') }))).toBe(key);
    expect(responseKey(parts({ group: 'TO DAN PHO 5 ' }))).toBe(key);
    expect(responseKey(parts({ content: '  rac ngo 7' }))).toBe(key);
    expect(responseKey(parts({ content: 'Rác ngõ 0007' }))).toBe(key);
  });

  it('changes with the second and with the words of any answer', () => {
    const key = responseKey(parts());
    expect(responseKey(parts({ timestamp: new Date('2026-11-24T02:00:01.000Z') }))).not.toBe(key);
    expect(responseKey(parts({ content: 'Rác ngõ 9 tràn' }))).not.toBe(key);
    expect(responseKey(parts({ name: 'Trần Văn Bảo' }))).not.toBe(key);
    expect(responseKey(parts({ email: 'bao@gmail.com' }))).not.toBe(key);
    expect(responseKey(parts({ group: 'Tổ dân phố năm' }))).not.toBe(key);
  });

  it('a long answer cut at 50,000 characters by a cell has the same key as the whole one (only the first 2,000 count)', () => {
    const long = 'chữ '.repeat(20_000);
    expect(responseKey(parts({ content: long }))).toBe(responseKey(parts({ content: long.slice(0, 50_000) })));
  });
});

describe('keyTime', () => {
  it.each([
    [`F${SECOND}-abc1234`, SECOND * 1000],
    [`S${SECOND}-abc1234`, SECOND * 1000],
    [`P${SECOND}-abc1234~2`, SECOND * 1000],
    ['NV:canbo@luukiem.example', null],
    ['R12', null],
    ['', null],
    [`f${SECOND}-abc`, null],
  ])('%s → %s', (key, time) => {
    expect(keyTime(key)).toBe(time);
  });
});

describe('keysFor: identical responses of one second (a double tap) get ~2, ~3 in order', () => {
  it('numbers only the repeats, and only of the same key', () => {
    const a = parts();
    const b = parts({ content: 'Khác' });
    const [ka, kb] = [responseKey(a), responseKey(b)];
    expect(keysFor([a, b, a, a, b])).toEqual([ka, kb, `${ka}~2`, `${ka}~3`, `${kb}~2`]);
    expect(keysFor([])).toEqual([]);
  });
});

describe('the journal state', () => {
  it('parseJournal: junk → empty; values copied, not shared', () => {
    for (const junk of [null, undefined, 42, 'x', { since: 'soon' }]) expect(parseJournal(junk)).toEqual(EMPTY_JOURNAL);
    const raw = { since: 5, filed: { k: 'GY-2026-00001' }, pending: { p: 'GY-2026-00002' } };
    const j = parseJournal(raw);
    expect(j).toEqual(raw);
    j.filed.x = 'y';
    expect(raw.filed).toEqual({ k: 'GY-2026-00001' });
  });

  it('advanceJournal: the watermark only moves forward; filed keys older than a day behind it are forgotten; pending kept', () => {
    expect(FILED_KEEP_MS).toBe(86_400_000);
    const t = SECOND * 1000;
    const key = (ms: number) => `F${Math.floor(ms / 1000)}-abc1234`;
    const j = {
      since: t,
      filed: { [key(t - 86_400_000 - 1000)]: 'GY-1', [key(t - 86_400_000)]: 'GY-2', [key(t + 5000)]: 'GY-3', 'NV:legacy': 'GY-4' },
      pending: { [key(t - 10 * 86_400_000)]: 'GY-5' },
    };
    const next = advanceJournal(j, t - 3_600_000);
    expect(next.since).toBe(t);
    expect(Object.values(next.filed).sort()).toEqual(['GY-2', 'GY-3', 'GY-4']);
    expect(next.pending).toEqual(j.pending);
    const later = advanceJournal(j, t + 86_400_000 + 5000);
    expect(later.since).toBe(t + 86_400_000 + 5000);
    expect(Object.values(later.filed).sort()).toEqual(['GY-3', 'GY-4']);
  });
});

describe('followUpKey', () => {
  // 1795485607 = date -u -d 2026-11-24T02:00:07Z +%s
  it('names a follow-up by the second its case last changed, the code and the version, and keyTime reads that second back', () => {
    const at = new Date('2026-11-24T02:00:07.900Z');
    expect(followUpKey(at, 'GY-2026-00012', 5)).toBe('P1795485607-GY-2026-00012-v5');
    expect(keyTime(followUpKey(at, 'GY-2026-00012', 5))).toBe(1795485607000);
  });
});

describe('responses of the same second that share a key', () => {
  const base = 'F1764000000-0abc123';
  it('the first takes the key, the next "~2", a repeat its own again', () => {
    const j = parseJournal({});
    expect(keyAmong(j, base, 'pA')).toBe(base);
    j.filed[base] = 'GY-2026-00001';
    notePrint(j, base, 'pA');
    expect(keyAmong(j, base, 'pA')).toBe(base);
    expect(keyAmong(j, base, 'pB')).toBe(`${base}~2`);
    notePrint(j, `${base}~2`, 'pB');
    expect([keyAmong(j, base, 'pB'), keyAmong(j, base, 'pC')]).toEqual([`${base}~2`, `${base}~3`]);
    expect(parseJournal(JSON.parse(JSON.stringify(j))).prints).toEqual({ [base]: ['pA', 'pB'] });
  });
  it('a key filed without fingerprints (reconcile, older journals) is taken as the response itself', () => {
    const j = parseJournal({ filed: { [base]: 'GY-2026-00001' } });
    expect(keyAmong(j, base, 'anything')).toBe(base);
  });
  it('fingerprints are forgotten with the keys behind the watermark', () => {
    const j = parseJournal({ filed: { [base]: 'GY-2026-00001' }, prints: { [base]: ['pA'] } });
    expect(advanceJournal(j, 1764000000_000 + 2 * FILED_KEEP_MS).prints).toEqual({});
    expect(advanceJournal(j, 1764000000_000).prints).toEqual({ [base]: ['pA'] });
  });
  it('reconcile numbers them as intake did: a filed row keeps its number, the others take what is left in order', () => {
    const same = [parts(), parts(), parts()].map((p, i) => ({ ...p, print: rowPrint(i + 2) }));
    const key = responseKey(parts());
    // Intake filed row 4 first, then row 2: row 3 (unfiled) gets the next number.
    expect(keysFor(same, { [key]: [rowPrint(4), rowPrint(2)] })).toEqual([`${key}~2`, `${key}~3`, key]);
    expect(keysFor(same)).toEqual([key, `${key}~2`, `${key}~3`]);
    expect(rowPrint(7)).not.toBe(rowPrint(8));
  });
});
