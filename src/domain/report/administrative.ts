/**
 * The administrative layout of Decree 30/2020/NĐ-CP (Appendix I), built once for every document a
 * clerk signs — the periodic report, the transfer slip, the reply letter:
 * - the letterhead: the issuing body left (capitals, bold, a short rule under it) and the national
 *   motto right ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in capitals, bold; "Độc lập - Tự do - Hạnh
 *   phúc" bold; a rule under it), then the number under the body and the place and date, in
 *   italics, under the motto;
 * - the closing row: "Nơi nhận:" (bold italic, 12 pt) with one recipient a line (11 pt), each
 *   starting "-" and ending ";", the office's archive last ("- Lưu: VT."), left; the signing
 *   authority and title (capitals, bold), room for the signature and seal, and the signer's name
 *   (bold), right.
 * Both are borderless layout tables: Docs has no tab stops a script can set, and a table keeps the
 * two columns side by side whatever the text's length.
 */
import { toYmd, type CivilDay } from '../calendar/civil-date';
import { OFFICIAL_DOC as T } from '../../i18n/documents';
import type { CellStyle, TableBlock, TextBlock } from './blocks';

/** Text width of the administrative A4 page (210 − 30 − 15 mm), shared by the letterhead's two columns. */
const LETTERHEAD_MM: [number, number] = [65, 100];
const CLOSING_MM: [number, number] = [80, 85];
/** Empty lines left for the signature and the seal. */
const SIGNATURE_ROOM = 4;

export interface LetterheadFields {
  /** "ỦY BAN MTTQ VIỆT NAM". */
  parentBody: string;
  /** "PHƯỜNG LƯU KIẾM". */
  localBody: string;
  /** "BAN THƯỜNG TRỰC" ('' when the body signs itself). */
  organ: string;
  /** The number line as printed: "Số:      /BC-MTTQ-BTT". */
  number: string;
  /** As placeAndDate makes it (or a template's fields standing for it). */
  placeAndDate: string;
}

export interface ClosingFields {
  /** As the settings hold them: mended by recipientLines. */
  recipients: readonly string[];
  /** "TM. BAN THƯỜNG TRỰC". */
  signFor: string;
  /** "CHỦ TỊCH". */
  signTitle: string;
  /** The signer's name; '' leaves the line for a hand-written name. */
  signer: string;
}

/**
 * Capitals as Vietnamese writes them (diacritics kept: "ủy" → "ỦY"); a template's {{field}} is
 * left as it is, to be filled (in capitals) at each printing.
 */
const caps = (s: string) => s.trim().replace(/\{\{\w+\}\}|[^{]+|\{/g, (part) => (part.startsWith('{{') ? part : part.toLocaleUpperCase('vi')));

/** "Lưu Kiếm, ngày 02 tháng 12 năm 2026": a day below 10 and a month below 3 get a leading 0 (Decree 30). */
export function placeAndDate(place: string, day: CivilDay): string {
  const { year, month, day: d } = toYmd(day);
  return T.placeAndDate(place, d < 10 ? `0${d}` : String(d), month < 3 ? `0${month}` : String(month), year);
}

export function letterhead(h: LetterheadFields): TableBlock {
  const body = [h.parentBody, h.localBody, h.organ].map(caps).filter(Boolean);
  const bodyStyle: CellStyle = { bold: true, align: 'center' };
  const mottoStyle: CellStyle = { bold: true, align: 'center', lines: [{ size: 12 }] };
  return {
    type: 'table',
    layout: true,
    rows: [
      [[...body, T.bodyRule].join('\n'), [T.motto, T.mottoSub, T.mottoRule].join('\n')],
      [h.number, h.placeAndDate],
    ],
    cellStyles: [
      [bodyStyle, mottoStyle],
      [{ align: 'center' }, { align: 'center', italic: true }],
    ],
    widthsMm: LETTERHEAD_MM,
  };
}

/**
 * The recipients as "Nơi nhận" prints them: whatever an admin typed (with or without a dash, a
 * ";" or a "."), one a line, "- … ;", the archive ("Lưu: …") last and ending with ".", added when
 * missing.
 */
export function recipientLines(recipients: readonly string[]): string[] {
  const items = recipients.map((r) => r.trim().replace(/^[-–•]\s*/, '').replace(/[\s;.,]+$/, '')).filter(Boolean);
  const isArchive = (r: string) => /^lưu\b/i.test(r);
  const archive = items.find(isArchive) ?? T.archive;
  return [...items.filter((r) => !isArchive(r)).map((r) => `- ${r};`), `- ${archive}.`];
}

export function signatureBlock(c: ClosingFields): TableBlock {
  const recipients = [T.recipients, ...recipientLines(c.recipients)];
  const signature = [caps(c.signFor), caps(c.signTitle), ...Array.from({ length: SIGNATURE_ROOM }, () => ''), c.signer.trim()].filter((line, i) => i > 1 || line !== '');
  return {
    type: 'table',
    layout: true,
    rows: [[recipients.join('\n'), signature.join('\n')]],
    cellStyles: [[{ lines: recipients.map((_, i) => (i === 0 ? { bold: true, italic: true, size: 12 } : { size: 11 })) }, { bold: true, align: 'center' }]],
    widthsMm: CLOSING_MM,
    // "TM. BAN THƯỜNG TRỰC" on one page and the name on the next is no signature block.
    keepRowsWhole: true,
  };
}

/**
 * The document's last paragraph and the signature block after it, kept on one page: a signature
 * block alone at the top of a page signs nothing the reader can see (Decree 30 puts it right
 * under the text).
 */
export function signedEnd(last: TextBlock, c: ClosingFields): [TextBlock, TableBlock] {
  return [{ ...last, keepWithNext: true }, signatureBlock(c)];
}
