/**
 * The monthly publication for the notice board: the month's answered and closed cases with their
 * staff-approved public summary and answer (scrubbed), and totals — laid out as data from
 * domain/publication only. Residents read it: large print, no names, no contact details, and the
 * case's words and answer across most of the page.
 */
import { formatVietnameseDate, type CivilDay } from '../calendar/civil-date';
import type { Publication } from '../publication';
import { PUBLICATION_DOC as T } from '../../i18n/reports';
import { A4_ADMINISTRATIVE, p, type Block, type DocumentSpec, type ImageBlock } from './blocks';
import { PHOTO_VIEW } from '../../i18n/photos';

/**
 * The list's columns on the administrative page's 165 mm of text: the code over the day of receipt
 * (a code on one line), the group over the category and the result (the folded groups' line,
 * "Các tổ dân phố khác", on one line), and what the case says with its answer — the part
 * residents read — taking the rest, more than half.
 */
const LIST_MM = [34, 46, 85];
const TOTALS_MM = [125, 40];

/**
 * `photos`: residents' photos an admin approved for public use, of cases the publication lists
 * (services/reports/publication reads them): under their own heading, each under its case's code.
 */
export function publicationDocument(pub: Publication, committee: string, today: CivilDay, version: number, photos: Array<{ code: string; images: ImageBlock[] }> = []): DocumentSpec {
  const lower = pub.label.charAt(0).toLowerCase() + pub.label.slice(1);
  const blocks: Block[] = [
    p(committee.toUpperCase(), { bold: true, align: 'center' }),
    p(T.title, { heading: 'title', bold: true, align: 'center', size: 16 }),
    p(T.subtitle(lower), { bold: true, align: 'center', size: 14 }),
    p(T.posted(formatVietnameseDate(today)), { italic: true, align: 'center' }),
    p(T.totals(pub.totals.total, pub.totals.answered, pub.totals.closed), { size: 14 }),
  ];
  if (pub.rows.length) {
    blocks.push(
      p(T.list, { heading: 'section', bold: true, size: 14 }),
      {
        type: 'table',
        long: true,
        rows: [
          [`${T.code}\n${T.receivedOn}`, `${T.group}\n${T.category}\n${T.outcome}`, T.content],
          ...pub.rows.map((r) => [`${r.code}\n${r.receivedOn}`, `${r.group}\n${r.category}\n${r.outcome || r.status}`, [r.summary && T.summary(r.summary), r.answer && T.answer(r.answer)].filter(Boolean).join('\n') || '—']),
        ],
        widthsMm: LIST_MM,
      },
    );
  } else blocks.push(p(T.none));
  if (photos.length) {
    blocks.push(p(PHOTO_VIEW.publicationHeading, { heading: 'section', bold: true, size: 14 }));
    for (const c of photos) blocks.push(p(c.code, { bold: true }), ...c.images);
  }
  blocks.push(
    p(T.byCategory, { heading: 'section', bold: true, size: 14 }),
    { type: 'table', rows: [[T.category, T.count], ...pub.totals.byCategory.map((c) => [c.category, String(c.count)])], widthsMm: TOTALS_MM },
    p(T.byGroup, { heading: 'section', bold: true, size: 14 }),
    { type: 'table', rows: [[T.group, T.count], ...pub.totals.byGroup.map((g) => [g.group, String(g.count)])], widthsMm: TOTALS_MM },
    p(T.smallGroups, { italic: true }),
  );
  return { name: T.name(pub.label, version), page: A4_ADMINISTRATIVE, font: { family: 'Times New Roman', size: 14 }, blocks };
}
