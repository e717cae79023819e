import { checkEmail, checkPhone } from '../../src/domain/contact';
import { compileRules, parseKeywordList, suggestCategory } from '../../src/domain/classify';
import { allocateCodes, formatCaseCode, parseCaseCode } from '../../src/domain/case-code';

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
