/**
 * What the ward publishes (the monthly results board, the public answers) must identify nobody
 * (plan: results published "không nêu tên"; Decree 13/2023/NĐ-CP). Staff write the public
 * summary and approve the answer, but both are often pasted from what the resident wrote, so
 * everything published goes through scrubPublicText, which replaces with HIDDEN_MARK:
 *
 *  - e-mail addresses (also "a(at)b.com", "a [at] b [dot] com") and social-network profile links
 *    (facebook.com/…, zalo.me/…, tiktok.com/@…);
 *  - Vietnamese phone numbers: mobiles 03/05/07/08/09 + 8 digits, landlines 02x + 8 digits, with
 *    0, 84, +84 or 0084 in front (also "+84 (0) …"), digit groups separated by spaces, dots,
 *    dashes or brackets — the numbers contact.ts accepts, however they are spaced;
 *  - the value after an identity label: CCCD, CMND, căn cước, số định danh, hộ chiếu, GPLX,
 *    mã số thuế, BHXH/BHYT, số tài khoản, biển số, sổ đỏ / sổ hồng, SĐT, Zalo… (the label stays:
 *    "CCCD số [đã ẩn]");
 *  - vehicle number plates (30A-123.45, 59X1-123.45): a plate identifies its owner;
 *  - any other number of 9 digits or more (a 12-digit CCCD or 9-digit CMND standing alone, a bank
 *    account, a tax code, an insurance number, a foreign phone number…), unless it is an amount:
 *    followed by a unit ("150000000 đồng") and not starting with 0;
 *  - house numbers, apartment numbers, land plot numbers (see HOUSE below): each identifies
 *    one household.
 *
 * Every phone number goes, the ward's own hotline included: no rule can tell an office's number
 * from a resident's. The board gives the office's contact in its own, fixed text.
 *
 * Kept: dates (24/11/2026, 2026-11-24, 24.11.2026), case codes (GY-2026-00012), amounts and
 * quantities ("2 thùng rác", "50 triệu đồng", "50.000.000 đồng"), lane and street names and
 * numbers ("ngõ 7", "ngách 4/12", "hẻm 12/3", "đường số 5", "phố Huế"), residential-group numbers
 * ("tổ dân phố số 5") and document numbers ("Công văn số 12/UBND-VP"). Where the line is drawn:
 * a lane, alley or street is public space shared by many households, and naming it is what lets
 * residents see that their lane's problem was handled; a house number (with its street or lane)
 * points at one household, so it goes. When the two are written as one token ("45/12/3 Hoàng
 * Diệu": house 3 of alley 45/12) the whole token goes, because its parts cannot be told apart.
 * A day and month without a year ("12/3") reads like a slashed house number; it is taken as a
 * date after a time word ("ngày 12/3 …", "từ 12/3 UBND …"), as an address otherwise when a street
 * word or a capitalised name follows. Each house rule below says which context it reads.
 *
 * Not detected: personal names (no rule tells "ông Nguyễn Văn An" from "ông Chủ tịch UBND
 * phường" reliably; staff must not write names, and the summary is theirs to approve), numbers
 * spelled out in words, letters used as digits ("O912…"). This is a safety net under the staff's
 * approval, not a replacement for it.
 *
 * Unicode: the text is NFC-normalised; zero-width, control and bidi characters are removed (they
 * could split a number so that no rule sees it); full-width ASCII forms (０９１２, ＠, ＋) become
 * ASCII; every decimal digit of any script (Arabic-Indic, mathematical bold…) becomes its ASCII
 * digit; combining marks on a digit (keycaps, strike-through) are dropped. Those changes stay in
 * the output: they change nothing a reader sees except the digits' style.
 *
 * The result is plain text: HTML-like text ("<b>") is kept as typed; whoever renders it escapes it.
 * No Apps Script globals: pure and deterministic.
 */
import { cleanResidentText } from './sanitize';
import { MASKS } from '../../i18n/vi';

/** What replaces anything hidden (its wording: i18n). */
export const HIDDEN_MARK = MASKS.hidden;

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

