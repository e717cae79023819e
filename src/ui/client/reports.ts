/** "Báo cáo": choose a period, get a new report Doc (admins). */
import { FORM, MENU, PAPER_SLIPS, REPORTS as T } from '../../i18n/vi';
import type { SidebarState } from '../server/staff-rpc';
import { docLink } from './case-view';
import { el, field, select, status } from './dom';
import { callServer } from './rpc';

type Kind = keyof typeof T.kinds;

function indexOptions(kind: Kind): Array<{ value: string; label: string }> {
  if (kind === 'month') return Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: T.monthOption(i + 1) }));
  if (kind === 'quarter') return ['I', 'II', 'III', 'IV'].map((r, i) => ({ value: String(i + 1), label: T.quarterOption(r) }));
  if (kind === 'half') return T.halves.map((label, i) => ({ value: String(i + 1), label }));
  return [];
}

export function reportsView(state: SidebarState): HTMLElement {
  // The server's today (Vietnam): the default is the current quarter of the current year.
  const [year, month] = state.now.slice(0, 7).split('-').map(Number);
  const kind = select('kind', (Object.keys(T.kinds) as Kind[]).map((k) => ({ value: k, label: T.kinds[k] })), true);
  const yearInput = el('input', { name: 'year', type: 'number', min: '2020', max: '2100', value: String(year), required: true });
  const indexSlot = el('div');
  const from = el('input', { name: 'from', type: 'date', required: true });
  const to = el('input', { name: 'to', type: 'date', required: true, value: state.now.slice(0, 10) });
  const custom = el('div', {}, field(T.from, from), field(T.to, to));
  const submit = el('button', { type: 'submit', text: T.make });
  const out = el('div', { 'aria-live': 'polite' });
  const form = el('form', { class: 'report', 'aria-label': T.title }, el('h2', { text: T.title }), el('p', { class: 'muted', text: T.help }), field(T.kind, kind), indexSlot, custom, submit, out);
  const yearField = field(T.year, yearInput);
  const refresh = () => {
    const k = kind.value as Kind;
    const options = indexOptions(k);
    const parts: HTMLElement[] = k === 'custom' ? [] : [yearField];
    if (options.length) {
      const index = select('index', options, true);
      index.value = String(k === 'month' ? month : k === 'quarter' ? Math.ceil(month / 3) : month <= 6 ? 1 : 2);
      parts.push(field(T.index[k as 'month' | 'quarter' | 'half'], index));
    }
    indexSlot.replaceChildren(...parts);
    custom.hidden = k !== 'custom';
    for (const input of [from, to]) input.required = k === 'custom';
  };
  kind.value = 'quarter';
  kind.addEventListener('change', refresh);
  refresh();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const k = kind.value as Kind;
    submit.disabled = true;
    out.replaceChildren(status('info', T.making));
    callServer('createReportDocument', { kind: k, year: Number(data.get('year') ?? year), index: data.get('index') ? Number(data.get('index')) : undefined, from: String(data.get('from') ?? ''), to: String(data.get('to') ?? '') })
      .then((d) => out.replaceChildren(docLink(d.name, d.url)))
      .catch((error: Error) => out.replaceChildren(status('error', error.message)))
      .then(() => (submit.disabled = false));
  });
  return el(
    'div',
    {},
    form,
    publicationForm(year, month),
    qrForm(T.posters, T.postersHelp, state, (place) => callServer('createQrPosters', place)),
    placeLinksBox(),
    qrForm(T.stickers, T.stickersHelp, state, (place) => callServer('createQrStickers', place)),
    paperSlipsForm(state),
  );
}

/** A form that makes one Doc and shows its link (or the refusal) under its button. */
function documentForm(title: string, help: string, fields: HTMLElement[], make: () => Promise<{ name: string; url: string }>): HTMLElement {
  const submit = el('button', { type: 'submit', text: title });
  const out = el('div', { 'aria-live': 'polite' });
  const form = el('form', { class: 'report', 'aria-label': title }, el('h2', { text: title }), el('p', { class: 'muted', text: help }), ...fields, submit, out);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit.disabled = true;
    out.replaceChildren(status('info', T.making));
    make()
      .then((d) => out.replaceChildren(docLink(d.name, d.url)))
      .catch((error: Error) => out.replaceChildren(status('error', error.message)))
      .then(() => (submit.disabled = false));
  });
  return form;
}

/** Posters or stickers: every place, or one (a torn poster reprinted). */
function qrForm(title: string, help: string, state: SidebarState, make: (place: string) => Promise<{ name: string; url: string }>): HTMLElement {
  const place = select('place', [{ value: '', label: MENU.allPlaces }, ...[...state.groups, FORM.placeOffice, FORM.placeCentre].map((g) => ({ value: g, label: g }))]);
  return documentForm(title, help, [field(MENU.place, place)], () => make(place.value));
}

/**
 * Each place's link as text, fetched only when opened (it costs Forms calls): a read-only field per
 * place, selected whole on focus so a clerk can copy it into the group's Zalo.
 */
function placeLinksBox(): HTMLElement {
  const list = el('div', { 'aria-live': 'polite' });
  const box = el('details', { class: 'place-links' }, el('summary', { text: T.placeLinks }), list);
  let loaded = false;
  box.addEventListener('toggle', () => {
    if (!box.open || loaded) return;
    loaded = true;
    list.replaceChildren(status('info', T.placeLinksLoading));
    callServer('getPlaceFormLinks')
      .then((links) =>
        list.replaceChildren(
          ...links.map((l) => {
            const input = el('input', { type: 'text', readonly: true, value: l.url });
            input.addEventListener('focus', () => input.select());
            return field(l.title, input);
          }),
        ),
      )
      .catch((error: Error) => {
        loaded = false;
        list.replaceChildren(status('error', error.message));
      });
  });
  return box;
}

/** "In phiếu góp ý giấy": slips with printed codes for one residential group. */
function paperSlipsForm(state: SidebarState): HTMLElement {
  const group = select('slipGroup', state.groups.map((g) => ({ value: g, label: g })), true);
  const count = el('input', { name: 'slipCount', type: 'number', min: '1', max: '40', value: '10', required: true });
  return documentForm(PAPER_SLIPS.title, PAPER_SLIPS.help, [field(PAPER_SLIPS.group, group), field(PAPER_SLIPS.count, count)], () => callServer('createPaperSlips', { group: group.value, count: Number(count.value) }));
}

/** The month's results for the notice board (default: last month). */
function publicationForm(year: number, month: number): HTMLElement {
  const prev = month === 1 ? { y: year - 1, m: 12 } : { y: year, m: month - 1 };
  const monthSelect = select('month', indexOptions('month'), true);
  monthSelect.value = String(prev.m);
  const yearInput = el('input', { name: 'year', type: 'number', min: '2020', max: '2100', value: String(prev.y), required: true });
  const submit = el('button', { type: 'submit', text: T.publication });
  const out = el('div', { 'aria-live': 'polite' });
  const form = el('form', { class: 'report', 'aria-label': T.publication }, el('h2', { text: T.publication }), el('p', { class: 'muted', text: T.publicationHelp }), field(T.index.month, monthSelect), field(T.year, yearInput), submit, out);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit.disabled = true;
    out.replaceChildren(status('info', T.making));
    callServer('createPublicationDocument', { year: Number(yearInput.value), month: Number(monthSelect.value) })
      .then((d) => out.replaceChildren(docLink(d.name, d.url)))
      .catch((error: Error) => out.replaceChildren(status('error', error.message)))
      .then(() => (submit.disabled = false));
  });
  return form;
}
