/**
 * Issue 8.2/8.3 — the reply e-mail and letter say each part once, whatever the answer's template
 * holds; residents are addressed one way ("ông/bà"); phone numbers on the form are checked the
 * way the server checks them; the confirmation page tells a resident without e-mail what to do.
 */
import { checkPhone, PHONE_PATTERN } from '../../src/domain/contact';
import { answerSubstance, replyEmail, replyParts, salutation, type ReplyFacts } from '../../src/domain/reply';
import { contactText, DEFAULT_ANSWER_TEMPLATE, DEFAULT_SETTINGS, fillTemplate, parseSettings, unfilledBlank } from '../../src/domain/settings';
import * as vi from '../../src/i18n/vi';
import { formTexts } from '../../src/services/intake/form-builder';
import { addressed } from '../../src/services/platform/outbox';

const committee = 'Ủy ban MTTQ Việt Nam phường Lưu Kiếm';
/** The template earlier versions shipped (and wards may still have in "Mẫu trả lời"). */
const OLD_TEMPLATE = 'Kính gửi ông/bà,\n\nVề ý kiến {{ma}} thuộc lĩnh vực {{linh_vuc}}, {{uy_ban}} đã tiếp nhận, phối hợp với cơ quan có thẩm quyền xem xét và trả lời như sau:\n\n…\n\nTrân trọng cảm ơn ông/bà đã đóng góp ý kiến.';
const SUBSTANCE = 'Ngày 20/11/2026, UBND phường đã cho thu gom rác tại ngõ 7 và đặt thêm 2 thùng rác.\nCảm ơn tổ dân phố đã phối hợp giữ vệ sinh chung.';

function facts(answer: string, residentName = ''): ReplyFacts {
  return { code: 'GY-2026-00012', residentName, receivedOn: '12/11/2026', category: 'Môi trường', committee, contactLine: contactText({ ...DEFAULT_SETTINGS, phone: '024 3825 1234' }), answer };
}

/** A clerk starts from the template and writes the substance where the blank was. */
function written(template: string): string {
  return fillTemplate(template, { code: 'GY-2026-00012', category: 'Môi trường', committee }).replace(/…/g, SUBSTANCE).replace('Cơ quan giải quyết: ' + SUBSTANCE, 'Cơ quan giải quyết: UBND phường');
}

const count = (text: string, re: RegExp) => (text.match(new RegExp(re.source, `gi${re.flags.replace(/[gi]/g, '')}`)) ?? []).length;

describe.each([
  ['the default template', DEFAULT_ANSWER_TEMPLATE],
  ['the template earlier versions shipped (greeting, opening and thanks inside)', OLD_TEMPLATE],
])('composing %s into an e-mail and a letter', (_name, template) => {
  const answer = written(template);

  it('the e-mail has one salutation, one opening, the substance once, one thanks, one sign-off', () => {
    const mail = replyEmail(facts(answer));
    expect(count(mail, /kính gửi/)).toBe(1);
    expect(count(mail, /như sau:/)).toBe(1);
    expect(count(mail, /trân trọng cảm ơn/)).toBe(1);
    expect(count(mail, /^Trân trọng,$/m)).toBe(1);
    expect(count(mail, /ngõ 7 và đặt thêm 2 thùng rác/)).toBe(1);
    expect(mail.split('\n')[0]).toBe('Kính gửi: Ông/Bà người gửi ý kiến mã GY-2026-00012');
    // The substance keeps its own "cảm ơn" line (it thanks the group, not the resident).
    expect(mail).toContain('Cảm ơn tổ dân phố đã phối hợp giữ vệ sinh chung.');
  });

  it('the letter\'s parts (salutation, opening, answer, thanks) each appear once', () => {
    const p = replyParts(facts(answer, 'Nguyễn Thị Lan'));
    const letter = [p.salutation, p.opening, p.body, p.thanks].join('\n');
    expect(count(letter, /kính gửi/)).toBe(1);
    expect(count(letter, /như sau:/)).toBe(1);
    expect(count(letter, /trân trọng cảm ơn/)).toBe(1);
    expect(p.salutation).toBe('Kính gửi: Ông/Bà Nguyễn Thị Lan (người gửi ý kiến mã GY-2026-00012)');
    expect(p.opening).toBe(`Ngày 12/11/2026, ${committee} nhận được ý kiến của ông/bà về lĩnh vực Môi trường và xin trả lời như sau:`);
  });
});

