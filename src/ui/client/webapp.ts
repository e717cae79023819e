/**
 * The public web app's page: the results board of a residential group and month, and the lookup
 * of one's own case (then, once answered, a rating). Everything shown comes through textContent —
 * summaries and answers are text, never markup.
 */
import { PORTAL as P, PUBLIC as T } from '../../i18n/vi';
import { FOLLOW_UP_LIMIT } from '../../domain/lookup';
import type { WebAppStart } from '../server/webapp';
import { el, field, status } from './dom';
import { callServer } from './rpc';
import { residentFormView } from './resident-form';
import { showPhotos } from './photos';
import { PHOTO_VIEW } from '../../i18n/photos';

type PublicCase = ReturnType<typeof import('../../server/index').lookupPublicCase>;
type BoardPage = ReturnType<typeof import('../../server/index').getPublicBoard>;
type PortalPage = ReturnType<typeof import('../../server/index').getPortal>;
type PortalCase = PortalPage['cases'][number];

const EMPTY: WebAppStart = { view: 'board', token: '', group: '', year: '', month: '', code: '', key: '' };

function readStart(): WebAppStart {
  const node = document.getElementById('start');
  try {
    return { ...EMPTY, ...(JSON.parse(node?.textContent ?? '{}') as Partial<WebAppStart>) };
  } catch {
    return EMPTY;
  }
}

function caseCard(rows: Array<[string, string]>, title: string, texts: Array<[string, string]> = []): HTMLElement {
  const dl = el('dl');
  for (const [k, v] of rows) if (v) dl.append(el('dt', { text: k }), el('dd', { text: v }));
  for (const [k, v] of texts) if (v) dl.append(el('dt', { text: k }), el('dd', {}, el('div', { class: 'text', text: v })));
  return el('article', { class: 'card' }, el('div', { class: 'code', text: title }), dl);
}

function boardView(root: HTMLElement, start: WebAppStart): void {
  const out = el('div', { 'aria-live': 'polite' }, status('info', T.loading));
  root.replaceChildren(el('h1', { text: T.title }), out);
  const show = (group: string, year: string, month: string) => {
    callServer('getPublicBoard', group, year, month)
      .then((b: BoardPage) => {
        const groupSelect = el('select', { name: 'group' });
        for (const g of b.groups) groupSelect.append(el('option', { value: g, text: g }));
        groupSelect.value = b.group;
        const monthSelect = el('select', { name: 'month' });
        for (const m of b.months) monthSelect.append(el('option', { value: `${m.year}-${m.month}`, text: m.label }));
        monthSelect.value = `${b.year}-${b.month}`;
        const go = el('button', { type: 'submit', text: T.show });
        const form = el('form', { class: 'choose' }, field(T.chooseGroup, groupSelect), field(T.chooseMonth, monthSelect), go);
        form.addEventListener('submit', (e) => {
          e.preventDefault();
          const [y, m] = monthSelect.value.split('-');
          out.replaceChildren(status('info', T.loading));
          show(groupSelect.value, y, m);
        });
        const C = T.columns;
        const cards = b.rows.map((r) => caseCard([[C.received, r.receivedOn], [C.category, r.category], [C.status, r.status], [C.due, r.dueOn]], r.code, [[T.summary, r.summary], [T.answer, r.answer]]));
        out.replaceChildren(
          form,
          el('h2', { text: T.boardTitle(b.group, b.label) }),
          ...(cards.length ? cards : [status('info', b.empty)]),
          el('p', { class: 'muted', text: T.totals(b.totals.total, b.totals.answered, b.totals.closed) }),
          el('p', { class: 'muted', text: T.folded }),
        );
      })
      .catch((e: Error) => out.replaceChildren(status('error', e.message)));
  };
  show(start.group, start.year, start.month);
}

function ratingForm(code: string, key: string, out: HTMLElement): HTMLElement {
  const set = el('fieldset', {}, el('legend', { text: T.rateTitle }));
  T.stars.forEach((label, i) => {
    const id = `star${i + 1}`;
    set.append(el('label', { for: id }, el('input', { type: 'radio', name: 'stars', id, value: String(i + 1), required: true }), label));
  });
  const comment = el('textarea', { name: 'comment', rows: '3', maxlength: '1000' });
  const send = el('button', { type: 'submit', text: T.rate });
  const form = el('form', { class: 'rate' }, set, field(T.comment, comment), send);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const stars = Number(new FormData(form).get('stars'));
    send.disabled = true;
    callServer('ratePublicAnswer', code, key, stars, comment.value)
      .then((r: PublicCase) => out.replaceChildren(resultCard(r, code, key, out), status('ok', T.rated(r.rating ?? stars))))
      .catch((error: Error) => {
        send.disabled = false;
        form.append(status('error', error.message));
      });
  });
  return form;
}

