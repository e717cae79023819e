/** The inbox: counters as quick filters, the filter form, one page of cases, newest first. */
import type { InboxQuery } from '../../domain/inbox';
import { ARCHIVE, INBOX_UI as T, SIDEBAR } from '../../i18n/vi';
import { STATUS } from '../../domain/case';
import type { InboxResponse } from '../server/cases-rpc';
import { claim, el, field, options, select, status } from './dom';
import { callServer } from './rpc';

export interface InboxHandlers {
  open(code: string, row: number): void;
}

export function renderInbox(root: HTMLElement, query: InboxQuery, handlers: InboxHandlers): void {
  const current = claim(root);
  root.replaceChildren(status('info', SIDEBAR.loading));
  callServer('getInbox', query)
    .then((page) => current() && root.replaceChildren(...inboxView(page, query, root, handlers)))
    .catch((e: Error) => current() && root.replaceChildren(status('error', e.message)));
}

function inboxView(page: InboxResponse, query: InboxQuery, root: HTMLElement, handlers: InboxHandlers): HTMLElement[] {
  const go = (q: InboxQuery) => renderInbox(root, q, handlers);
  const counters = el('div', { class: 'counters', role: 'group', 'aria-label': T.countersLabel });
  for (const [key, label] of Object.entries(T.counters) as Array<[keyof InboxResponse['counters'], string]>) {
    const filter = key === 'new' ? { status: STATUS.new } : { status: key };
    const button = el('button', { type: 'button', class: `counter ${key}`, 'aria-pressed': String(query.status === filter.status) }, el('strong', { text: String(page.counters[key]) }), el('span', { text: label }));
    button.addEventListener('click', () => go(query.status === filter.status ? {} : filter));
    counters.append(button);
  }

  const form = el('form', { class: 'filters' });
  const text = el('input', { name: 'text', type: 'search', value: query.text ?? '' });
  // Where to look: the cases tab, or a year's archive (read-only cases) once there is one.
  const years = page.options.archiveYears;
  const where = years.length ? field(ARCHIVE.where, withValue(select('archive', [{ value: '', label: ARCHIVE.current }, ...years.map((y) => ({ value: String(y), label: ARCHIVE.year(y) }))]), query.archive)) : null;
  form.append(
    ...(where ? [where] : []),
    field(T.search, text),
    el(
      'details',
      { open: Boolean(query.category || query.group || query.body || query.channel || query.from || query.to || query.assignee) },
      el('summary', { text: T.filters }),
      field(T.status, withValue(select('status', options(page.options.statuses, T.all)), query.status)),
      field(T.category, withValue(select('category', options(page.options.categories, T.all)), query.category)),
      field(T.group, withValue(select('group', options(page.options.groups, T.all)), query.group)),
      field(T.body, withValue(select('body', options(page.options.bodies, T.all)), query.body)),
      field(T.channel, withValue(select('channel', options(page.options.channels, T.all)), query.channel)),
      field(T.assignee, el('input', { name: 'assignee', value: query.assignee ?? '' })),
      field(T.from, el('input', { name: 'from', type: 'date', value: query.from ?? '' })),
      field(T.to, el('input', { name: 'to', type: 'date', value: query.to ?? '' })),
    ),
    el('div', { class: 'row' }, el('button', { type: 'submit', text: T.apply }), el('button', { type: 'reset', class: 'secondary', text: T.clear })),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const q: InboxQuery = {};
    for (const k of ['archive', 'text', 'status', 'category', 'group', 'body', 'channel', 'assignee', 'from', 'to'] as const) {
      const v = String(data.get(k) ?? '').trim();
      if (v) q[k] = v;
    }
    go(q);
  });
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    go({});
  });

  const list = el('ol', { class: 'cases', 'aria-label': T.total(page.total) });
  for (const item of page.items) {
    const overdue = item.workingDaysLeft !== null && item.workingDaysLeft < 0;
    const link = el(
      'button',
      { type: 'button', class: `case${overdue ? ' overdue' : ''}${item.lowRating ? ' low-rating' : ''}` },
      el('span', { class: 'code', text: item.code }),
      el('span', { class: 'badge', text: item.status }),
      el('span', { class: 'meta', text: `${item.receivedOn} · ${item.group} · ${item.category}${item.suggested && item.category ? ` (${T.suggested})` : ''}` }),
      el('span', { class: 'due', text: T.due(item.dueOn, item.workingDaysLeft) }),
      item.callBack ? el('span', { class: 'callback', text: T.callBack }) : null,
      item.lowRating && item.rating !== null ? el('span', { class: 'low-rating', text: T.lowRating(item.rating) }) : null,
      el('span', { class: 'summary', text: item.summary }),
    );
    link.addEventListener('click', () => handlers.open(item.code, item.row));
    list.append(el('li', {}, link));
  }

  const pager = el('div', { class: 'pager' });
  const prev = el('button', { type: 'button', class: 'secondary', text: T.prev, disabled: page.page <= 1 });
  const next = el('button', { type: 'button', class: 'secondary', text: T.next, disabled: page.page >= page.pages });
  prev.addEventListener('click', () => go({ ...query, page: page.page - 1 }));
  next.addEventListener('click', () => go({ ...query, page: page.page + 1 }));
  pager.append(prev, el('span', { text: T.page(page.page, page.pages) }), next);

  return [counters, form, el('p', { class: 'muted', text: T.total(page.total) }), page.items.length ? list : status('info', T.empty), pager];
}

function withValue(s: HTMLSelectElement, value: string | undefined): HTMLSelectElement {
  s.value = value ?? '';
  return s;
}