describe('answerSubstance', () => {
  it('leaves an answer without frame lines exactly as written', () => {
    expect(answerSubstance(SUBSTANCE, committee)).toBe(SUBSTANCE);
  });

  it('takes off greetings, a "như sau:" opening, thanks, sign-offs and the committee\'s name — at the edges only', () => {
    const framed = `Kính thưa ông/bà,\n\nVề ý kiến của ông/bà, Ủy ban xin trả lời như sau:\n${SUBSTANCE}\n\nXin trân trọng cảm ơn sự quan tâm của ông/bà.\nTrân trọng,\n${committee}`;
    expect(answerSubstance(framed, committee)).toBe(SUBSTANCE);
  });

  it('keeps a long first paragraph that happens to end in "như sau:" when it is the answer itself', () => {
    const long = `${'Ủy ban đã kiểm tra hiện trường nhiều lần trong tháng, làm việc với các hộ kinh doanh và đơn vị thu gom, '.repeat(6)}kết quả như sau:\n- Đã thu gom.`;
    expect(answerSubstance(long, committee)).toBe(long);
  });

  it('an answer that is only frame lines comes out empty, never throws', () => {
    expect(answerSubstance('Kính gửi ông/bà,\nTrân trọng.', committee)).toBe('');
    expect(answerSubstance('', committee)).toBe('');
  });
});

describe('salutation', () => {
  it('names the resident when known, and always gives the code', () => {
    expect(salutation('Trần Văn Bình', 'GY-2026-00001')).toBe('Kính gửi: Ông/Bà Trần Văn Bình (người gửi ý kiến mã GY-2026-00001)');
    expect(salutation('  ', 'GY-2026-00001')).toBe('Kính gửi: Ông/Bà người gửi ý kiến mã GY-2026-00001');
  });
});

describe('the template blank', () => {
  it('"…" or "..." standing as a word, or a {{field}}, is unfilled; an ellipsis in prose is not', () => {
    expect(unfilledBlank(DEFAULT_ANSWER_TEMPLATE)).toBe(true);
    expect(unfilledBlank('Kết quả: ...')).toBe(true);
    expect(unfilledBlank('Kết quả: {{ket_qua}}')).toBe(true);
    expect(unfilledBlank('rác, cống, vỉa hè… đã xử lý')).toBe(false);
    expect(unfilledBlank(SUBSTANCE)).toBe(false);
  });
});

describe('one form of address for residents', () => {
  /** Every text a resident reads: the form, its confirmation page, the acknowledgement. */
  const residentTexts = (): string[] => {
    const t = formTexts({ ...DEFAULT_SETTINGS, phone: '024 3825 1234' });
    const form = Object.values(vi.FORM).filter((v): v is string => typeof v === 'string');
    const ack = vi.ACK.body({ greeting: salutation('', 'GY-2026-00001'), code: 'GY-2026-00001', receivedOn: '1/12/2026', dueOn: '10/12/2026', normal: 7, complex: 20, committee, contact: 'x', key: 'K7M2-QX9P', url: '' });
    return [...form, t.description, t.confirmation, ack, replyEmail(facts(SUBSTANCE)), ...vi.PAPER.letterBody, vi.PAPER.groupIntro];
  };

  it('never says "bạn" (peer register) or "bà con" to a resident; says "ông/bà"', () => {
    for (const text of residentTexts()) {
      expect(text).not.toMatch(/(^|[^\p{L}])bạn([^\p{L}]|$)/iu);
      expect(text).not.toMatch(/bà con/i);
    }
    expect(residentTexts().join('\n')).toMatch(/ông\/bà/);
  });
});

