/**
 * The periodic report (quarterly, 6-month, yearly, monthly, custom) as a document, drawn from the
 * report model only: the administrative layout of Decree 30/2020/NĐ-CP (letterhead, number,
 * place and date, title, sections I–V, appendix, recipients, signature), tables of real figures
 * and two charts. It carries no personal data: codes, dates, groups, categories, bodies, counts.
 * Where judgement is needed (evaluation, direction), it leaves marked placeholders for staff.
 */
import { formatVietnameseDate, vietnamDayOf, type CivilDay } from '../calendar/civil-date';
import type { ReportSettings } from '../settings';
import { isQrChannel, UNCLASSIFIED } from '../case';
import { REPORT_DOC as T } from '../../i18n/reports';
import { letterhead, placeAndDate, signedEnd } from './administrative';
import { A4_ADMINISTRATIVE, p, type Block, type DocumentSpec } from './blocks';
import { QR_TARGET, type PeriodFigures, type ReportCase, type ReportModel } from './types';

export interface AppendixRow {
  code: string;
  receivedOn: string;
  group: string;
  category: string;
  channel: string;
  status: string;
}

/** The cases of the period for the appendix: what was received, with no content and no name. */
export function appendixRows(cases: ReadonlyArray<Pick<ReportCase, 'code' | 'receivedAt' | 'group' | 'category' | 'channel' | 'status'>>, from: CivilDay, to: CivilDay): AppendixRow[] {
  return cases
    .filter((c) => {
      const d = vietnamDayOf(c.receivedAt);
      return d >= from && d <= to;
    })
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.code.localeCompare(b.code))
    .map((c) => ({ code: c.code, receivedOn: formatVietnameseDate(vietnamDayOf(c.receivedAt)), group: c.group, category: c.category || UNCLASSIFIED, channel: c.channel, status: c.status }));
}

const num = (n: number) => n.toLocaleString('vi-VN');
const pct = (part: number, whole: number) => (whole > 0 ? `${(Math.round((part / whole) * 1000) / 10).toLocaleString('vi-VN')}%` : '—');
const share = (x: number | null) => (x === null ? '—' : `${(Math.round(x * 1000) / 10).toLocaleString('vi-VN')}%`);
const days = (x: number | null) => (x === null ? '—' : x.toLocaleString('vi-VN'));

function onTimeRate(f: PeriodFigures): number | null {
  const due = f.answered + f.overdue.filter((o) => o.open).length;
  return due > 0 ? f.answeredOnTime / due : null;
}

export interface ReportDocumentInput {
  model: ReportModel;
  committee: string;
  header: ReportSettings;
  today: CivilDay;
  /** 1 for the first Doc of this period, 2… for later versions. */
  version: number;
  appendix: AppendixRow[];
}

function comparison(model: ReportModel): Block[] {
  const C = T.comparison;
  const cols: Array<[string, PeriodFigures]> = [[C.current, model.current]];
  if (model.previous) cols.push([C.previous, model.previous]);
  if (model.lastYear) cols.push([C.lastYear, model.lastYear]);
  if (cols.length === 1) return [];
  const row = (label: string, f: (x: PeriodFigures) => string): string[] => [label, ...cols.map(([, x]) => f(x))];
  return [
    p(C.intro, { italic: true }),
    {
      type: 'table',
      rows: [
        [C.measure, ...cols.map(([label, x]) => `${label}\n(${x.period.label})`)],
        row(C.received, (x) => num(x.received)),
        row(C.qrShare, (x) => share(x.qrShare)),
        row(C.answered, (x) => num(x.answered)),
        row(C.onTimeRate, (x) => share(onTimeRate(x))),
        row(C.open, (x) => num(x.open)),
        row(C.averageDays, (x) => days(x.averageWorkingDaysToAnswer)),
      ],
    },
  ];
}