/** After a rating of 1–2: the resident says what is still unsolved; a new case, linked to this one. */
function followUpForm(code: string, key: string, out: HTMLElement): HTMLElement {
  const words = el('textarea', { name: 'followUp', rows: '5', maxlength: String(FOLLOW_UP_LIMIT), required: true });
  const send = el('button', { type: 'submit', text: T.followUpSend });
  const form = el('form', { class: 'follow-up' }, el('h2', { text: T.followUpTitle }), el('p', { class: 'muted', text: T.followUpHelp }), field(T.followUpText, words), send);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    send.disabled = true;
    callServer('followUpPublicCase', code, key, words.value)
      .then((r: PublicCase) => out.replaceChildren(resultCard(r, code, key, out)))
      .catch((error: Error) => {
        send.disabled = false;
        form.append(status('error', error.message));
      });
  });
  return form;
}

function resultCard(c: PublicCase, code: string, key: string, out: HTMLElement): HTMLElement {
  const card = caseCard([[T.columns.received, c.receivedOn], [T.columns.category, c.category], [T.status, c.status], [T.due, c.dueOn]], c.code, [[c.answeredOn ? T.answeredOn(c.answeredOn) : T.answer, c.answer]]);
  if (!c.answer) card.append(el('p', { class: 'muted', text: T.notYet }));
  if (c.canRate) card.append(ratingForm(code, key, out));
  if (c.canFollowUp) card.append(followUpForm(code, key, out));
  if (c.followUp) card.append(status('ok', T.followedUp(c.followUp.code, c.followUp.key)));
  return card;
}

function lookupView(root: HTMLElement, start: WebAppStart): void {
  const code = el('input', { name: 'code', autocomplete: 'off', autocapitalize: 'characters', value: start.code, required: true });
  const key = el('input', { name: 'key', autocomplete: 'off', autocapitalize: 'characters', value: start.key, required: true });
  const submit = el('button', { type: 'submit', text: T.lookup });
  const out = el('div', { 'aria-live': 'polite' });
  const form = el('form', { class: 'lookup' }, field(T.code, code), field(T.key, key), submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit.disabled = true;
    out.replaceChildren(status('info', T.searching));
    callServer('lookupPublicCase', code.value, key.value)
      .then((c: PublicCase) => out.replaceChildren(resultCard(c, code.value, key.value, out)))
      .catch((error: Error) => out.replaceChildren(status('error', error.message)))
      .then(() => (submit.disabled = false));
  });
  root.replaceChildren(el('h1', { text: T.lookupTitle }), el('p', { class: 'muted', text: T.lookupHelp }), form, out);
  if (start.code && start.key) form.requestSubmit();
}

/**
 * A handling body's member or a viewer, by their personal link: a work list (issue 18.3) — the
 * counts as the inbox counts them, overdue and due-soon cases first and marked, why a case was
 * reopened, the body's proposed answer and where it stands; a handler's forms folded under each
 * case. A viewer's page only reads.
 */
function portalView(root: HTMLElement, token: string): void {
  const render = (page: PortalPage, message?: HTMLElement) => {
    const reads = page.role !== 'handler';
    const list = page.cases.map((c) => portalCard(c, token, render));
    const counts = el('ul', { class: 'counts', 'aria-label': P.countsLabel });
    for (const k of ['overdue', 'dueSoon', 'open', 'done'] as const) counts.append(el('li', { class: page.counts[k] > 0 ? k : '', text: P.counts[k](page.counts[k]) }));
    root.replaceChildren(
      el('h1', { text: reads ? P.viewerTitle : P.title(page.body) }),
      el('p', { class: 'muted', text: P.signedAs(page.email, page.expiresOn) }),
      counts,
      el('p', { class: 'muted', text: reads ? P.viewerHelp : P.worklistHelp }),
      ...(message ? [message] : []),
      ...(list.length ? list : [status('info', P.none)]),
    );
  };
  root.replaceChildren(status('info', T.loading));
  callServer('getPortal', token)
    .then((page) => render(page))
    .catch((e: Error) => root.replaceChildren(status('error', e.message)));
}

/** How pressing a case is, in words (the mark's colour only repeats them). */
function markText(c: PortalCase): string {
  const left = c.left ?? 0;
  if (c.pressing === 'overdue') return P.marks.overdue(-left);
  if (c.pressing === 'dueSoon') return left === 0 ? P.marks.dueToday : P.marks.dueSoon(left);
  if (c.pressing === 'open') return P.marks.open(left);
  return P.marks.done;
}

/** One fact of a work-list card: "label: value" on a line that wraps (no columns to squeeze at 300 px). */
function fact(label: string, value: string): HTMLElement | null {
  return value ? el('p', { class: 'fact' }, el('span', { class: 'muted', text: `${label}: ` }), value) : null;
}

