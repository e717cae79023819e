/**
 * Issue 21: the category (and complex-case, handling-body) suggestions that learn from the ward's
 * own decisions — features, the keyword seed, corrections moving counts, silence below the
 * threshold, and why.
 */
import { featuresOf, PAIR, wordsOf } from '../../src/domain/suggest/features';
import { assignCorrection, classifyCorrections, countsFor, suggestCategoryOf, suggestForCase, teach, LEARNED_AT_LEAST } from '../../src/domain/suggest/for-case';
import { applyCorrection, emptyCounts, seedFromRules, SEED_WEIGHT } from '../../src/domain/suggest/model';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';

const rules = DEFAULT_SETTINGS.categories;
const categories = rules.map((c) => c.category);
const bodies = DEFAULT_SETTINGS.bodies.map((b) => b.name);

describe('features: folded syllables and their pairs', () => {
  it('reads "ĐƯỜNG HỎNG", "đường hỏng" and "duong hong" alike, with the pair', () => {
    for (const t of ['ĐƯỜNG HỎNG', 'đường hỏng', 'duong hong']) expect(featuresOf(t).sort()).toEqual(['duong', `duong${PAIR}hong`, 'hong'].sort());
  });
  it('spells out what residents abbreviate, and drops bare numbers', () => {
    expect(wordsOf('ko đc sửa ngõ 12').folded).toEqual(['khong', 'duoc', 'sua', 'ngo']);
  });
  it('keeps each word as written beside its folded form', () => {
    expect(wordsOf('Rác BỐC MÙI').shown).toEqual(['rác', 'bốc', 'mùi']);
  });
  it('counts a feature once per text', () => {
    expect(featuresOf('rác rác rác').filter((f) => f === 'rac')).toHaveLength(1);
  });
});

describe('the seed: a fresh ward suggests what its keyword rules say', () => {
  it('gives each keyword feature SEED_WEIGHT pseudo-cases of its category', () => {
    const seed = seedFromRules([{ category: 'Môi trường', keywords: ['mùi hôi'] }, { category: 'Khác', keywords: [] }]);
    const env = seed.category.get('Môi trường')!;
    expect(env.features.get(`mui${PAIR}hoi`)).toBe(SEED_WEIGHT);
    expect(env.features.get('mui')).toBe(SEED_WEIGHT);
    expect(seed.category.get('Khác')!.features.size).toBe(0);
  });
  it('suggests the keyword rule\'s category for a text with its keywords', () => {
    const s = suggestCategoryOf(countsFor(rules, null), 'Đèn đường ngõ 5 hỏng, tối om', categories);
    expect(s?.top[0].label).toBe('Hạ tầng, giao thông');
  });
  it('says nothing about a text that shares no word with what it knows', () => {
    expect(suggestCategoryOf(countsFor(rules, null), 'Xin chào', categories)).toBeNull();
  });
  it('never suggests a category the settings no longer list', () => {
    const taught = teach(emptyCounts(), [{ kind: 'category', add: 'Đã bỏ', features: featuresOf('cột điện nghiêng') }]);
    const s = suggestCategoryOf(countsFor(rules, taught), 'cột điện nghiêng', categories);
    expect(s?.top.map((t) => t.label) ?? []).not.toContain('Đã bỏ');
  });
});

