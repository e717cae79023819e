/**
 * The web app's resident form (?v=form): the Google Form's questions (domain/resident-form, the
 * one list both forms are built from), checked as the Google Form checks them, plus up to three
 * photos prepared on the phone (./photos). One column, 18 px text, 48 px targets: readable at
 * 300 px by an elderly resident. The confirmation shows the code, the due date and the lookup key
 * at once. Everything shown goes in as text (textContent), never markup.
 */
import { answerProblems, ANSWER_MAX, type AnswerKey, type RenderedQuestion, type ResidentAnswers } from '../../domain/resident-form';
import { MAX_PHOTOS } from '../../domain/photo-intake';
import { WEB_FORM as W } from '../../i18n/web-form';
import type { WebAppStart } from '../server/webapp';
import { el, status } from './dom';
import { preparePhoto, type PreparedPhoto } from './photo-prepare';
import { callServer } from './rpc';

type Result = ReturnType<typeof import('../../server/index').submitResidentForm>;

/** 128 random bits, base64url: the same for every try of one filled-in form. */
function newRequestId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

interface Control {
  q: RenderedQuestion;
  read: () => string | boolean;
  error: HTMLElement;
  focus: () => void;
}

let ids = 0;
const nextId = (p: string) => `${p}${++ids}`;

function questionControl(q: RenderedQuestion, start: NonNullable<WebAppStart['form']>): { node: HTMLElement; control: Control | null } {
  if (q.type === 'SECTION_HEADER') return { node: el('section', { class: 'form-section' }, el('h2', { text: q.title }), q.help ? el('p', { class: 'help', text: q.help }) : null), control: null };
  const id = nextId('q');
  const helpId = q.help ? `${id}-help` : undefined;
  const errorId = `${id}-error`;
  const error = el('p', { class: 'field-error', id: errorId, role: 'alert', hidden: true });
  const described = [helpId, errorId].filter(Boolean).join(' ');
  const label = (forId?: string) => el(forId ? 'label' : 'span', { class: 'q-title', ...(forId ? { for: forId } : {}) }, q.title, q.required ? el('span', { class: 'req', 'aria-hidden': 'true', text: W.requiredMark }) : null);
  const help = q.help ? el('p', { class: 'help', id: helpId, text: q.help }) : null;
  const choices = q.choices ?? [];
  if (q.type === 'LIST') {
    const select = el('select', { id, name: q.key, required: q.required, 'aria-describedby': described });
    select.append(el('option', { value: '', text: 'Chọn' }));
    for (const c of choices) select.append(el('option', { value: c, text: c }));
    const preset = q.key === 'group' ? start.group : q.key === 'place' ? start.place : '';
    if (preset && choices.includes(preset)) select.value = preset;
    return { node: el('div', { class: 'field' }, label(id), help, select, error), control: { q, read: () => select.value, error, focus: () => select.focus() } };
  }
  if (q.type === 'MULTIPLE_CHOICE') {
    const set = el('fieldset', { 'aria-describedby': described }, el('legend', {}, label()));
    const radios = choices.map((c, i) => {
      const rid = `${id}-${i}`;
      const radio = el('input', { type: 'radio', name: q.key, id: rid, value: c });
      set.append(el('label', { for: rid }, radio, c));
      return radio;
    });
    return { node: el('div', { class: 'field' }, set, help, error), control: { q, read: () => radios.find((r) => r.checked)?.value ?? '', error, focus: () => radios[0]?.focus() } };
  }
  if (q.type === 'CHECKBOX') {
    const box = el('input', { type: 'checkbox', id, name: q.key, value: choices[0] ?? '' });
    const set = el('fieldset', {}, el('legend', {}, label()), el('label', { for: id }, box, choices[0] ?? ''));
    return { node: el('div', { class: 'field' }, set, error), control: { q, read: () => box.checked, error, focus: () => box.focus() } };
  }
  const max = String(ANSWER_MAX[q.key as keyof ResidentAnswers] ?? 500);
  const input =
    q.type === 'PARAGRAPH_TEXT'
      ? el('textarea', { id, name: q.key, rows: '6', maxlength: max, required: q.required, 'aria-describedby': described })
      : el('input', {
          id,
          name: q.key,
          type: 'text',
          maxlength: max,
          'aria-describedby': described,
          autocomplete: q.key === 'name' ? 'name' : q.key === 'phone' ? 'tel' : q.key === 'email' ? 'email' : 'off',
          inputmode: q.key === 'phone' ? 'tel' : q.key === 'email' ? 'email' : undefined,
        });
  return { node: el('div', { class: 'field' }, label(id), help, input, error), control: { q, read: () => input.value, error, focus: () => input.focus() } };
}