describe('the confirmation page', () => {
  const s = parseSettings({ general: [['Số điện thoại tiếp nhận ý kiến', '024 3825 1234'], ['Giờ tiếp dân', 'sáng thứ Bảy, 8 giờ – 11 giờ']], groups: [], categories: [], bodies: [], staff: [], holidays: [], templates: [] }).settings;
  const page = formTexts(s).confirmation;

  it('says when the answer comes, how to follow up without e-mail (phone, office, hours), where results are published, and that identity is kept confidential', () => {
    expect(page).toContain('7 ngày làm việc');
    expect(page).toContain('20 ngày làm việc');
    expect(page).toContain('024 3825 1234');
    expect(page).toContain('sáng thứ Bảy, 8 giờ – 11 giờ');
    expect(page).toContain('Văn phòng Ủy ban MTTQ Việt Nam phường');
    expect(page).toMatch(/công khai hằng tháng, không nêu tên/);
    expect(page).toMatch(/giữ bí mật/);
    expect(page).toMatch(/chỉ để lại số điện thoại, cán bộ sẽ gọi điện/);
  });

  it('a ward without its phone number yet is told to fill it in (a settings problem), and the page still reads well', () => {
    const parsed = parseSettings({ general: [], groups: [], categories: [], bodies: [], staff: [], holidays: [], templates: [] });
    expect(parsed.problems.join('\n')).toContain('Số điện thoại tiếp nhận ý kiến');
    const text = formTexts(parsed.settings).confirmation;
    expect(text).not.toContain('điện thoại undefined');
    expect(text).toMatch(/liên hệ: Văn phòng Ủy ban MTTQ Việt Nam phường; giờ tiếp dân: /);
  });

  it('once the web app is deployed, points to the public results board', () => {
    expect(formTexts(s, 'https://script.google.com/macros/s/AKfy/exec').confirmation).toContain('tại bảng tin của tổ dân phố và trụ sở Ủy ban và trên trang: https://script.google.com/macros/s/AKfy/exec.');
    expect(formTexts(s).confirmation).not.toContain('trên trang');
  });

  it('a phone number typed into a General-format cell (the leading 0 lost) is given its 0 back', () => {
    const parsed = parseSettings({ general: [['Số điện thoại tiếp nhận ý kiến', 2438251234]], groups: [], categories: [], bodies: [], staff: [], holidays: [], templates: [] });
    expect(parsed.settings.phone).toBe('02438251234');
  });
});

describe('the form\'s phone check', () => {
  const form = new RegExp(`^(?:${PHONE_PATTERN})$`);
  const good = ['0912345678', '0912 345 678', '0912.345.678', '0912-345-678', '+84 912 345 678', '+84912345678', '84912345678', '024 3825 1234', '02438251234', '0236.3822.111', ' 0987654321 ', '0398 765 432', '0567 123 456', '0701 234 567', '0812 345 678'];
  const bad = ['', '12345', '0112345678', '0612345678', '091234567', '09123456789', '0912 345 67a', '+1 912 345 678', '0912  345 678', '024 3825 123', 'không có', '0912345678; 0987654321', '(024) 3825 1234'];

  it.each(good)('accepts %j, and so does the server', (n) => {
    expect(form.test(n)).toBe(true);
    expect(checkPhone(n).valid).toBe(true);
  });

  it.each(bad)('refuses %j on the form', (n) => {
    expect(form.test(n)).toBe(false);
  });

  it('never accepts what the server would refuse (5,000 random digit strings with separators)', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const chars = '0123456789 .-+';
    for (let i = 0; i < 5000; i++) {
      const s = Array.from({ length: 8 + rnd(8) }, () => chars[rnd(chars.length)]).join('');
      if (form.test(s)) expect({ s, valid: checkPhone(s).valid }).toEqual({ s, valid: true });
    }
  });

  it('the message gives a mobile and a landline example', () => {
    expect(vi.FORM.phoneInvalid).toMatch(/0912 345 678/);
    expect(vi.FORM.phoneInvalid).toMatch(/024 3825 1234/);
  });
});

describe('naming the resident at sending', () => {
  const body = replyEmail(facts(SUBSTANCE));

  it('puts the name into the first line only, the line the add-on wrote', () => {
    const out = addressed(body, 'GY-2026-00012', 'Nguyễn Thị Lan');
    expect(out.split('\n')[0]).toBe('Kính gửi: Ông/Bà Nguyễn Thị Lan (người gửi ý kiến mã GY-2026-00012)');
    expect(out.split('\n').slice(1)).toEqual(body.split('\n').slice(1));
  });

  it('a name cannot add lines, and a body that does not start with the salutation is left alone', () => {
    expect(addressed(body, 'GY-2026-00012', 'A\nBcc: x@evil.example\n').split('\n')[0]).toBe('Kính gửi: Ông/Bà A Bcc: x@evil.example (người gửi ý kiến mã GY-2026-00012)');
    expect(addressed('Thư khác', 'GY-2026-00012', 'Lan')).toBe('Thư khác');
    expect(addressed(body, 'GY-2026-00099', 'Lan')).toBe(body);
    expect(addressed(body, 'GY-2026-00012', '   ')).toBe(body);
  });
});