describe('a correction only moves counts', () => {
  it('adds the case under the label chosen and takes it from the one it had', () => {
    const counts = emptyCounts();
    const features = featuresOf('chó sủa cả đêm');
    applyCorrection(counts, { kind: 'category', add: 'An ninh, trật tự', features });
    expect(counts.category.get('An ninh, trật tự')!.docs).toBe(1);
    applyCorrection(counts, { kind: 'category', add: 'Đời sống khu dân cư', remove: 'An ninh, trật tự', features });
    expect(counts.category.get('An ninh, trật tự')!.docs).toBe(0);
    expect(counts.category.get('An ninh, trật tự')!.features.size).toBe(0);
    expect(counts.category.get('Đời sống khu dân cư')!.features.get('cho')).toBe(1);
  });
  it('turns a suggestion around once staff have taught it enough', () => {
    const text = 'Chó nhà bên sủa suốt đêm, mùi hôi';
    const before = suggestCategoryOf(countsFor(rules, null), text, categories);
    expect(before?.top[0].label).toBe('Môi trường');
    const taught = emptyCounts();
    for (const t of ['Chó nhà hàng xóm sủa cả đêm', 'chó sủa ầm ĩ suốt đêm không ngủ được', 'Nhà bên nuôi chó sủa, phân chó']) teach(taught, classifyCorrections(t, { category: '', complexity: '' }, { category: 'Đời sống khu dân cư', complexity: 'normal' }));
    expect(suggestCategoryOf(countsFor(rules, taught), text, categories)?.top[0].label).toBe('Đời sống khu dân cư');
  });
  it('classifying again with the same category teaches nothing more', () => {
    const same = classifyCorrections('rác', { category: 'Môi trường', complexity: 'normal' }, { category: 'Môi trường', complexity: 'normal' });
    expect(same).toEqual([]);
  });
  it('an assignment to the same body teaches nothing; to another moves it', () => {
    expect(assignCorrection('rác', 'Môi trường', 'UBND phường', 'UBND phường')).toBeNull();
    expect(assignCorrection('rác', 'Môi trường', 'UBND phường', 'Công an phường')).toMatchObject({ kind: 'body', add: 'Công an phường', remove: 'UBND phường' });
  });
});

describe('suggests, never decides', () => {
  it('is silent below the threshold: two categories equally likely', () => {
    // "rác" (Môi trường) and "trộm" (An ninh, trật tự) weigh the same: neither reaches 40 %… of nine? Both tie.
    const s = suggestCategoryOf(countsFor([{ category: 'A', keywords: ['rác'] }, { category: 'B', keywords: ['trộm'] }, { category: 'C', keywords: ['mèo'] }], null), 'rác trộm', ['A', 'B', 'C']);
    expect(s === null || s.top[0].confidence < 0.5).toBe(true);
  });
  it('shows a second category when it is close, with confidences that add up to at most one', () => {
    const s = suggestCategoryOf(countsFor(rules, null), 'rác thải lấn chiếm vỉa hè', categories)!;
    expect(s.top.length).toBeGreaterThanOrEqual(1);
    expect(s.top.reduce((a, t) => a + t.confidence, 0)).toBeLessThanOrEqual(1.000001);
  });
  it('says why in the resident\'s own words: "rác", "bốc mùi"', () => {
    const taught = emptyCounts();
    for (const t of ['rác bốc mùi ở chợ', 'bãi rác bốc mùi hôi', 'mương bốc mùi']) teach(taught, classifyCorrections(t, { category: '', complexity: '' }, { category: 'Môi trường', complexity: 'normal' }));
    const s = suggestCategoryOf(countsFor(rules, taught), 'Rác đầu ngõ BỐC MÙI quá', categories)!;
    expect(s.top[0].label).toBe('Môi trường');
    expect(s.why).toEqual(expect.arrayContaining(['rác', 'bốc mùi']));
  });
  it('complexity and bodies: silent until staff have decided enough cases, then learned', () => {
    const text = 'Tranh chấp đất đai kéo dài nhiều năm, hòa giải không thành';
    expect(suggestForCase(countsFor(rules, null), text, 'Thủ tục hành chính', { categories, bodies })).toMatchObject({ complex: null, body: null });
    const taught = emptyCounts();
    for (let i = 0; i < LEARNED_AT_LEAST; i++) {
      const complex = i % 2 === 0;
      const t = complex ? `tranh chấp đất kéo dài nhiều năm lần ${i}` : `xin hỏi thủ tục chứng thực lần ${i}`;
      teach(taught, classifyCorrections(t, { category: '', complexity: '' }, { category: 'Thủ tục hành chính', complexity: complex ? 'complex' : 'normal' }));
      teach(taught, [assignCorrection(t, 'Thủ tục hành chính', '', 'UBND phường')!]);
    }
    const s = suggestForCase(countsFor(rules, taught), text, 'Thủ tục hành chính', { categories, bodies });
    expect(s.complex?.top[0].label).toBe('complex');
    expect(s.complex?.why.length).toBeGreaterThan(0);
    expect(s.body?.top[0].label).toBe('UBND phường');
  });
});
