import { checkEmail, checkPhone } from '../../src/domain/contact';
import { compileRules, parseKeywordList, suggestCategory } from '../../src/domain/classify';
import { allocateCodes, canonicalCode, formatCaseCode, formatPaperSlipCode, parseCaseCode, parsePaperSlipCode } from '../../src/domain/case-code';

describe('checkEmail', () => {
  it.each(['nguyen.van.a@gmail.com', 'a+tag@mttq.luukiem.gov.vn'])('accepts %s', (e) => expect(checkEmail(e).valid).toBe(true));
  it.each([
    'a@b',
    'nguyen van a@gmail.com',
    'a@gmail.com\r\nBcc: victim@x.com',
    'a@gmail.com,b@gmail.com',
    'a@gmail.com;b@x.com',
    'Tên <a@gmail.com>',
    '"a"@gmail.com',
    'a..b@gmail.com',
    `${'a'.repeat(65)}@gmail.com`,
  ])('refuses %j', (e) => expect(checkEmail(e).valid).toBe(false));
  it('keeps the value as typed and says when nothing was given', () => {
    expect(checkEmail('  x@y.vn ')).toEqual({ value: 'x@y.vn', given: true, valid: true });
    expect(checkEmail('')).toEqual({ value: '', given: false, valid: false });
  });
});

describe('checkPhone', () => {
  it.each(['0912345678', '091 234 5678', '0912.345.678', '+84 912 345 678', '84912345678', '024 3825 1234', '(024) 38251234'])('accepts %s', (p) =>
    expect(checkPhone(p).valid).toBe(true),
  );
  it.each(['12345', '0112345678', '+1 415 555 0100', '0912345678 hoặc 0987', '=1+1', '09123456789'])('refuses %j', (p) => expect(checkPhone(p).valid).toBe(false));
});

describe('suggestCategory', () => {
  const rules = compileRules([
    { category: 'Hạ tầng, giao thông', keywords: parseKeywordList('đường hỏng, ổ gà; đèn đường\ncống') },
    { category: 'Môi trường', keywords: ['rác', 'ô nhiễm', 'cống'] },
    { category: 'An ninh, trật tự', keywords: ['trộm', 'mất trộm'] },
  ]);

  it('matches regardless of diacritics and case', () => {
    for (const text of ['duong hong o ngo 5', 'Đường hỏng ở ngõ 5', 'ĐƯỜNG HỎNG Ở NGÕ 5']) {
      expect(suggestCategory(text, rules)).toEqual({ category: 'Hạ tầng, giao thông', matched: ['đường hỏng'] });
    }
  });

  it('matches whole words only', () => {
    expect(suggestCategory('Phòng họp ồn ào', compileRules([{ category: 'X', keywords: ['hong'] }])).category).toBeNull();
  });

  it('prefers the category with more matches, then the admin’s order', () => {
    expect(suggestCategory('Rác và ô nhiễm ở cống', rules).category).toBe('Môi trường');
    expect(suggestCategory('Cống bị tắc', rules).category).toBe('Hạ tầng, giao thông');
    expect(suggestCategory('Nhà tôi bị mất trộm', rules)).toEqual({ category: 'An ninh, trật tự', matched: ['trộm', 'mất trộm'] });
  });

  it('suggests nothing when nothing matches', () => {
    expect(suggestCategory('Cảm ơn cán bộ phường', rules)).toEqual({ category: null, matched: [] });
  });
});

describe('case codes', () => {
  it('formats and parses GY-YYYY-NNNNN', () => {
    expect(formatCaseCode(2026, 42)).toBe('GY-2026-00042');
    expect(formatCaseCode(2026, 123456)).toBe('GY-2026-123456');
    expect(parseCaseCode('gy-2026-00042')).toEqual({ year: 2026, sequence: 42 });
    expect(parseCaseCode('GY-26-1')).toBeNull();
    expect(() => formatCaseCode(2026, 0)).toThrow(RangeError);
  });

  it('never goes back: continues after the stored counter or the highest code seen, per year', () => {
    let state = {};
    let r = allocateCodes(state, 2026, 2);
    expect(r.codes).toEqual(['GY-2026-00001', 'GY-2026-00002']);
    state = r.state;
    r = allocateCodes(state, 2026, 1, 1); // a lower floor changes nothing
    expect(r.codes).toEqual(['GY-2026-00003']);
    r = allocateCodes(r.state, 2026, 1, 10); // the database holds up to 10: skip past it
    expect(r.codes).toEqual(['GY-2026-00011']);
    expect(allocateCodes(r.state, 2027, 1).codes).toEqual(['GY-2027-00001']);
  });
});

/**
 * Issue 16: one paper slip could be entered twice, as GY-2026-P00001 and GY-2026-P000001. Every
 * code has one canonical form — GY-YYYY-NNNNN, GY-YYYY-PNNNNN for a paper slip, the number padded
 * to at least 5 digits with any further leading zeros dropped — and every way in goes through it.
 */
describe('one canonical form for every code', () => {
  it('every spelling of a code gives the same code', () => {
    expect(canonicalCode('GY-2026-P000001')).toBe('GY-2026-P00001');
    expect(canonicalCode(' gy 2026 p 00001 ')).toBe('GY-2026-P00001');
    expect(canonicalCode('GY-2026-P0000000001')).toBe('GY-2026-P00001');
    expect(canonicalCode('GY-2026-000042')).toBe('GY-2026-00042');
    expect(canonicalCode('GY–2026–00042')).toBe('GY-2026-00042'); // a phone keyboard's en dash
    expect(canonicalCode('GY202600042')).toBe('GY-2026-00042');
    // Above 99,999 the number is simply longer (formatCaseCode pads to 5, never cuts).
    expect(canonicalCode(formatCaseCode(2026, 123456))).toBe('GY-2026-123456');
    expect(canonicalCode('GY-2026-0123456')).toBe('GY-2026-123456');
    expect(canonicalCode(formatPaperSlipCode(2026, 100000))).toBe('GY-2026-P100000');
  });

  it('what is not a code is none', () => {
    for (const bad of ['GY-2026-12', 'GY-2026-00000', 'GY-2026-P00000', 'XY-2026-00001', 'GY-26-00001', 'GY-0999-00001', 'GY-2026-P', 'GY-2026-00001x', 'GY-2026-00001-2', "' OR 1=1 --", '=IMPORTXML("x")', '', 'GY-2026-1234567890']) {
      expect([bad, canonicalCode(bad)]).toEqual([bad, '']);
    }
    for (const junk of [null, undefined, 42, { toString: 1 }, { toString: () => 'GY-2026-00001' }, ['GY-2026-00001']]) expect(canonicalCode(junk)).toBe('');
  });

  it('parsing agrees with it: a form code is never a slip code and the other way round', () => {
    expect(parseCaseCode('GY-2026-000042')).toEqual({ year: 2026, sequence: 42 });
    expect(parsePaperSlipCode('gy-2026-p000007')).toEqual({ year: 2026, sequence: 7 });
    expect(parseCaseCode('GY-2026-P00007')).toBeNull();
    expect(parsePaperSlipCode('GY-2026-00007')).toBeNull();
    for (let seq = 1; seq < 2_000_000; seq = seq * 3 + 1) {
      expect(canonicalCode(formatCaseCode(2026, seq))).toBe(formatCaseCode(2026, seq));
      expect(canonicalCode(formatPaperSlipCode(2026, seq))).toBe(formatPaperSlipCode(2026, seq));
    }
  });
});
