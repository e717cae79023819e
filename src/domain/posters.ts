/**
 * The QR posters and the sticker sheet. A poster is one A4 page per place a QR code is posted —
 * every residential group, the ward office, the public service centre — each with its own form
 * link (the group, or the place, is chosen in advance, so the ward knows where each opinion came
 * from), in plain Vietnamese for elderly residents: the steps, the promise of confidentiality and
 * of an answer within 7 working days, where to see results (the results board's QR), and the
 * paper mailbox for those without a phone. The stickers carry the same codes, small, to cut out.
 */
import { POSTER_DOC as T, STICKER_DOC } from '../i18n/documents';
import { qrGif } from './qr';
import { p, type Block, type DocumentSpec, type ImageBlock, A4_ADMINISTRATIVE } from './report/blocks';

export type PosterPlace = 'group' | 'office' | 'centre';

export interface PosterTarget {
  /** The group's name, or the office's / the centre's. */
  title: string;
  place: PosterPlace;
  /** The form, with the group (or the place) chosen in advance. */
  formUrl: string;
  /** The results board: the group's, or the whole ward's ('' when the web app is not deployed). */
  boardUrl: string;
}

/**
 * The web app's own form for each place (the setting "Biểu mẫu trên trang web"): a group's link
 * names its group and the place, the office's and the centre's only their place — as the Google
 * Form's prefilled links do. Short links: a smaller QR symbol than a prefilled form's.
 */
export function webFormLinks(base: string, groups: readonly string[], officeTitle: string, centreTitle: string): Array<{ title: string; place: PosterPlace; url: string }> {
  const link = (place: PosterPlace, group?: string) => `${base}?v=form&place=${place}${group === undefined ? '' : `&group=${encodeURIComponent(group)}`}`;
  return [
    ...groups.map((g) => ({ title: g, place: 'group' as const, url: link('group', g) })),
    { title: officeTitle, place: 'office' as const, url: link('office') },
    { title: centreTitle, place: 'centre' as const, url: link('centre') },
  ];
}

export const POSTER_QR_PX = 300;
const BOARD_QR_PX = 150;
/**
 * The sticker's code: its symbol (modules only) 4 cm across — what a phone reads from a hand's
 * length, slightly out of focus, for links as long as a prefilled form's (version 11, 61 modules:
 * modules of 0.66 mm) — plus its quiet zone of 4 modules each side.
 */
export const STICKER_QR_MM = 40;
/** Docs sizes images in pixels of 1/96 inch. */
const PX_PER_MM = 96 / 25.4;
export const STICKERS_PER_ROW = 3;
export const STICKER_ROWS_PER_PAGE = 4;

/**
 * Cut-out sheets (stickers, slips): A4 with 12 mm margins left and right and 10 mm top and bottom
 * (as much as office printers print) — nothing is filed or bound, and four rows of 4 cm codes with
 * their quiet zones need the height.
 */
export const A4_CUT_OUT: DocumentSpec['page'] = { widthMm: 210, heightMm: 297, marginTopMm: 10, marginBottomMm: 10, marginLeftMm: 12, marginRightMm: 12 };

/** A QR code as a centred image block: `px` shown, `cell` pixels per module in the GIF; its alt text is the link. */
export function qrImage(url: string, name: string, px: number, cell = 8): ImageBlock {
  const qr = qrGif(url, cell);
  return { type: 'image', base64: qr.base64, mimeType: 'image/gif', name, width: px, height: px, title: url, align: 'center' };
}

/**
 * A QR code whose symbol is `symbolMm` across when printed, its quiet zone around it: the shown
 * size follows the link's length (a longer link has more, smaller modules at a given size). The
 * GIF has 8 pixels a module, so a 4 cm code prints sharp at 300 dpi.
 */