/** A character that belongs to a word or number (used as a word boundary: \b is ASCII-only). */
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}_]';
const NOT_AFTER_WORD = `(?<!${WORD_CHAR})`;
const NOT_BEFORE_WORD = `(?!${WORD_CHAR})`;
/** Where a number starts: not inside a word, nor after "/", "-" or "." (then it continues one). */
const NUMBER_START = `(?<![\\p{L}\\p{M}\\p{N}_/.-])`;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function baseLetter(ch: string): string {
  const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return base === 'đ' || base === 'Đ' ? 'd' : base;
}

/**
 * A Vietnamese phrase as a pattern that also accepts it typed without diacritics and in any
 * case: "số nhà" → [sS][ốỐoO]\s+[nN][hH][àÀaA]. (No `i` flag anywhere: with it, \p{Lu} would
 * also match lower-case letters, and the house rules need to see capitals.)
 */
function vi(phrase: string): string {
  let out = '';
  for (const ch of phrase) {
    if (ch === ' ') {
      out += '\\s+';
    } else if (/\p{L}/u.test(ch)) {
      const forms = new Set([ch.toLowerCase(), ch.toUpperCase(), baseLetter(ch).toLowerCase(), baseLetter(ch).toUpperCase()]);
      out += `[${Array.from(forms).join('')}]`;
    } else {
      out += escapeRegExp(ch);
    }
  }
  return out;
}

