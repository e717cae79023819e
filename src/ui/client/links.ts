/** "Liên kết": send or revoke the personal links of handling bodies' members and viewers (admins). */
import { PORTAL as T, SIDEBAR } from '../../i18n/vi';
import type { LinkRow } from '../server/links-rpc';
import { claim, el, status } from './dom';
import { callServer } from './rpc';

export function renderLinks(root: HTMLElement): void {
  const current = claim(root);
  const out = el('div', { 'aria-live': 'polite' });
  const list = el('ul', { class: 'links' });
  const draw = (rows: LinkRow[]) => {
    list.replaceChildren(
      ...rows.map((r) => {
        const send = el('button', { type: 'button', class: 'secondary', text: T.send });
        const revoke = el('button', { type: 'button', class: 'secondary', text: T.revoke, disabled: !r.validUntil });
        const act = (b: HTMLButtonElement, call: () => Promise<{ message: string; rows: LinkRow[] }>) =>
          b.addEventListener('click', () => {
            b.disabled = true;
            call()
              .then((res) => {
                out.replaceChildren(status('ok', res.message));
                draw(res.rows);
              })
              .catch((e: Error) => {
                b.disabled = false;
                out.replaceChildren(status('error', e.message));
              });
          });
        act(send, () => callServer('sendPortalLink', r.email));
        act(revoke, () => callServer('revokePortalLink', r.email));
        return el('li', {}, el('strong', { text: r.email }), el('div', { class: 'muted', text: `${r.role}${r.body ? ` — ${r.body}` : ''} · ${r.validUntil ? T.activeUntil(r.validUntil) : T.noLink}` }), el('div', { class: 'actions' }, send, revoke));
      }),
    );
  };
  root.replaceChildren(status('info', SIDEBAR.loading));
  callServer('getPortalLinks')
    .then((rows) => {
      if (!current()) return;
      root.replaceChildren(el('h2', { text: T.adminTitle }), el('p', { class: 'muted', text: T.adminHelp }), out, list);
      draw(rows);
    })
    .catch((e: Error) => current() && root.replaceChildren(status('error', e.message)));
}