function portalCard(c: PortalCase, token: string, render: (p: PortalPage, m?: HTMLElement) => void): HTMLElement {
  const C = T.columns;
  // Compact, so the page reads as a list: code and mark, the dates that matter, where and what.
  const card = el(
    'article',
    { class: `card work pressing-${c.pressing}` },
    el('div', { class: 'code', text: c.code }),
    el('p', { class: `mark ${c.pressing}`, text: markText(c) }),
    fact(P.due, c.dueOn),
    fact(P.bodyDue, c.bodyDueOn),
    fact(C.status, c.status),
    el('p', { class: 'fact muted', text: [c.group, c.category, `${C.received.toLowerCase()} ${c.receivedOn}`].filter(Boolean).join(' · ') }),
    fact(P.location, c.location),
    el('div', { class: 'text', text: c.content }),
  );
  if (c.reopened) card.append(el('div', { class: 'reopened' }, el('strong', { text: P.reopenedOn(c.reopened.on) }), el('div', { class: 'text', text: c.reopened.reason })));
  if (c.proposal) {
    const p = c.proposal;
    card.append(
      el(
        'section',
        { class: `proposal state-${p.state}` },
        el('h2', { text: P.proposalTitle }),
        el('p', { class: 'proposal-state', text: `${P.proposalOn(p.on)}: ${P.proposalState[p.state]}${p.answeredOn ? ` ${P.answeredOn(p.answeredOn, p.method)}` : ''}` }),
        el('div', { class: 'text', text: p.text }),
      ),
    );
  }
  if (c.photos > 0) card.append(portalPhotos(c, token));
  if (c.mine.length) card.append(el('h2', { text: P.yourActions }), el('ul', {}, ...c.mine.map((m) => el('li', { text: `${m.at} — ${m.action}${m.detail ? `: ${m.detail}` : ''}` }))));
  if (!c.canAct) return card;
  const form = (kind: 'progress' | 'answer') => {
    // A proposal still waiting for review is there to be revised.
    const revising = kind === 'answer' && c.proposal?.state === 'awaitingReview';
    const text = el('textarea', { name: 'text', rows: '4', required: true });
    if (revising && c.proposal) text.value = c.proposal.text;
    const date = el('input', { name: 'bodyDueDate', type: 'date' });
    const send = el('button', { type: 'submit', text: P.save });
    const title = kind === 'progress' ? P.progress : revising ? P.reviseAnswer : P.answer;
    const f = el('form', { class: `portal-${kind}` }, kind === 'answer' ? el('p', { class: 'muted', text: P.answerHelp }) : null, field(kind === 'progress' ? P.progressText : P.answer, text), kind === 'progress' ? field(P.committed, date) : null, send);
    f.addEventListener('submit', (e) => {
      e.preventDefault();
      send.disabled = true;
      const input = kind === 'progress' ? { kind: 'progress' as const, text: text.value, bodyDueDate: date.value || undefined } : { kind: 'answer' as const, text: text.value };
      callServer('portalCaseAction', token, c.code, c.row, c.version, input)
        .then((p) => render(p, status('ok', P.saved)))
        .catch((error: Error) => {
          send.disabled = false;
          f.append(status('error', error.message));
        });
    });
    // Folded: the list stays a list; a tap opens the form.
    return el('details', { class: `portal-form portal-${kind}-form` }, el('summary', { text: title }), f);
  };
  card.append(form('progress'), form('answer'));
  return card;
}

/** The case's photos, loaded when the member opens them (each is up to 2 MB; an old phone on mobile data). */
function portalPhotos(c: PortalCase, token: string): HTMLElement {
  const host = el('div', { class: 'photo-panel', 'aria-live': 'polite' });
  const box = el('details', { class: 'portal-photos' }, el('summary', { text: `${PHOTO_VIEW.title} (${c.photos})` }), host);
  let loaded = false;
  box.addEventListener('toggle', () => {
    if (!box.open || loaded) return;
    loaded = true;
    host.replaceChildren(el('p', { class: 'muted', text: PHOTO_VIEW.loading }));
    callServer('getPortalPhotos', token, c.code)
      .then((got) => showPhotos(host, got))
      .catch((e: Error) => {
        loaded = false;
        host.replaceChildren(status('error', e.message));
      });
  });
  return box;
}

function app(root: HTMLElement, start: WebAppStart = readStart()): void {
  if (start.view === 'portal') return portalView(root, start.token);
  // After sending the form: the lookup, with the case's code and key filled in.
  if (start.view === 'form') return residentFormView(root, start, (code, key) => app(root, { ...start, view: 'lookup', code, key }));
  const view = el('div');
  const nav = el('nav', { class: 'views', 'aria-label': T.views });
  const boardButton = el('button', { type: 'button', text: T.boardView });
  const lookupButton = el('button', { type: 'button', text: T.lookupView });
  const select = (which: 'board' | 'lookup') => {
    boardButton.setAttribute('aria-current', String(which === 'board' ? 'page' : false));
    lookupButton.setAttribute('aria-current', String(which === 'lookup' ? 'page' : false));
    if (which === 'board') boardView(view, start);
    else lookupView(view, start);
  };
  boardButton.addEventListener('click', () => select('board'));
  lookupButton.addEventListener('click', () => select('lookup'));
  nav.append(boardButton, lookupButton);
  root.replaceChildren(nav, view);
  select(start.view === 'lookup' ? 'lookup' : 'board');
}

// doGet appends the start data after the page: read it once the whole document is parsed.
const root = document.getElementById('app');
if (root) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => app(root));
  else app(root);
}
