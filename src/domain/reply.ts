/**
 * The reply to a resident, composed once for both the e-mail and the printed letter, so each
 * part appears exactly once: the salutation, the opening, the answer itself, the thanks, and (in
 * the e-mail) where to ask and the sign-off. The letter's own template draws the header, title,
 * recipients and signature block.
 *
 * What staff write is only the answer's substance; but templates in "Mẫu trả lời" (and habit)
 * often carry their own "Kính gửi …", "… trả lời như sau:", "Trân trọng cảm ơn …" and
 * "Trân trọng": those frame lines are recognised at the edges of the answer and left to the
 * composition, never repeated. Lines in the middle of an answer are never touched.
 */
import { REPLY } from '../i18n/vi';

export interface ReplyFacts {
  code: string;
  /** The resident's name, or '' when unknown — or when the paper may pass through other hands. */
  residentName: string;
  /** dd/mm/yyyy */
  receivedOn: string;
  category: string;
  committee: string;
  /** How residents reach the ward (phone, office hours). */
  contactLine: string;
  answer: string;
  /** A line after the contact (the web app's rating link), or ''. */
  extra?: string;
}

export interface ReplyParts {
  salutation: string;
  opening: string;
  /** The answer's substance, as paragraphs of text. */
  body: string;
  thanks: string;
}

/** "Kính gửi: Ông/Bà Nguyễn Văn A (người gửi ý kiến mã GY-2026-00012)". */
export function salutation(name: string, code: string): string {
  return REPLY.salutation(name.trim(), code);
}

const fold = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

const GREETING = /^(kính gửi|kính thưa|thân gửi|gửi)\b/;
/** An opening: a short paragraph announcing the answer ("… trả lời như sau:"). */
const OPENING = /(như sau|cụ thể như sau)\s*[:.]?$/;
const THANKS = /cảm ơn/;
const SIGN_OFF = /^(trân trọng|kính thư|chào trân trọng|thân ái|tm\.|chủ tịch$|ban thường trực$)/;
const SHORT = 240;

/** The answer without the frame lines a template or a clerk wrote at its edges. */
export function answerSubstance(answer: string, committee: string): string {
  const lines = answer.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/\s+$/, ''));
  const committeeLine = fold(committee);
  const blank = (i: number) => lines[i].trim() === '';
  let start = 0;
  let end = lines.length;
  const skipBlankStart = () => {
    while (start < end && blank(start)) start += 1;
  };
  const skipBlankEnd = () => {
    while (end > start && blank(end - 1)) end -= 1;
  };
  skipBlankStart();
  while (start < end && GREETING.test(fold(lines[start])) && lines[start].length <= SHORT) {
    start += 1;
    skipBlankStart();
  }
  // The opening: the first line, or the first paragraph, when short and ending in "như sau:".
  let paraEnd = start;
  while (paraEnd < end && !blank(paraEnd)) paraEnd += 1;
  const firstParagraph = lines.slice(start, paraEnd).join(' ');
  if (start < end && lines[start].length <= SHORT * 2 && OPENING.test(fold(lines[start])) && start + 1 < end) {
    start += 1;
    skipBlankStart();
  } else if (paraEnd < end && firstParagraph.length <= SHORT * 2 && OPENING.test(fold(firstParagraph))) {
    start = paraEnd;
    skipBlankStart();
  }
  skipBlankEnd();
  for (;;) {
    if (end <= start) break;
    const last = fold(lines[end - 1]);
    const frame = lines[end - 1].length <= SHORT && (SIGN_OFF.test(last) || last === committeeLine || (THANKS.test(last) && /(ông\/bà|ông, bà|quý vị|bà con|đóng góp|quan tâm|ý kiến)/.test(last)));
    if (!frame) break;
    end -= 1;
    skipBlankEnd();
  }
  return lines.slice(start, end).join('\n');
}

export function replyParts(f: ReplyFacts): ReplyParts {
  return {
    salutation: salutation(f.residentName, f.code),
    opening: REPLY.opening(f.receivedOn, f.committee, f.category),
    body: answerSubstance(f.answer, f.committee),
    thanks: REPLY.thanks(f.committee),
  };
}

/** The e-mail: the reply, then where to ask, then the sign-off. */
export function replyEmail(f: ReplyFacts): string {
  const p = replyParts(f);
  return [p.salutation, '', p.opening, '', p.body, '', p.thanks, REPLY.contact(f.contactLine), ...(f.extra ? [f.extra] : []), '', REPLY.signOff, f.committee].join('\n');
}
