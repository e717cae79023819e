/**
 * The monthly publication for the notice board: the month's answered and closed cases with their
 * staff-approved public summary and answer (scrubbed), and totals — laid out as data from
 * domain/publication only. Residents read it: large print, no names, no contact details.
 */
import { formatVietnameseDate, type CivilDay } from '../calendar/civil-date';
import type { Publication } from '../publication';
import { PUBLICATION_DOC as T } from '../../i18n/reports';
import { A4_ADMINISTRATIVE, p, type Block, type DocumentSpec } from './blocks';

export function publicationDocument(pub: Publication, committee: string, today: CivilDay, version: number): DocumentSpec {
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
      { type: 'table', rows: [[T.code, T.receivedOn, T.group, T.category, T.outcome, T.content], ...pub.rows.map((r) => [r.code, r.receivedOn, r.group, r.category, r.outcome || r.status, [r.summary && T.summary(r.summary), r.answer && T.answer(r.answer)].filter(Boolean).join('\n') || '—'])] },
    );
  } else blocks.push(p(T.none));
  blocks.push(
    p(T.byCategory, { heading: 'section', bold: true, size: 14 }),
    { type: 'table', rows: [[T.category, T.count], ...pub.totals.byCategory.map((c) => [c.category, String(c.count)])] },
    p(T.byGroup, { heading: 'section', bold: true, size: 14 }),
    { type: 'table', rows: [[T.group, T.count], ...pub.totals.byGroup.map((g) => [g.group, String(g.count)])] },
    p(T.smallGroups, { italic: true }),
  );
  return { name: T.name(pub.label, version), page: A4_ADMINISTRATIVE, font: { family: 'Times New Roman', size: 14 }, blocks };
}
