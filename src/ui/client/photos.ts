/**
 * A case's photos on a page: <img> elements whose source is a data: URL of a JPEG or PNG — checked
 * again here, so nothing else can become a source — with their number as the alternative text.
 * Admins get, under each photo, approve / hide / show again.
 */
import { PHOTO_VIEW as V } from '../../i18n/photos';
import type { CasePhotos } from '../server/photos-rpc';
import { el, status } from './dom';

const DATA_URL = /^data:image\/(jpeg|png);base64,[A-Za-z0-9+/]+={0,2}$/;

export type Review = (source: string, index: number, review: 'approve' | 'hide' | 'show') => Promise<{ message: string }>;

/** The photos of `got` in `host` (replacing what it held); `review` for admins, who may act on each. */
export function showPhotos(host: HTMLElement, got: CasePhotos, review?: Review, reload?: () => void): void {
  const shown = got.photos.filter((p) => DATA_URL.test(p.src));
  if (shown.length === 0) {
    host.replaceChildren(el('p', { class: 'muted', text: V.none }));
    return;
  }
  const list = el('ul', { class: 'photos' });
  shown.forEach((p, i) => {
    const [w, h] = p.dimensions.split('×').map(Number);
    const img = el('img', { src: p.src, alt: V.alt(got.code, i + 1), loading: 'lazy', ...(w && h ? { width: String(w), height: String(h) } : {}) });
    const marks = [p.approved ? V.approved : '', p.hidden ? V.hidden : ''].filter(Boolean).join(' · ');
    const item = el('li', { class: `photo${p.hidden ? ' hidden-photo' : ''}` }, img, marks ? el('p', { class: 'muted', text: marks }) : null);
    if (got.canReview && review) {
      const out = el('div', { 'aria-live': 'polite' });
      const button = (kind: 'approve' | 'hide' | 'show', label: string) => {
        const b = el('button', { type: 'button', class: 'secondary', text: label, 'data-review': kind });
        b.addEventListener('click', () => {
          b.disabled = true;
          review(p.source, p.index, kind)
            .then((r) => {
              out.replaceChildren(status('ok', r.message));
              reload?.();
            })
            .catch((e: Error) => {
              b.disabled = false;
              out.replaceChildren(status('error', e.message));
            });
        });
        return b;
      };
      const buttons = el('div', { class: 'actions' });
      if (!p.approved) buttons.append(button('approve', V.approve));
      buttons.append(p.hidden ? button('show', V.show) : button('hide', V.hide));
      item.append(buttons, out);
    }
    list.append(item);
  });
  host.replaceChildren(list, el('p', { class: 'muted', text: V.private }));
}
