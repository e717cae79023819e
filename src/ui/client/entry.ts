/** Entering a case from the paper mailbox, in person, by phone, e-mail or Zalo (admins). */
import { SIDEBAR as T } from '../../i18n/vi';
import type { SidebarState } from '../server/staff-rpc';
import { el, field, select, status } from './dom';
import { callServer } from './rpc';

function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

export function entryForm(state: SidebarState): HTMLElement {
  const messages = el('div', { class: 'messages', 'aria-live': 'polite' });
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
  // One id per filled-in form: if the answer is lost on the way back and the clerk presses
  // "Lưu" again, the server finds the case it already filed instead of filing a second one.
  const newRequestId = () => Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
  let requestId = newRequestId();
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
      requestId,
    })
      .then((result) => {
        messages.replaceChildren(status('ok', result.message));
        form.reset();
        requestId = newRequestId();
        receivedAt.value = localNow();
      })
      .catch((error: Error) => messages.replaceChildren(status('error', error.message)))
      .then(() => {
        submit.disabled = false;
        submit.textContent = T.save;
      });
  });
  return el('div', {}, messages, form);
}
