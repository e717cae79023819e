/**
 * What a resident wrote in an e-mail, without what they did not write: the quoted message they
 * replied to and their signature. Pure text in, text out (no Apps Script), applied to
 * GmailMessage.getPlainBody() as the official mailbox hands it over (domain/mailbox-protocol).
 *
 * A quote starts at the first line that is one of:
 * - a line quoted with ">" (Gmail, Thunderbird, Apple Mail), when no unquoted text follows it
 *   other than more quote and blank lines — a resident who answers between quoted lines keeps
 *   their answers (the quoted lines between are dropped);
 * - an attribution: "On … wrote:" (English clients), "Vào … đã viết:" (Gmail in Vietnamese),
 *   "Le … a écrit :" is not expected here; the attribution may wrap over two lines;
 * - "-----Original Message-----" / "----- Thư gốc -----" / "---------- Forwarded message ---------"
 *   style separators (Outlook, Gmail forwards are kept out as quotes too);
 * - an Outlook header block: "From:" (or "Từ:") followed within a few lines by "Sent:" / "Gửi:" /
 *   "Date:" / "Ngày:" and "To:" / "Đến:" / "Subject:" / "Chủ đề:".
 * A signature starts at the line "-- " (RFC 3676 §4.3, also "--" as clients trim it) or at a
 * device footer: "Sent from my iPhone", "Sent from Mail for Windows", "Gửi từ iPhone của tôi",
 * "Được gửi từ …" — such a line ends the text only in the last lines of the message.
 */

const ATTRIBUTION_END = /(wrote|đã viết|viết)\s*:\s*$/i;
const ATTRIBUTION_START = /^(on|vào|lúc|le|am)\s/i;
const SEPARATOR = /^\s*(-{2,}\s*(original message|thư gốc|tin nhắn gốc|forwarded message|thư được chuyển tiếp)\s*-{2,}|_{10,})\s*$/i;
const HEADER_FROM = /^\s*\*?(from|từ|người gửi)\s*:\*?\s*\S/i;
const HEADER_OTHER = /^\s*\*?(sent|date|to|subject|cc|gửi|ngày|đến|tới|chủ đề|tiêu đề)\s*:\*?/i;
const SIGNATURE = /^--\s?$/;
const DEVICE_FOOTER = /^\s*(sent from (my )?(iphone|ipad|android|samsung|mobile|mail for windows|yahoo mail|outlook)|sent from my \S+|get outlook for (ios|android)|(được )?gửi từ\s.{1,60}|gửi từ điện thoại.*)\s*$/i;
/** A device footer is a signature only this near the end of the message. */
const FOOTER_TAIL_LINES = 4;

export interface MailBodyResult {
  /** What the resident wrote. */
  text: string;
  /** True when something (a quote, a signature) was cut. */
  cut: boolean;
}

function isQuoteLine(line: string): boolean {
  return /^\s*>/.test(line);
}

/** The index of the first line of an attribution ("On Mon, … wrote:"), possibly wrapped over two lines, at i. */
function attributionAt(lines: string[], i: number): boolean {
  const line = lines[i].trim();
  if (!ATTRIBUTION_START.test(line)) return false;
  if (ATTRIBUTION_END.test(line)) return true;
  const next = (lines[i + 1] ?? '').trim();
  return next !== '' && ATTRIBUTION_END.test(`${line} ${next}`) && line.length + next.length < 300;
}

function outlookHeaderAt(lines: string[], i: number): boolean {
  if (!HEADER_FROM.test(lines[i])) return false;
  let others = 0;
  for (let j = i + 1; j < Math.min(lines.length, i + 6); j++) if (HEADER_OTHER.test(lines[j])) others++;
  return others >= 2;
}

/** True when every line from `from` on is a quote or blank. */
function onlyQuotesFrom(lines: string[], from: number): boolean {
  for (let j = from; j < lines.length; j++) if (lines[j].trim() !== '' && !isQuoteLine(lines[j])) return false;
  return true;
}

export function mailBody(plain: string): MailBodyResult {
  const lines = String(plain ?? '').replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (SEPARATOR.test(lines[i]) || attributionAt(lines, i) || outlookHeaderAt(lines, i) || SIGNATURE.test(lines[i])) {
      end = i;
      break;
    }
    if (isQuoteLine(lines[i]) && onlyQuotesFrom(lines, i)) {
      end = i;
      break;
    }
  }
  let kept = lines.slice(0, end);
  // Quoted lines answered in between: the resident's answers stay, the quoted lines go.
  const withoutInlineQuotes = kept.filter((l) => !isQuoteLine(l));
  let cut = end < lines.length || withoutInlineQuotes.length < kept.length;
  kept = withoutInlineQuotes;
  // A device footer among the last lines ends the text.
  const lastNonBlank = lastIndexWhere(kept, (l) => l.trim() !== '');
  for (let i = Math.max(0, lastNonBlank - FOOTER_TAIL_LINES + 1); i <= lastNonBlank; i++) {
    if (DEVICE_FOOTER.test(kept[i])) {
      kept = kept.slice(0, i);
      cut = true;
      break;
    }
  }
  const text = kept.join('\n').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim();
  // A mail that is nothing but a quote (a forward without a word): keep it whole rather than nothing.
  if (text === '') return { text: String(plain ?? '').trim(), cut: false };
  return { text, cut };
}

function lastIndexWhere<T>(items: T[], test: (t: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}

/**
 * Mail no person wrote, never filed: bounces (mailer-daemon, postmaster, "Delivery Status
 * Notification"), no-reply senders, auto-replies ("Automatic reply", "Out of office", "Trả lời
 * tự động"). The mailbox checks the headers it can see (Auto-Submitted, List-Id, Precedence);
 * the ward checks again with what it is handed, since a mail it files cannot be unfiled.
 */
const AUTOMATED_LOCAL = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|donotreply|bounces?|notifications?|auto-?reply|autoresponder|daemon)([+._-].*)?$/i;
const AUTOMATED_SUBJECT = /^\s*(delivery status notification|undeliver(able|ed)|mail delivery (failed|subsystem)|returned mail|failure notice|automatic reply|auto(matic)?[- ]?reply|out of (the )?office|trả lời tự động|thư trả lời tự động|không gửi được thư|vắng mặt)\b/i;

export function isAutomatedMail(fromAddress: string, fromName: string, subject: string): boolean {
  const address = String(fromAddress ?? '').trim().toLowerCase();
  const local = address.split('@')[0] ?? '';
  if (AUTOMATED_LOCAL.test(local) || /(^|[.@])bounces?[.-]/.test(address)) return true;
  if (/^(mail delivery (subsystem|system)|mailer-daemon)$/i.test(String(fromName ?? '').trim())) return true;
  return AUTOMATED_SUBJECT.test(String(subject ?? ''));
}

/** "Re: Re: Fwd: Đèn hỏng" → "Đèn hỏng": the subject without its reply and forward prefixes. */
export function baseSubject(subject: string): string {
  let s = String(subject ?? '').trim();
  for (let i = 0; i < 10; i++) {
    const next = s.replace(/^\s*(re|fw|fwd|tl|tr|trả lời|chuyển tiếp|aw|sv)\s*(\[\d+\])?\s*:\s*/i, '');
    if (next === s) break;
    s = next;
  }
  return s.trim();
}

/** The subject of the ward's reply in the thread: "Re: " and the thread's subject. */
export function replySubject(subject: string): string {
  const base = baseSubject(subject);
  return base ? `Re: ${base}` : 'Re:';
}
