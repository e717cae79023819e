/**
 * The sidebar: who is signed in, the inbox and the case view for every role, and entering cases
 * from other channels for admins. All rendering goes through textContent (see dom.ts).
 */
import type { InboxQuery } from '../../domain/inbox';
import { CASE_UI, INBOX_UI, SIDEBAR as T } from '../../i18n/vi';
import type { SidebarState } from '../server/staff-rpc';
import { docLink, renderCase } from './case-view';
import { claim, el, status } from './dom';
import { entryForm } from './entry';
import { renderInbox } from './inbox';
import { reportsView } from './reports';
import { renderDashboard } from './dashboard';
import { renderLinks } from './links';
import { senderSearch } from './sender-search';
import { PORTAL } from '../../i18n/vi';
import { REPORTS } from '../../i18n/vi';
import { callServer } from './rpc';

function app(root: HTMLElement, state: SidebarState): void {
  const main = el('div', { class: 'view' });
  let lastQuery: InboxQuery = {};
  const tabs = el('nav', { class: 'tabs', 'aria-label': T.sections });
  const extra: HTMLElement[] = [];
  const inboxTab = el('button', { type: 'button', text: INBOX_UI.tabInbox, 'aria-current': 'page' });
  tabs.append(inboxTab);
  // The highlighted tab is the view shown, however it was reached (a dashboard figure opens the inbox).
  const current = (tab: HTMLElement) => {
    for (const t of Array.from(tabs.children)) t.removeAttribute('aria-current');
    tab.setAttribute('aria-current', 'page');
  };
  const showInbox = (q: InboxQuery = lastQuery) => {
    lastQuery = q;
    current(inboxTab);
    renderInbox(main, q, { open: (code, row) => renderCase(main, code, row, { back: () => showInbox() }) });
  };
  inboxTab.addEventListener('click', () => showInbox());
  if (state.capabilities.includes('enterCase')) {
    const entryTab = el('button', { type: 'button', text: INBOX_UI.tabEntry });
    entryTab.addEventListener('click', () => {
      current(entryTab);
      claim(main);
      main.replaceChildren(entryForm(state));
    });
    const print = el('button', { type: 'button', class: 'secondary', text: CASE_UI.groupSheets });
    const printed = el('div', { 'aria-live': 'polite' });
    print.addEventListener('click', () => {
      print.disabled = true;
      callServer('createGroupAnswerSheets')
        .then((d) => printed.replaceChildren(docLink(d.name, d.url)))
        .catch((e: Error) => printed.replaceChildren(status('error', e.message)))
        .then(() => (print.disabled = false));
    });
    tabs.append(entryTab);
    extra.push(print, printed);
  }
  // A resident calling without their code: found by phone or name from any view (admins).
  if (state.capabilities.includes('findSender')) extra.unshift(senderSearch((code, row) => renderCase(main, code, row, { back: () => showInbox() })));
  if (state.capabilities.includes('viewDashboard')) {
    const dashboardTab = el('button', { type: 'button', text: REPORTS.dashboardTab });
    dashboardTab.addEventListener('click', () => {
      current(dashboardTab);
      renderDashboard(main, (q) => showInbox(q));
    });
    tabs.append(dashboardTab);
  }
  if (state.capabilities.includes('makeReports')) {
    const reportsTab = el('button', { type: 'button', text: REPORTS.tab });
    reportsTab.addEventListener('click', () => {
      current(reportsTab);
      claim(main);
      main.replaceChildren(reportsView(state));
    });
    tabs.append(reportsTab);
  }
  if (state.capabilities.includes('manageLinks')) {
    const linksTab = el('button', { type: 'button', text: PORTAL.tab });
    linksTab.addEventListener('click', () => {
      current(linksTab);
      renderLinks(main);
    });
    tabs.append(linksTab);
  }
  const header: HTMLElement[] = [el('p', { class: 'who', text: T.signedInAs(state.user, state.roleLabel) })];
  if (state.formUrl && state.capabilities.includes('setup')) header.push(el('details', { class: 'muted' }, el('summary', { text: T.formLink }), el('a', { href: state.formUrl, target: '_blank', rel: 'noopener', text: state.formUrl })));
  root.replaceChildren(...header, tabs, ...extra, main);
  showInbox({});
}

function start(root: HTMLElement): void {
  root.replaceChildren(status('info', T.loading));
  callServer('getSidebarState')
    .then((state) => {
      if (!state.ready) return root.replaceChildren(status('info', T.notSetUp));
      if (!state.role) return root.replaceChildren(status('info', T.noRole(state.user)));
      app(root, state);
    })
    .catch((error: Error) => {
      const retry = el('button', { type: 'button', text: T.retry });
      retry.addEventListener('click', () => start(root));
      root.replaceChildren(status('error', `${T.failed} (${error.message})`), retry);
    });
}

const root = document.getElementById('app');
if (root) start(root);