function confirmation(root: HTMLElement, r: Result, openLookup: (code: string, key: string) => void, resend: () => Promise<Result>): void {
  if (!r.code) {
    // The honeypot's neutral answer.
    root.replaceChildren(el('h1', { text: W.title }), status('ok', r.message));
    return;
  }
  const dl = el('dl', { class: 'receipt' }, el('dt', { text: W.code }), el('dd', { class: 'big', text: r.code }), el('dt', { text: W.due }), el('dd', { text: r.dueDate }));
  if (r.key) dl.append(el('dt', { text: W.key }), el('dd', { class: 'big', text: r.key }));
  const look = el('button', { type: 'button', class: 'secondary', text: W.lookupLink });
  look.addEventListener('click', () => openLookup(r.code, r.key));
  // The case is filed but its photos are not stored yet: the same request again stores them (nothing filed twice).
  let photosMissing: HTMLElement | null = null;
  if (r.photosMissing) {
    const box = el('div', { class: 'photos-missing' }, status('error', W.photosNotSaved));
    photosMissing = box;
    const again = el('button', { type: 'button', text: W.retry });
    again.addEventListener('click', () => {
      again.disabled = true;
      resend()
        .then((next) => confirmation(root, next, openLookup, resend))
        .catch((error: Error) => {
          again.disabled = false;
          box.replaceChildren(status('error', error.message || W.failed), again);
        });
    });
    box.append(again);
  }
  root.replaceChildren(
    el('h1', { text: W.thanks }),
    el('article', { class: 'card confirmation' }, dl, r.key ? el('p', { class: 'save-hint', text: W.saveHint }) : status('info', r.message), r.photos ? el('p', { class: 'muted', text: W.photosSaved(r.photos) }) : null),
    ...(photosMissing ? [photosMissing] : []),
    look,
  );
  window.scrollTo(0, 0);
}