export function qrImageOfSymbol(url: string, name: string, symbolMm: number): ImageBlock {
  const cell = 8;
  const qr = qrGif(url, cell);
  const modules = qr.size / cell - 8;
  const px = Math.ceil((symbolMm * PX_PER_MM * (modules + 8)) / modules);
  return { type: 'image', base64: qr.base64, mimeType: 'image/gif', name, width: px, height: px, title: url, align: 'center' };
}

export function posterDocument(targets: PosterTarget[], committee: string, normalDays: number): DocumentSpec {
  const blocks: Block[] = [];
  targets.forEach((t, i) => {
    if (i > 0) blocks.push({ type: 'pageBreak' });
    blocks.push(
      p(committee.toUpperCase(), { bold: true, align: 'center', size: 14 }),
      p(T.title, { heading: 'title', bold: true, align: 'center', size: 30 }),
      p(T.subtitle(t.title), { bold: true, align: 'center', size: 20 }),
      qrImage(t.formUrl, T.qrName(t.title), POSTER_QR_PX),
      p(T.howTo, { bold: true, size: 16 }),
      p(T.steps, { size: 16 }),
      p(T.promise(normalDays), { bold: true, size: 16 }),
      p(T.paperMailbox(t.place === 'group'), { size: 15 }),
    );
    if (t.boardUrl) {
      blocks.push(
        p(t.place === 'group' ? T.groupResults : T.wardResults, { size: 14, align: 'center' }),
        qrImage(t.boardUrl, T.resultsQrName(t.title), BOARD_QR_PX, 4),
      );
    }
  });
  return { name: T.name(countLabel(targets)), page: A4_ADMINISTRATIVE, font: { family: 'Arial', size: 14 }, blocks };
}

/** "40 tổ dân phố, trụ sở Ủy ban, Trung tâm Phục vụ hành chính công"; one place: its name. */
function countLabel(targets: PosterTarget[]): string {
  if (targets.length === 1) return targets[0].title;
  const groups = targets.filter((t) => t.place === 'group').length;
  const others = targets.filter((t) => t.place !== 'group').map((t) => (t.place === 'office' ? T.office : T.centre));
  return [T.groups(groups), ...others].join(', ');
}

/**
 * The sticker sheet: one small sticker per place (its QR code, its name, one line of help), three
 * across and four down on each A4 page — a table per page, so no sticker is split by a page end.
 * Short lines only: a sticker is 62 mm wide, and a wrapped line would push the last row off the page.
 */
export function stickerDocument(targets: PosterTarget[]): DocumentSpec {
  const blocks: Block[] = [];
  const perPage = STICKERS_PER_ROW * STICKER_ROWS_PER_PAGE;
  for (let start = 0; start < targets.length; start += perPage) {
    if (start > 0) blocks.push({ type: 'pageBreak' });
    const page = targets.slice(start, start + perPage);
    const rows: string[][] = [];
    const cellImages: Array<{ row: number; col: number; image: ImageBlock }> = [];
    page.forEach((t, i) => {
      const row = Math.floor(i / STICKERS_PER_ROW);
      const col = i % STICKERS_PER_ROW;
      if (!rows[row]) rows[row] = Array.from({ length: STICKERS_PER_ROW }, () => '');
      rows[row][col] = STICKER_DOC.text(t.title);
      cellImages.push({ row, col, image: qrImageOfSymbol(t.formUrl, STICKER_DOC.qrName(t.title), STICKER_QR_MM) });
    });
    blocks.push({
      type: 'table',
      rows,
      cutOut: { borderPt: 0.5, color: '#9e9e9e' },
      widthsMm: Array.from({ length: STICKERS_PER_ROW }, () => (210 - 24) / STICKERS_PER_ROW),
      size: 10,
      cellImages,
      cellStyles: rows.map((r) => r.map((text) => (text ? { align: 'center' as const, heading: 13 } : undefined))),
    });
  }
  return { name: STICKER_DOC.name(countLabel(targets)), page: A4_CUT_OUT, font: { family: 'Arial', size: 10 }, blocks };
}
