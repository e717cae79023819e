/** Entering a case from the paper mailbox, in person, by phone, e-mail or Zalo (admins). */
import { parseVietnamLocalInput, toVietnamLocalInput } from '../../domain/calendar/civil-date';
import { checkEmail, checkPhone } from '../../domain/contact';
import { FORM, STAFF_ENTRY, SIDEBAR as T } from '../../i18n/vi';
import type { SidebarState } from '../server/staff-rpc';
import { el, field, select, status } from './dom';
import { callServer } from './rpc';

/**
 * "Now" in Vietnam as a datetime-local value, from the server's clock (SidebarState.now): the
 * browser's clock or time zone may be wrong, the script's is not. The offset between the two is
 * taken once and kept, so the default follows the minutes while the sidebar stays open.
 */
function serverClock(serverNow: string): () => string {
  const server = parseVietnamLocalInput(serverNow)?.getTime() ?? Date.now();
  const skew = server - Date.now();
  return () => toVietnamLocalInput(Date.now() + skew);
}

/**
 * Marks a field as wrong where the clerk is looking: the message under the field, tied to it for
 * screen readers; cleared as soon as the field is edited. Returns whether the field is right.
 */
function checkField(input: HTMLInputElement, problem: string | null): boolean {
  const id = `${input.id}-error`;
  input.parentElement?.querySelector(`#${id}`)?.remove();
  input.removeAttribute('aria-invalid');
  input.removeAttribute('aria-describedby');
  if (!problem) return true;
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', id);
  input.after(el('p', { id, class: 'field-error', text: problem }));
  return false;
}

export function entryForm(state: SidebarState): HTMLElement {
  const localNow = serverClock(state.now);
  const messages = el('div', { class: 'messages', 'aria-live': 'polite' });
  const form = el('form', { class: 'entry', 'aria-label': T.entryTitle });
  const content = el('textarea', { name: 'content', rows: '6', required: true });
  const receivedAt = el('input', { name: 'receivedAt', type: 'datetime-local', value: localNow(), required: true });
  const submit = el('button', { type: 'submit', text: T.save });
  const phone = el('input', { name: 'phone', inputmode: 'tel', autocomplete: 'off' });
  const email = el('input', { name: 'email', type: 'text', inputmode: 'email', autocomplete: 'off' });
  for (const input of [phone, email]) input.addEventListener('input', () => checkField(input, null));
  const channel = select('channel', state.channels.map((c) => ({ value: c.key, label: c.label })), true);
  // A paper slip's printed code: asked only for the paper mailbox, where slips come from.
  const slipCode = el('input', { name: 'slipCode', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false' });
  const paperSlipField = field(STAFF_ENTRY.paperSlipLabel, slipCode);
  const showPaperSlip = () => {
    paperSlipField.hidden = channel.value !== 'paper';
    if (paperSlipField.hidden) slipCode.value = '';
  };
  channel.addEventListener('change', showPaperSlip);
  form.append(
    el('h2', { text: T.entryTitle }),
    el('p', { class: 'muted', text: T.entryHelp }),
    field(T.channel, channel),
    paperSlipField,
    field(T.receivedAt, receivedAt),
    field(T.group, select('group', [...state.groups.map((g) => ({ value: g, label: g })), { value: '', label: T.groupOther }])),
    field(T.topic, select('topic', [{ value: '', label: T.topicNone }, ...state.categories.map((c) => ({ value: c, label: c }))])),
    field(T.content, content),
    field(T.location, el('input', { name: 'location' })),
    el('h3', { text: T.contactTitle }),
    field(T.name, el('input', { name: 'name', autocomplete: 'off' })),
    field(T.phone, phone),
    field(T.email, email),
    el('div', { class: 'check' }, el('input', { type: 'checkbox', name: 'confidential', id: 'confidential' }), el('label', { for: 'confidential', text: T.confidential })),
    submit,
  );
  // One id per filled-in form: if the answer is lost on the way back and the clerk presses
  // "Lưu" again, the server finds the case it already filed instead of filing a second one.
  const newRequestId = () => Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
  let requestId = newRequestId();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // The same checks as the resident's form (and the server's): a wrong number or address is
    // corrected or left empty here, while the paper is still in the clerk's hand.
    const phoneOk = checkField(phone, checkPhone(phone.value).given && !checkPhone(phone.value).valid ? FORM.phoneInvalid : null);
    const emailOk = checkField(email, checkEmail(email.value).given && !checkEmail(email.value).valid ? FORM.emailInvalid : null);
    if (!phoneOk || !emailOk) {
      (phoneOk ? email : phone).focus();
      return;
    }
    const data = new FormData(form);
    const value = (k: string) => String(data.get(k) ?? '');
    submit.disabled = true;
    submit.textContent = T.saving;
    callServer('submitStaffCase', {
      channel: value('channel'),
      // Vietnam wall time as typed; the server reads it in Asia/Ho_Chi_Minh.
      receivedAt: value('receivedAt'),
      group: value('group'),
      topic: value('topic'),
      content: value('content'),
      location: value('location'),
      name: value('name'),
      phone: value('phone'),
      email: value('email'),
      confidential: data.get('confidential') !== null,
      slipCode: value('slipCode'),
      requestId,
    })
      .then((result) => {
        messages.replaceChildren(status('ok', result.message));
        form.reset();
        showPaperSlip();
        requestId = newRequestId();
        receivedAt.value = localNow();
      })
      .catch((error: Error) => messages.replaceChildren(status('error', error.message)))
      .then(() => {
        submit.disabled = false;
        submit.textContent = T.save;
      });
  });
  showPaperSlip();
  return el('div', {}, messages, form);
}