export function residentFormView(root: HTMLElement, start: WebAppStart, openLookup: (code: string, key: string) => void): void {
  const spec = start.form;
  if (!spec) {
    root.replaceChildren(status('error', W.notReady));
    return;
  }
  const controls: Control[] = [];
  const form = el('form', { class: 'resident-form', novalidate: true });
  // The photos go with what happened and where (after "Địa điểm"); the Google Form's questions keep their order.
  const photosAnchor = el('div', { class: 'photos-anchor' });
  for (const q of spec.questions) {
    const { node, control } = questionControl(q, spec);
    form.append(node);
    if (q.key === 'location') form.append(photosAnchor);
    if (control) controls.push(control);
  }
  const lists = {
    groups: (spec.questions.find((q) => q.key === 'group')?.choices ?? []).slice(0, -1),
    categories: (spec.questions.find((q) => q.key === 'topic')?.choices ?? []).map((category) => ({ category })),
  };

  // Photos: chosen, checked and re-encoded on the phone, previewed, removable.
  const photos: PreparedPhoto[] = [];
  const photoList = el('ul', { class: 'photo-previews', 'aria-live': 'polite' });
  const photoNotes = el('div', { 'aria-live': 'polite' });
  const picker = el('input', { type: 'file', id: nextId('photo'), accept: 'image/*', multiple: true, class: 'photo-input' });
  const pickLabel = el('label', { for: picker.id, class: 'button-like', text: W.addPhoto });
  const drawPhotos = () => {
    photoList.replaceChildren(
      ...photos.map((p, i) => {
        const remove = el('button', { type: 'button', class: 'secondary', text: W.removePhoto(i + 1) });
        remove.addEventListener('click', () => {
          photos.splice(i, 1);
          drawPhotos();
        });
        return el('li', {}, el('img', { src: p.preview, alt: W.photoAlt(i + 1) }), remove);
      }),
    );
    pickLabel.hidden = photos.length >= MAX_PHOTOS;
  };
  picker.addEventListener('change', () => {
    const files = Array.from(picker.files ?? []);
    picker.value = '';
    photoNotes.replaceChildren(status('info', W.preparing));
    void (async () => {
      const refusals: string[] = [];
      for (const file of files) {
        const r = await preparePhoto(file, photos.length);
        if (typeof r === 'string') refusals.push(r);
        else photos.push(r);
        drawPhotos();
      }
      photoNotes.replaceChildren(...refusals.map((m) => status('error', m)));
    })();
  });
  photosAnchor.replaceWith(
    el('section', { class: 'form-section photos-section' }, el('h2', { text: W.photosTitle }), el('p', { class: 'help', text: W.photosHelp }), photoList, picker, pickLabel, photoNotes),
  );

  // The honeypot: off screen, out of the tab order, hidden from screen readers; a person never fills it.
  // A name no browser's autofill knows ("website", "company" … could be filled for a person).
  const trap = el('input', { type: 'text', name: 'ghichu_phu', id: nextId('w'), tabindex: '-1', autocomplete: 'off' });
  form.append(el('div', { class: 'trap', 'aria-hidden': 'true' }, el('label', { for: trap.id, text: W.trapLabel }), trap));

  const send = el('button', { type: 'submit', class: 'send', text: W.send });
  const progress = el('progress', { hidden: true });
  const out = el('div', { 'aria-live': 'polite' });
  form.append(send, progress, out);
  let requestId = newRequestId();

  const answers = (): ResidentAnswers => {
    const v = Object.fromEntries(controls.map((c) => [c.q.key, c.read()])) as Record<string, string | boolean>;
    const s = (k: AnswerKey) => (typeof v[k] === 'string' ? (v[k] as string) : '');
    return { group: s('group'), topic: s('topic'), content: s('content'), location: s('location'), name: s('name'), phone: s('phone'), email: s('email'), confidential: v.confidential === true, place: s('place') };
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const a = answers();
    const problems = answerProblems(a, lists);
    let first: Control | null = null;
    for (const c of controls) {
      const message = problems[c.q.key as AnswerKey];
      c.error.textContent = message ?? '';
      c.error.hidden = !message;
      if (message && !first) first = c;
    }
    if (first) {
      out.replaceChildren(status('error', W.fixAbove));
      first.focus();
      return;
    }
    send.disabled = true;
    progress.hidden = false;
    out.replaceChildren(status('info', photos.length ? W.sendingPhotos(photos.length) : W.sending));
    const request = { requestId, answers: a, trap: trap.value, photos: photos.map(({ name, mimeType, base64 }) => ({ name, mimeType, base64 })) };
    const resend = () => callServer('submitResidentForm', request);
    resend()
      .then((r: Result) => {
        requestId = newRequestId();
        confirmation(root, r, openLookup, resend);
      })
      .catch((error: Error) => {
        // The same request id on the next try: a request that did arrive is not filed twice.
        send.disabled = false;
        send.textContent = W.retry;
        progress.hidden = true;
        out.replaceChildren(status('error', error.message || W.failed));
      });
  });

  root.replaceChildren(el('h1', { text: W.title }), el('p', { class: 'muted', text: W.intro }), form);
}
