/**
 * The sidebar. For now: who is signed in, the form's address, and — for admins — entering a case
 * that came by the paper mailbox, in person, by phone, e-mail or Zalo.
 */
import { SIDEBAR as T } from '../../i18n/vi';
import type { SidebarState } from '../server/staff-rpc';
import { el, field, select } from './dom';
import { callServer } from './rpc';

function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

function status(kind: 'info' | 'error' | 'ok', text: string): HTMLElement {
  return el('p', { class: `status ${kind}`, role: kind === 'error' ? 'alert' : 'status', text });
}

function entryForm(state: SidebarState, onMessage: (node: HTMLElement) => void): HTMLFormElement {
  const form = el('form', { class: 'entry', 'aria-label': T.entryTitle });
  const content = el('textarea', { name: 'content', rows: '6', required: true });
  const receivedAt = el('input', { name: 'receivedAt', type: 'datetime-local', value: localNow(), required: true });
  const submit = el('button', { type: 'submit', text: T.save });
  form.append(
    el('h2', { text: T.entryTitle }),
    el('p', { class: 'muted', text: T.entryHelp }),
    field(T.channel, select('channel', state.channels.map((c) => ({ value: c.key, label: c.label })), true)),
    field(T.receivedAt, receivedAt),
    field(T.group, select('group', [...state.groups.map((g) => ({ value: g, label: g })), { value: '', label: T.groupOther }])),
    field(T.topic, select('topic', [{ value: '', label: T.topicNone }, ...state.categories.map((c) => ({ value: c, label: c }))])),
    field(T.content, content),
    field(T.location, el('input', { name: 'location' })),
    el('h3', { text: T.contactTitle }),
    field(T.name, el('input', { name: 'name', autocomplete: 'off' })),
    field(T.phone, el('input', { name: 'phone', inputmode: 'tel', autocomplete: 'off' })),
    field(T.email, el('input', { name: 'email', type: 'text', inputmode: 'email', autocomplete: 'off' })),
    el('div', { class: 'check' }, el('input', { type: 'checkbox', name: 'confidential', id: 'confidential' }), el('label', { for: 'confidential', text: T.confidential })),
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const value = (k: string) => String(data.get(k) ?? '');
    submit.disabled = true;
    submit.textContent = T.saving;
    callServer('submitStaffCase', {
      channel: value('channel'),
      receivedAt: new Date(value('receivedAt')).toISOString(),
      group: value('group'),
      topic: value('topic'),
      content: value('content'),
      location: value('location'),
      name: value('name'),
      phone: value('phone'),
      email: value('email'),
      confidential: data.get('confidential') !== null,
    })
      .then((result) => {
        onMessage(status('ok', result.message));
        form.reset();
        receivedAt.value = localNow();
      })
      .catch((error: Error) => onMessage(status('error', error.message)))
      .then(() => {
        submit.disabled = false;
        submit.textContent = T.save;
      });
  });
  return form;
}

function render(root: HTMLElement): void {
  root.replaceChildren(status('info', T.loading));
  callServer('getSidebarState')
    .then((state) => {
      if (!state.ready) return root.replaceChildren(status('info', T.notSetUp));
      if (!state.role) return root.replaceChildren(status('info', T.noRole(state.user)));
      const messages = el('div', { class: 'messages', 'aria-live': 'polite' });
      const parts: HTMLElement[] = [el('p', { class: 'who', text: T.signedInAs(state.user, state.roleLabel) })];
      if (state.formUrl) parts.push(el('p', { class: 'muted' }, T.formLink, el('br'), el('a', { href: state.formUrl, target: '_blank', rel: 'noopener', text: state.formUrl })));
      parts.push(messages);
      if (state.role === 'admin') parts.push(entryForm(state, (node) => messages.replaceChildren(node)));
      else parts.push(status('info', T.readOnly));
      root.replaceChildren(...parts);
    })
    .catch((error: Error) => {
      const retry = el('button', { type: 'button', text: T.retry });
      retry.addEventListener('click', () => render(root));
      root.replaceChildren(status('error', `${T.failed} (${error.message})`), retry);
    });
}

const root = document.getElementById('app');
if (root) render(root);
