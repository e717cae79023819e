/** Issue 10: lookup keys, the attempt gate, the public board's anonymity. */
import { STATUS, OUTCOME } from '../../src/domain/case';
import { buildBoard, type BoardCase } from '../../src/domain/board';
import { constantTimeEqual, formatKey, gate, KEY_ALPHABET, keyFromBytes, normalizeCode, normalizeKey } from '../../src/domain/lookup';
import { OTHER_GROUPS } from '../../src/domain/publication';

describe('lookup keys', () => {
  it('8 characters from an alphabet without look-alikes, printed in two groups of 4', () => {
    const key = keyFromBytes([0, 1, 2, 30, 31, 255, -1, -128]);
    expect(key).toHaveLength(8);
    expect([...key].every((ch) => KEY_ALPHABET.includes(ch))).toBe(true);
    expect(KEY_ALPHABET).not.toMatch(/[01OIL]/);
    expect(formatKey('K7M2QX9P')).toBe('K7M2-QX9P');
  });

  it('what residents type is forgiven: case, spaces, dashes; codes in any spacing', () => {
    expect(normalizeKey(' k7m2 - qx9p ')).toBe('K7M2QX9P');
    expect(normalizeCode('gy 2026 00012')).toBe('GY-2026-00012');
    expect(normalizeCode('GY-2026-00012')).toBe('GY-2026-00012');
    expect(normalizeCode('GY-2026-12')).toBe('');
    expect(normalizeCode("' OR 1=1 --")).toBe('');
  });

  it('compares whole strings', () => {
    expect(constantTimeEqual('K7M2QX9P', 'K7M2QX9P')).toBe(true);
    expect(constantTimeEqual('K7M2QX9P', 'K7M2QX9Q')).toBe(false);
    expect(constantTimeEqual('K7M2QX9P', 'K7M2QX9')).toBe(false);
    expect(constantTimeEqual('', 'A')).toBe(false);
  });
});

describe('the attempt gate', () => {
  const t0 = Date.UTC(2026, 10, 24, 3);
  it('free up to 5 wrong keys, then 1, 2, 4 … minutes between tries, locked for a day at 50', () => {
    expect(gate(4, t0, t0)).toEqual({ allowed: true });
    expect(gate(5, t0, t0)).toEqual({ allowed: false, reason: 'wait', minutes: 1 });
    expect(gate(5, t0, t0 + 60_000)).toEqual({ allowed: true });
    expect(gate(7, t0, t0 + 60_000)).toEqual({ allowed: false, reason: 'wait', minutes: 3 });
    expect(gate(20, t0, t0 + 30 * 60_000)).toEqual({ allowed: false, reason: 'wait', minutes: 30 });
    expect(gate(50, t0, t0 + 23 * 3_600_000)).toEqual({ allowed: false, reason: 'locked' });
    expect(gate(50, t0, t0 + 25 * 3_600_000)).toEqual({ allowed: true });
  });
});

describe('the public board', () => {
  const at = (iso: string) => new Date(`${iso}T02:00:00Z`);
  const bc = (code: string, group: string, category: string, patch: Partial<BoardCase> = {}): BoardCase => ({
    code, receivedAt: at('2026-11-05'), group, category, status: STATUS.inProgress, outcome: '', dueDate: at('2026-11-14'), answerSentAt: '', closedAt: '', answerPublic: false, publicSummary: '', answer: '', approvedBy: '', confidential: false, hiddenFromPublic: false, ...patch,
  });
  const cases = [
    bc('GY-2026-00001', 'Tổ dân phố 1', 'Môi trường', { answerPublic: true, publicSummary: 'Rác ngõ 7, gọi 0912345678', answer: 'Đã thu gom.', answerSentAt: at('2026-11-06'), status: STATUS.answered }),
    bc('GY-2026-00002', 'Tổ dân phố 1', 'Môi trường'),
    bc('GY-2026-00003', 'Tổ dân phố 1', 'Môi trường', { confidential: true, answerPublic: true, publicSummary: 'Chuyện riêng', answer: 'x', answerSentAt: at('2026-11-07') }),
    bc('GY-2026-00004', 'Tổ dân phố 1', 'An ninh, trật tự'),
    bc('GY-2026-00005', 'Tổ dân phố 1', 'Môi trường', { status: STATUS.closed, outcome: OUTCOME.misuse, hiddenFromPublic: true }),
    bc('GY-2026-00006', 'Tổ dân phố 1', 'Môi trường', { receivedAt: at('2026-10-30') }),
  ];

  it('a group\'s month: its cases in cells of 3 or more; approved texts scrubbed; confidential without text; misuse never', () => {
    const b = buildBoard(cases, { year: 2026, month: 11 }, 'Tổ dân phố 1');
    expect(b.rows.map((r) => r.code)).toEqual(['GY-2026-00001', 'GY-2026-00002', 'GY-2026-00003']);
    expect(b.rows[0]).toMatchObject({ summary: 'Rác ngõ 7, gọi [đã ẩn]', answer: 'Đã thu gom.', dueOn: '14/11/2026', status: STATUS.answered });
    expect(b.rows[2]).toMatchObject({ summary: '', answer: '' });
    expect(JSON.stringify(b)).not.toContain('GY-2026-00005');
  });

  it('a lone case of a category in a group is shown under "Các tổ dân phố khác", never under its group', () => {
    expect(buildBoard(cases, { year: 2026, month: 11 }, OTHER_GROUPS).rows.map((r) => r.code)).toEqual(['GY-2026-00004']);
  });
});
