import { foldDiacritics, searchableWords } from '../../src/domain/text/fold';
import { cleanResidentText, decodeOriginal, encodeOriginal, looksLikeFormula, splitIntoChunks } from '../../src/domain/text/sanitize';

describe('foldDiacritics', () => {
  it('folds every Vietnamese vowel and đ, in both cases', () => {
    expect(foldDiacritics('ĐƯỜNG HỎNG')).toBe('duong hong');
    expect(foldDiacritics('đường hỏng')).toBe('duong hong');
    expect(foldDiacritics('Ắ Ằ Ẳ Ẵ Ặ ấ ầ ẩ ẫ ậ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự ý ỳ ỷ ỹ ỵ')).toBe(
      'a a a a a a a a a a e e e e e o o o o o o o o o o u u u u u y y y y y',
    );
  });

  it('treats precomposed and combining forms alike', () => {
    expect(foldDiacritics('Hòa')).toBe(foldDiacritics('Ho\u0300a'));
  });

  it('reduces to padded whole words for phrase matching', () => {
    expect(searchableWords('  Đường   hỏng, ngập!! ')).toBe(' duong hong ngap ');
  });
});

describe('cleanResidentText', () => {
  it('leaves ordinary text alone and keeps no copy', () => {
    expect(cleanResidentText('Đèn đường hỏng\nở ngõ 5')).toEqual({ text: 'Đèn đường hỏng\nở ngõ 5', removed: 0, original: null });
  });

  it('removes bidi overrides, zero-width and control characters, keeping the original recoverable', () => {
    const input = 'Số tiền: 100\u202E000\u202C đồng\u200B\u0007';
    const clean = cleanResidentText(input);
    expect(clean.text).toBe('Số tiền: 100000 đồng');
    expect(clean.removed).toBe(4);
    expect(clean.original).toBe('Số tiền: 100\\u{202E}000\\u{202C} đồng\\u{200B}\\u{0007}');
    expect(decodeOriginal(clean.original!)).toBe(input);
  });

  it('unifies line endings without losing the original', () => {
    const clean = cleanResidentText('a\r\nb');
    expect(clean.text).toBe('a\nb');
    expect(decodeOriginal(clean.original!)).toBe('a\r\nb');
  });

  it('round-trips backslashes and astral characters', () => {
    const s = 'C:\\u{202E} \\\\ 😀\u2066';
    expect(decodeOriginal(encodeOriginal(s))).toBe(s);
  });
});

describe('looksLikeFormula', () => {
  it.each(['=1+1', '+84 912', '-5', '@SUM(A1)', '   =HYPERLINK("x")', '\u00a0=A1'])('flags %j', (s) => expect(looksLikeFormula(s)).toBe(true));
  it.each(['Xin chào', '1+1=2', 'a=b'])('does not flag %j', (s) => expect(looksLikeFormula(s)).toBe(false));
});

describe('splitIntoChunks', () => {
  it('splits long text into whole pieces that join back exactly', () => {
    const text = 'ab😀'.repeat(30_000);
    const chunks = splitIntoChunks(text, 50_000);
    expect(chunks.every((c) => c.length <= 50_000)).toBe(true);
    expect(chunks.join('')).toBe(text);
    expect(chunks.every((c) => !/[\ud800-\udbff]$/.test(c))).toBe(true);
  });
});