/** A phrase in any case, but with its diacritics: for words whose bare form is another word ("lô" / "lo"). */
function exact(phrase: string): string {
  let out = '';
  for (const ch of phrase) {
    if (ch === ' ') out += '\\s+';
    else if (/\p{L}/u.test(ch)) out += ch.toLowerCase() === ch.toUpperCase() ? ch : `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
    else out += escapeRegExp(ch);
  }
  return out;
}

/** Any of the phrases (longest first, so "căn cước công dân" wins over "căn cước"). */
function anyOf(phrases: string[]): string {
  return `(?:${phrases
    .slice()
    .sort((a, b) => b.length - a.length)
    .map(vi)
    .join('|')})`;
}

/**
 * Whether the text before a match ends with one of `words` (ignoring spaces, commas and colons).
 * Only the last 60 characters are looked at: every phrase is shorter, and a long text is not
 * rescanned for every match.
 */
function endsWith(textBefore: string, words: RegExp): boolean {
  return words.test(textBefore.slice(-60).replace(/[\s,:]+$/, ''));
}

function endsWithAny(phrases: string[]): RegExp {
  return new RegExp(`${NOT_AFTER_WORD}${anyOf(phrases)}$`, 'u');
}

// ---------------------------------------------------------------------------------------------
// Step 0: normalisation
// ---------------------------------------------------------------------------------------------

/** Private-use characters carry the placeholders of protected spans; they never reach output. */
const PRIVATE_USE = /[\ue000-\uf8ff]/g;
const PLACEHOLDER_BASE = 0xe000;

/** Zero of the run of decimal digits `cp` belongs to (Unicode encodes each 0–9 set contiguously). */
function asciiDigit(ch: string): string {
  const cp = ch.codePointAt(0)!;
  let start = cp;
  while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start -= 1;
  return String((cp - start) % 10);
}

function normalise(text: string): string {
  const visible = cleanResidentText(text.replace(PRIVATE_USE, '')).text.normalize('NFC');
  return (
    visible
      // Full-width ASCII forms (U+FF01–FF5E) and the ideographic space.
      .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/\u3000/g, ' ')
      // Every decimal digit, of any script, as its ASCII digit.
      .replace(/(?![0-9])\p{Nd}/gu, asciiDigit)
      // A digit never carries a mark; keycaps (0️⃣) and strike-through (0̶) would hide it.
      .replace(/([0-9])[\p{M}\ufe00-\ufe0f]+/gu, '$1')
  );
}

// ---------------------------------------------------------------------------------------------
// Protected spans: replaced by placeholders while the other rules run, then restored.
// ---------------------------------------------------------------------------------------------

/**
 * Case codes as case-code.ts writes them (GY-2026-00012, a paper slip's GY-2026-P00012). At most 6 sequence digits (a ward gets
 * far fewer than a million cases a year), so no phone number can hide inside a "code".
 */
const CASE_CODE = /(?<![\p{L}\p{N}-])[A-Z]{2}-(?:19|20)\d{2}-P?\d{5,6}(?![\p{L}\p{N}]|-\d)/gu;

/**
 * Dates: d/m/yyyy, d.m.yyyy, d-m-yyyy (one separator throughout) and yyyy-mm-dd, with a real
 * day and month, a 19xx/20xx year, and no digit glued on either side — so a date cannot shelter
 * the digits of a longer number. Protected after the phone rule, which never matches a date
 * alone (a date has 8 digits, a phone 10 or 11).
 */
const DATE_DMY = /(?<!\d[./-]?)(?:0?[1-9]|[12]\d|3[01])([./-])(?:0?[1-9]|1[0-2])\1(?:19|20)\d{2}(?![./-]?\d)/gu;
const DATE_ISO = /(?<!\d[./-]?)(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![./-]?\d)/gu;
const DATE_DMY_START = /^(?:0?[1-9]|[12]\d|3[01])([./-])(?:0?[1-9]|1[0-2])\1(?:19|20)\d{2}(?!\d)/u;

class Protector {
  private readonly spans: string[] = [];

  protect(text: string, pattern: RegExp): string {
    return text.replace(pattern, (m) => {
      this.spans.push(m);
      return String.fromCharCode(PLACEHOLDER_BASE + this.spans.length - 1);
    });
  }

  restore(text: string): string {
    return text.replace(PRIVATE_USE, (c) => this.spans[c.charCodeAt(0) - PLACEHOLDER_BASE] ?? '');
  }
}

// ---------------------------------------------------------------------------------------------
// E-mail addresses and profile links
// ---------------------------------------------------------------------------------------------

/**
 * A local part, "@" (or "(at)", "[at]", "(a còng)" — how people dodge address harvesters),
 * and a domain with at least one dot (or "(dot)", "[chấm]"…). Spaces are allowed only around
 * the spelled-out forms, so "abc@gmail.com. Sau đó" keeps "Sau đó".
 */
const AT = `(?:\\s*@\\s*|\\s*[([]\\s*(?:at|${vi('a còng')})\\s*[)\\]]\\s*)`;
const DOT = `(?:\\.|\\s*[([]\\s*(?:dot|${vi('chấm')})\\s*[)\\]]\\s*)`;
const EMAIL = new RegExp(`(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}_%+-][\\p{L}\\p{N}._%+-]*${AT}[\\p{L}\\p{N}-]+(?:${DOT}[\\p{L}\\p{N}-]+)+`, 'gu');

/** A profile or chat link names its owner as surely as an address does. */
const PROFILE_LINK = /(?<![\w.-])(?:https?:\/\/)?(?:[\w-]+\.)?(?:facebook\.com|fb\.com|fb\.me|m\.me|zalo\.me|tiktok\.com|instagram\.com|youtube\.com|twitter\.com|x\.com|t\.me)\/[^\s<>"'()[\]]+/giu;

// ---------------------------------------------------------------------------------------------
// Identity numbers after a label
// ---------------------------------------------------------------------------------------------

const ID_LABELS = anyOf([
  'CCCD', 'CMND', 'CMT', 'CCCD/CMND', 'CMND/CCCD', 'ĐDCN', 'GPLX', 'MST', 'BHXH', 'BHYT', 'STK', 'BKS', 'BSX', 'SĐT', 'ĐTDĐ', 'GCN',
  'căn cước công dân', 'căn cước', 'thẻ căn cước', 'chứng minh nhân dân', 'chứng minh thư', 'giấy chứng minh',
  'số định danh cá nhân', 'số định danh', 'mã định danh', 'định danh', 'hộ chiếu', 'passport',
  'giấy phép lái xe', 'bằng lái', 'mã số thuế', 'mã số bảo hiểm xã hội', 'bảo hiểm xã hội', 'sổ bảo hiểm', 'thẻ bảo hiểm y tế', 'bảo hiểm y tế',
  'số tài khoản', 'tài khoản ngân hàng', 'tài khoản', 'số thẻ', 'biển kiểm soát', 'biển số xe', 'biển số',
  'sổ đỏ', 'sổ hồng', 'giấy chứng nhận quyền sử dụng đất', 'số điện thoại', 'điện thoại', 'di động', 'Zalo', 'hotline',
]);
/** What may stand between a label and its value: "số", "là", ":", "#", "No.". */
const ID_JOINER = `(?:\\s*(?:${vi('số')}|${vi('là')}|No\\.?|[:#.\\-]))*\\s*`;
/** An optional 1–3 capital-letter series (passport C1234567, sổ đỏ AB 123456), then digits. */
const ID_VALUE = '(?:\\p{Lu}{1,3}[ .\\-]?)?\\d(?:[ .\\-]?\\d)*';
const LABELLED_ID = new RegExp(`(${NOT_AFTER_WORD}${ID_LABELS}${ID_JOINER})(${ID_VALUE})(?![\\p{L}\\p{N}])`, 'gu');
/** A labelled value needs this many digits: "Zalo 2 lần" is no number. */
const LABELLED_MIN_DIGITS = 4;

// ---------------------------------------------------------------------------------------------
// Phone numbers
// ---------------------------------------------------------------------------------------------

/** Between digit groups: spaces, dots, dashes (any Unicode dash), brackets, bullets; up to 3. */
const SEP = '[\\s.()\\-\\u00b7\\u2010-\\u2015\\u2212\\u2022\\u30fb]';
const GAP = `${SEP}{0,3}`;
/** The national number after the prefix: a mobile (3/5/7/8/9 + 8 digits) or a landline (2 + 9). */
const NATIONAL = `(?:[35789](?:${GAP}\\d){8}|2(?:${GAP}\\d){9})`;
const PHONE = new RegExp(
  `(?<!\\d)\\(?(?:` +
    // +84 / 0084, optionally with the trunk 0 people add anyway: "+84 (0) 912 …", "+84 0912 …".
    `((?:\\+|00)${GAP}84${GAP}(?:\\(0\\)${GAP}|0${GAP})?)` +
    // 84 without "+": also how a large amount starts ("84.500.000.000 đồng"), see isAmountAfter.
    `|(84${GAP})` +
    `|(0${GAP}))` +
    `${NATIONAL}(?!\\d)`,
  'gu',
);

/**
 * Units that make a number an amount or a quantity. An amount never starts with 0 and is written
 * with its unit; a phone or ID number is never followed by one.
 */
const UNITS = anyOf([
  'đồng', 'đ', 'VNĐ', 'VND', 'USD', 'triệu', 'tr', 'tỷ', 'tỉ', 'nghìn', 'ngàn', 'trăm',
  'm2', 'm²', 'm3', 'm³', 'm', 'mét', 'km', 'cm', 'ha', 'kg', 'tấn', 'tạ', 'lít', 'người', 'hộ', 'nhân khẩu', 'khẩu', 'lượt', 'cái', 'chiếc', 'thùng',
]);
const UNIT_AFTER = new RegExp(`^\\s*${UNITS}${NOT_BEFORE_WORD}`, 'u');

function isAmountAfter(rest: string): boolean {
  return UNIT_AFTER.test(rest);
}

// ---------------------------------------------------------------------------------------------
// Vehicle plates and long numbers
// ---------------------------------------------------------------------------------------------

/** 2 digits (province), a 1–2 letter series with an optional digit, then 4–5 digits: 30A-123.45. */
const PLATE = /(?<![\p{L}\p{N}])\d{2}\s?-?\s?\p{Lu}{1,2}\d?\s?[-.]?\s?\d{3}[.\s]?\d{1,2}(?![\p{L}\p{N}])/gu;

/**
 * 9 digits or more, written as one number (digits joined by at most one space, dot or dash at a
 * time): a 12-digit CCCD, a 9-digit CMND, "001 203 004 567", an account number. Dates and case
 * codes are protected by then, so they do not join a run.
 */
const LONG_NUMBER = /\+?(?<!\d)\d(?:[ .-]?\d){8,}(?!\d)/gu;

// ---------------------------------------------------------------------------------------------
// House numbers
// ---------------------------------------------------------------------------------------------

/** A house number: 12, 12A, 12-14, 12/3, 45/12/3, 12A/3 — not followed by "/UBND" or "-QĐ". */
const HOUSE_NO = `\\d+(?:[A-Za-z](?![\\p{L}]))?(?:[/-]\\d+(?:[A-Za-z](?![\\p{L}]))?)*(?![\\p{L}\\p{N}]|[/-][\\p{L}\\p{N}])`;
/** A slashed number: 12/3, 45/12/3, 12A/3. */
const SLASHED = `\\d+[A-Za-z]?(?:/\\d+[A-Za-z]?)+(?![\\p{L}\\p{N}/])`;
/** Lanes and alleys (public space: their numbers are kept). */
const LANE_WORDS = ['ngõ', 'ngách', 'hẻm', 'kiệt', 'hẻm số', 'ngõ số', 'ngách số', 'kiệt số'];
/** Streets. */
const STREET_WORDS = ['đường', 'phố', 'đại lộ', 'đường số', 'phố số', 'quốc lộ', 'tỉnh lộ'];
const THOROUGHFARE = anyOf([...LANE_WORDS, ...STREET_WORDS]);
/** A thoroughfare that is named or numbered: "ngõ 7", "phố Huế" (not "2 ngõ bị ngập"). */
const NAMED_THOROUGHFARE = `${THOROUGHFARE}\\s*(?:\\d|\\p{Lu})`;

/** Words after which "số N" is a group, a document, a rule or a count — never a house. */
const NOT_A_HOUSE_BEFORE = endsWithAny([
  ...LANE_WORDS, ...STREET_WORDS,
  'tổ', 'tổ dân phố', 'TDP', 'khu phố', 'KP', 'khu', 'thôn', 'xóm', 'ấp', 'bản', 'đội', 'cụm', 'khối', 'phường', 'quận',
  'văn bản', 'công văn', 'quyết định', 'nghị định', 'nghị quyết', 'thông tư', 'thông báo', 'kế hoạch', 'tờ trình', 'báo cáo',
  'biên bản', 'chỉ thị', 'hướng dẫn', 'giấy mời', 'giấy', 'phiếu', 'đơn', 'luật', 'điều', 'khoản', 'mục', 'điểm', 'chương',
  'phụ lục', 'hồ sơ', 'ý kiến', 'lần', 'tuần', 'tháng', 'năm', 'quý', 'kỳ', 'đợt', 'trang', 'phòng', 'tầng', 'bàn', 'quầy',
  'cửa', 'tuyến', 'xe', 'chuyến', 'ký hiệu', 'mã', 'tờ bản đồ', 'bản đồ', 'câu', 'bài', 'loại', 'hạng', 'cấp',
]);
/** Words after which a number is a point in time: "tháng 11 ngõ 7 hết ngập", "ngày 12/3 Ban…". */
const TIME_BEFORE = endsWithAny([
  'ngày', 'hôm', 'hạn', 'sáng', 'trưa', 'chiều', 'tối', 'đêm', 'tháng', 'năm', 'quý', 'tuần', 'lúc', 'giờ', 'vào', 'đợt',
  'lần', 'thứ',
]);
/** Words after which a number counts things: "có 2 ngõ Xuân…", "cả 3 phố Hàng…". */
const COUNT_BEFORE = endsWithAny(['có', 'gồm', 'tổng', 'cả', 'các', 'những', 'mỗi', 'số lượng', 'hơn', 'khoảng']);
/**
 * Prepositions that are spatial before an address ("trước 15 ngõ 7") but temporal before a day
 * and month ("từ 12/3 UBND phường…"): they make "d/m" a date only when no street word follows.
 */
const TIME_PREPOSITION_BEFORE = endsWithAny(['từ', 'đến', 'tới', 'trước', 'sau', 'trong']);
/** What follows "nhà N" when N counts floors or rooms ("nhà 2 tầng"), not the house's number. */
const MEASURE_AFTER = new RegExp(`^\\s*${anyOf(['tầng', 'lầu', 'gian', 'phòng', 'căn', 'mái', 'm', 'mét', 'm2', 'm²', 'người', 'hộ', 'khẩu', 'thế hệ', 'cái', 'chiếc', 'cửa', 'mặt tiền', 'năm', 'tháng', 'ngày', 'lần'])}${NOT_BEFORE_WORD}`, 'u');

/** Words that introduce a place. */
const PLACE_WORDS = `(?:${anyOf(['tại', 'địa chỉ', 'đ/c', 'đc'])}|${exact('ở')})`;

interface HouseRule {
  /** Group 1: kept before the number; group 2: the number. */
  pattern: RegExp;
  /** The number is not a house number in this context. */
  skip?: (before: string, after: string) => boolean;
}

const HOUSE: HouseRule[] = [
  // "số nhà 15", "nhà số 12A", "SN 7", "căn hộ 1205", "căn hộ số A-1205", "thửa đất số 123",
  // "lô 5", "lô đất số B12": the word says what the number is.
  {
    pattern: new RegExp(`(${NOT_AFTER_WORD}(?:${anyOf(['số nhà', 'nhà số', 'căn hộ số', 'căn hộ', 'thửa đất số', 'thửa đất', 'lô đất số', 'lô đất'])}|SN|${exact('thửa số')}|${exact('thửa')}|${exact('lô số')}|${exact('lô')})\\s*[:.]?\\s*)((?:\\p{Lu}{1,2}-?)?${HOUSE_NO})`, 'gu'),
  },
  // "nhà 12" (but not "nhà 2 tầng").
  {
    pattern: new RegExp(`(${NOT_AFTER_WORD}${vi('nhà')}\\s+)(${HOUSE_NO})`, 'gu'),
    skip: (_before, after) => MEASURE_AFTER.test(after),
  },
  // "tại số 12", "ở số 12", "địa chỉ: số 7": a place given by its number.
  {
    pattern: new RegExp(`(${NOT_AFTER_WORD}${PLACE_WORDS}\\s*:?\\s*${vi('số')}\\s*)(${HOUSE_NO})`, 'gu'),
  },
  // "tại 12 Lê Lợi", "ở 45/12 Hoàng Diệu", "địa chỉ: 7 ngõ 5": a number then a name.
  {
    pattern: new RegExp(`(${NOT_AFTER_WORD}${PLACE_WORDS}\\s*:?\\s*)(${HOUSE_NO})(?=\\s*,?\\s*(?:\\p{Lu}|${NAMED_THOROUGHFARE}))`, 'gu'),
  },
  // "số 12 ngõ 5", "15 ngõ 7", "12, đường Lê Lợi", "số 5 ngách 4/12": a number right before a
  // named or numbered lane or street is the house on it. Not after a lane/street word ("ngõ 7
  // phố Huế": 7 is the lane), a group or document word, or a date/count word ("tháng 11 ngõ 7").
  {
    pattern: new RegExp(`((?:${NOT_AFTER_WORD}${vi('số')}\\s*)?)${NUMBER_START}(${HOUSE_NO})(?=\\s*,?\\s*${NAMED_THOROUGHFARE})`, 'gu'),
    skip: (before) => endsWith(before, NOT_A_HOUSE_BEFORE) || endsWith(before, TIME_BEFORE) || endsWith(before, COUNT_BEFORE),
  },
  // "số 12 Lê Lợi": "số N" before a capitalised name, unless "số" belongs to a group, a document
  // or a rule ("Tổ dân phố số 5 Phường…", "Quyết định số 12 Ủy ban…").
  {
    pattern: new RegExp(`(${NOT_AFTER_WORD}${vi('số')}\\s*)(${HOUSE_NO})(?=\\s*,?\\s*\\p{Lu})`, 'gu'),
    skip: (before) => endsWith(before, NOT_A_HOUSE_BEFORE),
  },
  // "12/3 đường Lê Lợi", "trước 45/12/3 phố Huế": a slashed number before a street word is an
  // address (dates with a year are protected by now; "ngách 4/12 phố…" is a lane, "ngày 12/3
  // đường … thông xe" a date).
  {
    pattern: new RegExp(`()${NUMBER_START}(${SLASHED})(?=\\s*,?\\s*${NAMED_THOROUGHFARE})`, 'gu'),
    skip: (before) => endsWith(before, NOT_A_HOUSE_BEFORE) || endsWith(before, TIME_BEFORE),
  },
  // "12/3 Lê Lợi": before a capitalised name too — unless it reads as a day and month ("từ 12/3
  // UBND phường…", "ngày 12/3 Ban công tác…").
  {
    pattern: new RegExp(`()${NUMBER_START}(${SLASHED})(?=\\s*,?\\s*\\p{Lu})`, 'gu'),
    skip: (before) => endsWith(before, NOT_A_HOUSE_BEFORE) || endsWith(before, TIME_BEFORE) || endsWith(before, TIME_PREPOSITION_BEFORE),
  },
];

function applyHouseRule(text: string, rule: HouseRule): string {
  return text.replace(rule.pattern, (match: string, kept: string, _num: string, offset: number, all: string) => {
    if (rule.skip && rule.skip(all.slice(0, offset), all.slice(offset + match.length))) return match;
    return `${kept}${HIDDEN_MARK}`;
  });
}

// ---------------------------------------------------------------------------------------------
// The whole
// ---------------------------------------------------------------------------------------------

/**
 * How much goes. 'public' (what residents read): everything above. 'contact' (what a handling
 * body reads of a resident's own words): the ways to reach or identify the writer — e-mail
 * addresses, profile links, phone numbers, labelled identity numbers and any other number of 9
 * digits or more — while house and land numbers and vehicle plates stay: they say where the
 * problem is, and the body needs that to act on it.
 */
type Level = 'public' | 'contact';

/** Removes phone numbers, identity numbers, e-mail addresses and house numbers from published text. */
export function scrubPublicText(text: string): string {
  return scrub(text, 'public');
}

/**
 * A resident's own text as a handling body or a viewer reads it (the personal-link pages, the
 * transfer slip, the assignment e-mail, the sidebar): phone numbers, e-mail addresses, profile
 * links and identity numbers (CMND 9 digits, CCCD 12 digits, labelled or not) replaced by
 * HIDDEN_MARK; house numbers, lanes, plates, dates, amounts and case codes kept. Admins read the
 * original.
 */
export function maskContactDetails(text: string): string {
  return scrub(text, 'contact');
}

function scrub(text: string, level: Level): string {
  if (typeof text !== 'string' || text === '') return '';
  const shelf = new Protector();
  let t = normalise(text);

  t = shelf.protect(t, CASE_CODE);
  t = t.replace(PROFILE_LINK, HIDDEN_MARK);
  t = t.replace(EMAIL, HIDDEN_MARK);
  t = t.replace(LABELLED_ID, (match: string, label: string, value: string) =>
    value.replace(/\D/g, '').length >= LABELLED_MIN_DIGITS ? `${label}${HIDDEN_MARK}` : match,
  );
  t = t.replace(PHONE, (match: string, _intl: string | undefined, bare84: string | undefined, _zero: string | undefined, offset: number, all: string) => {
    // "05.12.2026 09.30" is a date and a time, not 0512202609.
    if (DATE_DMY_START.test(match)) return match;
    // "84.500.000.000 đồng" is an amount.
    if (bare84 !== undefined && isAmountAfter(all.slice(offset + match.length))) return match;
    // "(024) 3825 1234" goes whole; in "(0912345678)" the bracket is the writer's, and stays.
    return match.startsWith('(') && !match.includes(')') ? `(${HIDDEN_MARK}` : HIDDEN_MARK;
  });
  if (level === 'public') t = t.replace(PLATE, HIDDEN_MARK);

  t = shelf.protect(t, DATE_DMY);
  t = shelf.protect(t, DATE_ISO);
  t = t.replace(LONG_NUMBER, (match: string, offset: number, all: string) => {
    const digits = match.replace(/\D/g, '');
    if (!digits.startsWith('0') && !match.startsWith('+') && isAmountAfter(all.slice(offset + match.length))) return match;
    return HIDDEN_MARK;
  });

  if (level === 'public') for (const rule of HOUSE) t = applyHouseRule(t, rule);

  return shelf.restore(t).normalize('NFC');
}
