/**
 * "Tìm người gửi" (admins): a resident calls without their case code; the admin types the number
 * they call from or the name they give (diacritics optional), with the reason that goes into
 * "Nhật ký", and opens the case from the list. Collapsed until needed, above every view.
 */
import { SENDER_SEARCH as T } from '../../i18n/vi';
import { el, field, status } from './dom';
import { callServer } from './rpc';

export function senderSearch(open: (code: string, row: number) => void): HTMLElement {
  const query = el('input', { name: 'sender', type: 'search', autocomplete: 'off', required: true });
  const reason = el('input', { name: 'reason', value: T.defaultReason, required: true, maxlength: '1000' });
  const submit = el('button', { type: 'submit', text: T.find });
  const out = el('div', { 'aria-live': 'polite' });
  const form = el('form', { class: 'sender-search' }, el('p', { class: 'muted', text: T.help }), field(T.query, query), field(T.reason, reason), submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit.disabled = true;
    out.replaceChildren(status('info', T.searching));
    callServer('findCasesBySender', query.value, reason.value)
      .then((found) => {
        if (found.total === 0) return out.replaceChildren(status('info', T.none));
        const list = el('ol', { class: 'cases', 'aria-label': T.found(found.total, found.items.length) });
        for (const item of found.items) {
          const link = el(
            'button',
            { type: 'button', class: 'case' },
            el('span', { class: 'code', text: item.code }),
            el('span', { class: 'badge', text: item.status }),
            el('span', { class: 'sender', text: [item.name || T.noName, item.phone, item.email].filter(Boolean).join(' · ') }),
            item.confidential ? el('span', { class: 'callback', text: T.confidential }) : null,
            el('span', { class: 'meta', text: T.received(item.receivedOn) }),
            el('span', { class: 'summary', text: item.summary }),
          );
          link.addEventListener('click', () => open(item.code, item.row));
          list.append(el('li', {}, link));
        }
        out.replaceChildren(el('p', { class: 'muted', text: T.found(found.total, found.items.length) }), list);
      })
      .catch((error: Error) => out.replaceChildren(status('error', error.message)))
      .then(() => (submit.disabled = false));
  });
  return el('details', { class: 'sender-search' }, el('summary', { text: T.title }), form, out);
}
