/**
 * domain/text/scrub (and publication's publishedText over it): every Vietnamese mobile number is
 * hidden from what is published and from what a handling body reads, however its digit groups
 * are separated. The 08x numbers (Vinaphone 081–085, 088; Mobifone 089; Gmobile/others 086–087)
 * are as common as the 09x ones and must go the same way: written without separators they are
 * also caught by the "9 digits or more" rule, so only separated forms show whether the phone rule
 * itself knows them.
 */
import { publishedText } from '../../src/domain/publication';
import { HIDDEN_MARK as H, maskContactDetails, scrubPublicText } from '../../src/domain/text/scrub';

/** How people write a mobile number: groups of 4-3-3 or 3-3-4, spaces, dots, dashes, spaced dashes. */
function spellings(d: string): string[] {
  const [a, b, c] = [d.slice(0, 4), d.slice(4, 7), d.slice(7)];
  const [x, y, z] = [d.slice(0, 3), d.slice(3, 6), d.slice(6)];
  return [`${a} - ${b} - ${c}`, `${a}.${b}.${c}`, `${a} ${b} ${c}`, `${a}-${b}-${c}`, `${x} ${y} ${z}`, `${x}.${y}.${z}`, `(${a}) ${b} ${c}`, d];
}

describe('mobile numbers beginning 08, written with separators', () => {
  const mobiles08 = ['0812345678', '0823456789', '0834567890', '0845123456', '0856789012', '0862345678', '0878901234', '0887654321', '0898765432'];

  it.each(spellings('0812345678'))('"%s" is hidden from published text', (phone) => {
    expect(scrubPublicText(`Có gì gọi ${phone} cho tôi.`)).toBe(`Có gì gọi ${H} cho tôi.`);
  });

  it.each(spellings('0812345678'))('"%s" is hidden from what a handling body reads', (phone) => {
    expect(maskContactDetails(`Có gì gọi ${phone} cho tôi.`)).toBe(`Có gì gọi ${H} cho tôi.`);
  });

  it('every 08x prefix, in every spelling, leaves no digit behind', () => {
    for (const m of mobiles08) {
      for (const phone of spellings(m)) {
        const out = scrubPublicText(`Nhà bên: ${phone}, gọi sau 17h`);
        expect([phone, out]).toEqual([phone, `Nhà bên: ${H}, gọi sau 17h`]);
      }
    }
  });

  it('with the country code in front: +84 812 345 678, 84-812-345-678, (+84) 812.345.678', () => {
    for (const phone of ['+84 812 345 678', '+84812345678', '84 812 345 678', '(+84) 812.345.678', '0084 812 345 678', '+84 (0) 812 345 678']) {
      expect([phone, scrubPublicText(`Gọi ${phone} nhé`)]).toEqual([phone, `Gọi ${H} nhé`]);
    }
  });

  it('the published answer (publishedText) hides it as well as the submitter\'s name', () => {
    expect(publishedText('Ông Trần Văn Bảo (0812 - 345 - 678) đã được hướng dẫn.', 'Trần Văn Bảo')).toBe(`Ông ${H} (${H}) đã được hướng dẫn.`);
  });

  it('the same spellings of a 09x number go too (the rule is one for all mobiles)', () => {
    for (const phone of spellings('0912345678')) expect(scrubPublicText(`Gọi ${phone} nhé`)).toBe(`Gọi ${H} nhé`);
  });
});
