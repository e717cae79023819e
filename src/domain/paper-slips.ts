/**
 * Paper slips for the paper mailbox (the plan keeps it as a backup for residents without a
 * phone). Each slip is printed with its case code, in a sequence of its own (case-code.ts), and a
 * tear-off stub the resident keeps: the same code and the lookup key, so a resident who wrote on
 * paper can follow the case like one who used the form. Two slips per A4 page; a slip is a
 * table row — the form on the left, the stub on the right, the border is where to cut.
 */
import { PAPER_SLIP_DOC as T } from '../i18n/documents';
import { A4_CUT_OUT, qrImage } from './posters';
import { p, type Block, type DocumentSpec, type LineStyle } from './report/blocks';

export interface PaperSlip {
  code: string;
  /** As printed: "K7M2-QX9P". */
  lookupKey: string;
  /** The lookup page with this code and key ('' when the web app is not deployed). */
  lookupUrl: string;
}

export interface PaperSlipSheet {
  group: string;
  committee: string;
  normalDays: number;
  /** How to reach the ward (phone, office hours): for residents who cannot use the lookup page. */
  contact: string;
  paperSlips: PaperSlip[];
}

export const PAPER_SLIPS_PER_PAGE = 2;
export const MAX_PAPER_SLIPS = 40;
export const STUB_QR_PX = 96;

/**
 * The lines residents write on, ruled for an elderly hand: underscores at 20 points make a solid
 * rule every 26.4 points (9.3 mm — Docs lays a line at 1.32 times its text's size), wide enough
 * for a hand that shakes; 30 of them stay on one line of the form's column (117 mm of 130).
 */
const WRITING_PT = 20;
const RULE = '_'.repeat(30);
/** Lines for the content; the back of the slip takes more (the label says so). */
const CONTENT_LINES = 5;

interface FormLine {
  text: string;
  style?: LineStyle;
}

function formLines(s: PaperSlipSheet, paperSlip: PaperSlip): FormLine[] {
  const rule: FormLine = { text: RULE, style: { size: WRITING_PT } };
  return [
    { text: T.title, style: { bold: true, size: 13 } },
    { text: T.mailbox(s.committee) },
    { text: T.group(s.group) },
    { text: T.code(paperSlip.code) },
    { text: T.content },
    ...Array.from({ length: CONTENT_LINES }, () => rule),
    { text: T.location },
    rule,
    { text: T.nameAndPhone },
    rule,
    { text: T.confidential },
    { text: T.howTo(s.normalDays) },
  ];
}

export function paperSlipFormText(s: PaperSlipSheet, paperSlip: PaperSlip): string {
  return formLines(s, paperSlip)
    .map((l) => l.text)
    .join('\n');
}

export function paperSlipStubText(s: PaperSlipSheet, paperSlip: PaperSlip): string {
  return [
    T.stubTitle,
    T.stubCode,
    paperSlip.code,
    T.stubLookupKey,
    paperSlip.lookupKey,
    paperSlip.lookupUrl ? T.stubScan : '',
    T.stubContact(s.contact),
  ]
    .filter(Boolean)
    .join('\n');
}

export function paperSlipDocument(s: PaperSlipSheet): DocumentSpec {
  const blocks: Block[] = [];
  for (let start = 0; start < s.paperSlips.length; start += PAPER_SLIPS_PER_PAGE) {
    if (start > 0) blocks.push({ type: 'pageBreak' });
    const page = s.paperSlips.slice(start, start + PAPER_SLIPS_PER_PAGE);
    const cellImages = page.flatMap((paperSlip, row) => (paperSlip.lookupUrl ? [{ row, col: 1, image: qrImage(paperSlip.lookupUrl, T.stubQrName(paperSlip.code), STUB_QR_PX, 3) }] : []));
    blocks.push({
      type: 'table',
      rows: page.map((paperSlip) => [paperSlipFormText(s, paperSlip), paperSlipStubText(s, paperSlip)]),
      cutOut: { borderPt: 1, color: '#757575' },
      widthsMm: [134, 52],
      size: 10,
      cellImages,
      cellStyles: page.map((paperSlip) => [{ lines: formLines(s, paperSlip).map((l) => l.style) }, { align: 'center' as const }]),
    });
    if (page.length > 1 || start + PAPER_SLIPS_PER_PAGE < s.paperSlips.length) blocks.push(p(T.cutHere, { size: 8, italic: true, align: 'center' }));
  }
  const first = s.paperSlips[0]?.code ?? '';
  const last = s.paperSlips[s.paperSlips.length - 1]?.code ?? '';
  return { name: T.name(s.group, first, last), page: A4_CUT_OUT, font: { family: 'Arial', size: 10 }, blocks };
}