export function reportDocument(input: ReportDocumentInput): DocumentSpec {
  const { model, header, committee } = input;
  const f = model.current;
  const label = f.period.label;
  const lower = label.charAt(0).toLowerCase() + label.slice(1);
  const openLate = f.overdue.filter((o) => o.open).length;
  const openInTime = f.open - openLate;
  const qr = f.byChannel.filter((c) => isQrChannel(c.key)).reduce((n, c) => n + c.count, 0);
  const I = T.intake;
  const H = T.handling;
  const O = T.oversight;
  const E = T.evaluation;
  const D = T.direction;
  const A = T.appendix;
  const blocks: Block[] = [
    letterhead({ ...header, number: T.number(header.numberSuffix), placeAndDate: placeAndDate(header.place, input.today) }),
    p(T.title, { heading: 'title', bold: true, align: 'center', size: 14 }),
    p(T.subtitle(lower), { bold: true, align: 'center' }),
    p(T.span(formatVietnameseDate(f.period.from), formatVietnameseDate(f.period.to), formatVietnameseDate(model.asOf)), { italic: true, align: 'center' }),

    p(I.heading, { heading: 'section', bold: true }),
    p(I.summary({ period: label, committee, received: num(f.received), qr: num(qr), qrShare: share(f.qrShare), target: share(QR_TARGET), verdict: f.qrShare === null ? I.targetNoData : f.qrShare > QR_TARGET ? I.targetMet : I.targetMissed }), { align: 'justify' }),
    p(I.groups(num(f.groupsWithAny), num(f.groupsTotal), f.silentGroups), { align: 'justify' }),
    p(I.byChannel, { heading: 'subsection', bold: true }),
    { type: 'table', rows: [[I.channel, I.count, I.share], ...f.byChannel.map((c) => [c.key, num(c.count), pct(c.count, f.received)])] },
    p(I.byCategory, { heading: 'subsection', bold: true }),
    { type: 'table', rows: [[I.category, I.count, I.share], ...f.byCategory.map((c) => [c.key, num(c.count), pct(c.count, f.received)])] },
    { type: 'chart', kind: 'bar', title: I.categoryChart(label), columns: [I.category, I.count], rows: f.byCategory.map((c) => [c.key, c.count] as [string, number]), width: 600, height: Math.max(220, 60 + 32 * f.byCategory.length), colors: ['#1a5fb4'] },
    p(I.byGroup, { heading: 'subsection', bold: true }),
    { type: 'table', rows: [[I.group, I.count], ...f.byGroup.map((g) => [g.key, num(g.count)])] },
    ...comparison(model),

    p(H.heading, { heading: 'section', bold: true }),
    p(H.summary({ asOf: formatVietnameseDate(model.asOf), answered: num(f.answered), received: num(f.received), answeredShare: pct(f.answered, f.received), onTime: num(f.answeredOnTime), normalDays: model.deadlineDays.normal, complexDays: model.deadlineDays.complex, late: num(f.answeredLate), closed: num(f.closedWithoutAnswer), open: num(f.open), openLate: num(openLate) }), { align: 'justify' }),
    {
      type: 'table',
      rows: [
        [H.outcome, I.count, I.share],
        [H.answeredOnTime, num(f.answeredOnTime), pct(f.answeredOnTime, f.received)],
        [H.answeredLate, num(f.answeredLate), pct(f.answeredLate, f.received)],
        [H.closedWithoutAnswer, num(f.closedWithoutAnswer), pct(f.closedWithoutAnswer, f.received)],
        [H.openInTime, num(openInTime), pct(openInTime, f.received)],
        [H.openLate, num(openLate), pct(openLate, f.received)],
        [H.total, num(f.received), f.received ? '100%' : '—'],
      ],
    },
    { type: 'chart', kind: 'pie', title: H.chart(label), columns: [H.outcome, I.count], rows: [[H.chartOnTime, f.answeredOnTime], [H.chartLate, f.answeredLate], [H.openInTime, openInTime], [H.openLate, openLate], [H.closedWithoutAnswer, f.closedWithoutAnswer]], width: 600, height: 320, colors: ['#2e7d32', '#ef6c00', '#1a5fb4', '#c62828', '#9e9e9e'] },
    p(H.timeToAnswer(days(f.averageWorkingDaysToAnswer), days(f.medianWorkingDaysToAnswer))),
    p(f.satisfaction.rated ? H.satisfaction(num(f.satisfaction.rated), days(f.satisfaction.average)) : H.noSatisfaction),
    p(H.misuse(num(f.misuse), num(f.misuseTransferred), num(f.misuse - f.misuseTransferred))),

    p(O.heading, { heading: 'section', bold: true }),
    p(O.bodies, { heading: 'subsection', bold: true }),
    {
      type: 'table',
      rows: [
        [O.body, O.assigned, O.answered, O.onTimeRate, O.keptCommitted],
        ...f.byBody.map((b) => [b.body, num(b.assigned), num(b.answered), share(b.onTimeRate), b.committed ? `${num(b.keptCommitted)}/${num(b.committed)}` : '—']),
      ],
    },
    p(O.overdue, { heading: 'subsection', bold: true }),
    f.overdue.length
      ? { type: 'table', long: true, rows: [[O.code, O.category, O.body, O.daysLate, O.state], ...f.overdue.map((o) => [o.code, o.category, o.body || '—', num(o.workingDaysLate), o.open ? O.stillOpen : O.answeredLate])] }
      : p(O.noneOverdue),
    p(O.placeholder, { placeholder: true }),

    p(E.heading, { heading: 'section', bold: true }),
    p(E.strengths, { heading: 'subsection', bold: true }),
    p(E.strengthsPlaceholder, { placeholder: true }),
    p(E.weaknesses, { heading: 'subsection', bold: true }),
    p(E.weaknessesPlaceholder, { placeholder: true }),

    p(D.heading, { heading: 'section', bold: true }),
    ...(f.silentGroups.length ? [p(D.placeholder, { placeholder: true }), ...signedEnd(p(D.silentGroups(f.silentGroups.length), { align: 'justify' }), header)] : signedEnd(p(D.placeholder, { placeholder: true }), header)),

    { type: 'pageBreak' },
    p(A.heading, { heading: 'section', bold: true, align: 'center' }),
    p(A.intro(lower), { italic: true, align: 'center' }),
    input.appendix.length
      ? { type: 'table', long: true, rows: [[A.code, A.receivedOn, A.group, A.category, A.channel, A.status], ...input.appendix.map((r) => [r.code, r.receivedOn, r.group, r.category, r.channel, r.status])] }
      : p(A.empty),
  ].filter((b): b is Block => b !== null);
  return { name: T.name(label, input.version), page: A4_ADMINISTRATIVE, font: { family: 'Times New Roman', size: 13 }, blocks };
}
