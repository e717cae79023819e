/**
 * One case: the content verbatim (textContent, never HTML), the facts, the history, and the
 * actions the server says this person may take — each one form, one server call.
 */
import type { ActionInput, ActionKey } from '../../domain/lifecycle';
import { ARCHIVE, CASE_UI as T, INBOX_UI, SIDEBAR } from '../../i18n/vi';
import { COMPLEXITY } from '../../domain/case';
import { SETTINGS_TAB } from '../../domain/vocabulary';
import type { CaseView } from '../server/cases-rpc';
import { claim, el, field, select, status } from './dom';
import { callServer } from './rpc';
import { formatVietnameseStamp } from '../../domain/calendar/civil-date';
import { PHOTO_VIEW } from '../../i18n/photos';
import { showPhotos } from './photos';

export interface CaseHandlers {
  back(): void;
}

export function renderCase(root: HTMLElement, code: string, row: number | undefined, handlers: CaseHandlers, message?: HTMLElement): void {
  const current = claim(root);
  root.replaceChildren(status('info', SIDEBAR.loading));
  callServer('getCase', code, row)
    .then((view) => current() && show(root, view, handlers, message))
    .catch((e: Error) => {
      if (!current()) return;
      const back = el('button', { type: 'button', class: 'secondary', text: T.back });
      back.addEventListener('click', handlers.back);
      root.replaceChildren(back, status('error', e.message));
    });
}

function fact(label: string, value: string): HTMLElement | null {
  return value ? el('div', { class: 'fact' }, el('dt', { text: label }), el('dd', { text: value })) : null;
}

/** The learned suggestions: labels with their confidence and the words that weighed most — all text, never HTML. */
function suggestionsBox(s: CaseView['suggestions']): HTMLElement | null {
  if (!s) return null;
  const S = T.suggestions;
  const lines: Array<HTMLElement | null> = [];
  const why = (words: string[]) => (words.length ? el('span', { class: 'muted why', text: ` — ${S.why(words)}` }) : null);
  const labelled = (label: string, value: string, words: string[], cls: string) => el('p', { class: cls }, el('strong', { text: `${label}: ` }), el('span', { text: value }), why(words));
  if (s.categories.length) lines.push(labelled(S.category, s.categories.map((c) => `${c.label} (${S.confidence(c.percent)})`).join(' · '), s.categoryWhy, 'suggest-category'));
  if (s.complex) lines.push(el('p', { class: 'suggest-complex' }, el('span', { text: `${S.complex} (${S.confidence(s.complex.percent)})` }), why(s.complex.why)));
  if (s.body) lines.push(labelled(S.body, `${s.body.label} (${S.confidence(s.body.percent)})`, s.body.why, 'suggest-body'));
  if (!lines.length) lines.push(el('p', { class: 'muted', text: S.none }));
  lines.push(el('p', { class: 'muted suggest-source', text: s.learnedFrom ? S.learned(s.learnedFrom) : S.fromRules }));
  return el('section', { class: 'suggestions', 'aria-label': S.title }, el('h3', { text: S.title }), ...lines);
}

function show(root: HTMLElement, v: CaseView, handlers: CaseHandlers, message?: HTMLElement): void {
  const back = el('button', { type: 'button', class: 'secondary', text: T.back });
  back.addEventListener('click', handlers.back);
  const heading = el('h2', { tabindex: '-1' }, el('span', { text: v.code }), ' ', el('span', { class: 'badge', text: v.status }));
  const messages = el('div', { class: 'messages', 'aria-live': 'polite' });
  if (message) messages.append(message);
  const facts = el(
    'dl',
    { class: 'facts' },
    fact(T.received, `${v.receivedOn} · ${v.channel}`),
    fact(T.group, `${v.group}${v.groupKnown ? '' : ` ${T.groupUnknown}`}`),
    fact(T.category, v.category || T.suggested(v.suggestedCategory || '—')),
    fact(T.complexity, v.complexity),
    fact(T.due, v.provisionalYears.length ? `${INBOX_UI.due(v.dueOn, v.workingDaysLeft)} ${T.provisionalCalendar(v.provisionalYears)}` : INBOX_UI.due(v.dueOn, v.workingDaysLeft)),
    fact(T.body, v.assignedBody),
    fact(T.assignee, v.assignee),
    fact(T.bodyDue, v.bodyDueOn),
    fact(T.location, v.location),
    fact(T.outcome, [v.outcome, v.outcomeNote].filter(Boolean).join(' — ')),
    fact(T.policeTransfer, v.policeTransfer),
    fact(T.linked, v.linkedCases),
    fact(T.rating, v.rating),
  );
  const parts: Array<HTMLElement | null> = [
    back,
    heading,
    messages,
    v.archived ? status('info', ARCHIVE.banner(v.archived)) : null,
    facts,
    suggestionsBox(v.suggestions),
    v.confidential ? status('info', T.confidential) : null,
    el('h3', { text: T.content }),
    el('div', { class: 'content', text: v.content }),
    v.contentNote ? el('p', { class: 'muted', text: `${T.note}: ${v.contentNote}` }) : null,
    photosBox(v.code),
  ];
  if (v.answer || v.answerSent) {
    const state = T.answerStates[v.answerState];
    parts.push(el('h3', {}, T.answer, ' ', state ? el('span', { class: 'badge answer-state-badge', 'data-answer-state': v.answerState, text: state }) : null));
    if (v.answerSent) parts.push(el('p', { class: 'answer-state', text: T.answerSent(state, v.answerSent) }));
    if (v.answerProblem) parts.push(status('error', T.answerMailProblem(v.answerProblem)));
    if (v.answer) parts.push(el('div', { class: 'content', text: v.answer }));
    if (v.replyPreview) parts.push(el('details', { class: 'preview' }, el('summary', { text: T.preview }), el('p', { class: 'muted', text: T.previewNote }), el('div', { class: 'content', text: v.replyPreview })));
  }
  // Until the resident is answered, how to reach them: e-mail, a call, or a letter — for whoever may.
  if (!v.answerSent && !v.outcome && v.mayAnswerResident) parts.push(el('p', { class: 'muted how-to-answer', text: T.howToAnswer[v.hasEmail ? 'email' : v.hasPhone ? 'phone' : 'none'] }));
  if (v.publicSummary) parts.push(el('p', {}, el('strong', { text: `${T.publicSummary}${v.answerPublic ? ` (${T.isPublic})` : ''}: ` }), v.publicSummary));

  if (!v.archived) parts.push(el('h3', { text: T.actions }));
  if (v.actions.length === 0 && !v.archived) parts.push(el('p', { class: 'muted', text: v.actsByLink ? T.noActionsUseLink : T.noActions }));
  const panel = el('div', { class: 'action-panel' });
  const buttons = el('div', { class: 'actions' });
  for (const a of v.actions) {
    const b = el('button', { type: 'button', class: 'secondary', text: a.label, 'data-action': a.key });
    b.addEventListener('click', () => panel.replaceChildren(actionForm(a.key, a.label, v, root, handlers, panel)));
    buttons.append(b);
  }
  parts.push(buttons, panel);
  if (v.canMakeDocuments) parts.push(documentsBox(v));
  if (v.canSeeContact) parts.push(contactBox(v.code), keyBox(v.code));

  parts.push(el('h3', { text: T.history }));
  const history = el('ol', { class: 'history' });
  for (const h of [...v.history].reverse()) {
    const when = formatVietnameseStamp(new Date(h.at));
    const changes = (h.changes ?? []).map((c) => `${c.field}: ${c.from || '–'} → ${c.to || '–'}`).join('; ');
    history.append(el('li', {}, el('strong', { text: h.action }), ` — ${h.by}, ${when}`, changes ? el('div', { class: 'muted', text: changes }) : null, h.detail ? el('div', { class: 'detail', text: h.detail }) : null));
  }
  parts.push(history);
  root.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  heading.focus();
}

function actionForm(key: ActionKey, label: string, v: CaseView, root: HTMLElement, handlers: CaseHandlers, panel: HTMLElement): HTMLElement {
  const F = T.fields;
  const form = el('form', { class: 'action', 'aria-label': label }, el('h4', { text: label }));
  const textarea = (name: string, value = '', required = true) => el('textarea', { name, rows: '5', required }, value);
  switch (key) {
    case 'classify':
      form.append(
        field(F.category, withValue(select('category', v.categories.map((c) => ({ value: c, label: c })), true), v.category || v.suggestedCategory)),
        field(F.complexity, withValue(select('complexity', [{ value: 'normal', label: F.normal(v.deadlineDays.normal) }, { value: 'complex', label: F.complex(v.deadlineDays.complex) }], true), v.complexity === COMPLEXITY.complex ? 'complex' : 'normal')),
      );
      break;
    case 'assign':
      form.append(
        field(F.body, withValue(select('body', v.bodies.map((b) => ({ value: b, label: b })), true), v.assignedBody)),
        field(F.assignee, el('input', { name: 'assignee', value: v.assignee })),
        field(F.bodyDueDate, el('input', { name: 'bodyDueDate', type: 'date' })),
      );
      break;
    case 'note':
    case 'reopen':
      form.append(field(key === 'note' ? F.text : F.reason, textarea(key === 'note' ? 'text' : 'reason')));
      break;
    case 'misuse':
      // Where it goes is said before anything is typed; a ward without the police's address is warned.
      form.append(v.police?.email ? status('info', T.misuseWillSend(v.police.name, v.police.email)) : status('error', T.misuseNoPolice(SETTINGS_TAB.bodies.name)), field(F.reason, textarea('reason')));
      break;
    case 'progress':
      form.append(field(F.text, textarea('text')), field(F.bodyDueDate, el('input', { name: 'bodyDueDate', type: 'date' })));
      break;
    case 'answer':
      form.append(el('p', { class: 'muted', text: F.answerHelp }), field(F.answer, textarea('text', v.answer || v.answerTemplate)), field(F.publicSummary, textarea('publicSummary', v.publicSummary, false)));
      break;
    case 'recordCall':
      form.append(field(F.callNote, textarea('note')));
      break;
    case 'recordLetter':
      form.append(el('p', { class: 'muted', text: T.letterFirst }), field(F.letterNote, textarea('note')));
      break;
    case 'setPublic':
      form.append(
        field(F.publicSummary, textarea('publicSummary', v.publicSummary, false)),
        el('div', { class: 'check' }, el('input', { type: 'checkbox', name: 'isPublic', id: 'isPublic', checked: !v.answerPublic }), el('label', { for: 'isPublic', text: F.isPublic })),
      );
      break;
    case 'close':
      form.append(field(F.outcome, select('outcome', Object.entries(T.outcomes).map(([value, l]) => ({ value, label: l })), true)), field(F.outcomeNote, textarea('note', '', false)));
      break;
    case 'duplicate':
      form.append(field(F.of, el('input', { name: 'of', required: true, placeholder: 'GY-2026-00001' })));
      break;
    case 'followUp':
      form.append(field(F.followUp, textarea('content')));
      break;
    case 'sendAnswer':
      form.append(el('p', { class: 'muted', text: T.sendHelp }));
      break;
    case 'approve':
      break;
  }
  const submit = el('button', { type: 'submit', text: key === 'sendAnswer' ? T.send : T.submit });
  const cancel = el('button', { type: 'button', class: 'secondary', text: T.cancel });
  cancel.addEventListener('click', () => panel.replaceChildren());
  form.append(el('div', { class: 'row' }, submit, cancel));
  const messages = el('div', { 'aria-live': 'polite' });
  form.append(messages);
  let confirmed = false;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    // Consequential and not undone by a click: misuse closes and hides the case and goes to the police.
    if (key === 'misuse' && !confirmed) {
      askFirst(messages, T.misuseConfirm(v.code, v.police?.email ? `${v.police.name} (${v.police.email})` : ''), T.misuseConfirmYes, () => {
        confirmed = true;
        form.requestSubmit();
      });
      return;
    }
    confirmed = false;
    const data = new FormData(form);
    const s = (k: string) => String(data.get(k) ?? '');
    const inputs: Record<ActionKey, () => ActionInput> = {
      classify: () => ({ action: 'classify', category: s('category'), complexity: s('complexity') === 'complex' ? 'complex' : 'normal' }),
      assign: () => ({ action: 'assign', body: s('body'), assignee: s('assignee'), bodyDueDate: s('bodyDueDate') || undefined }),
      note: () => ({ action: 'note', text: s('text') }),
      progress: () => ({ action: 'progress', text: s('text'), bodyDueDate: s('bodyDueDate') || undefined }),
      answer: () => ({ action: 'answer', text: s('text'), publicSummary: s('publicSummary') }),
      approve: () => ({ action: 'approve' }),
      sendAnswer: () => ({ action: 'sendAnswer' }),
      recordCall: () => ({ action: 'recordCall', note: s('note') }),
      recordLetter: () => ({ action: 'recordLetter', note: s('note') }),
      setPublic: () => ({ action: 'setPublic', isPublic: data.get('isPublic') !== null, publicSummary: s('publicSummary') }),
      close: () => ({ action: 'close', outcome: s('outcome') as 'resolved', note: s('note') }),
      reopen: () => ({ action: 'reopen', reason: s('reason') }),
      duplicate: () => ({ action: 'duplicate', of: s('of') }),
      misuse: () => ({ action: 'misuse', reason: s('reason') }),
      followUp: () => ({ action: 'followUp', content: s('content') }),
    };
    submit.disabled = true;
    callServer('caseAction', v.code, v.row, v.version, inputs[key]())
      .then((r) => show(root, r.view, handlers, status('ok', r.message)))
      .catch((error: Error) => {
        submit.disabled = false;
        const reload = el('button', { type: 'button', class: 'secondary', text: T.reload });
        reload.addEventListener('click', () => renderCase(root, v.code, v.row, handlers));
        messages.replaceChildren(status('error', error.message), reload);
      });
  });
  return form;
}

function contactBox(code: string): HTMLElement {
  const out = el('div', { 'aria-live': 'polite' });
  const reason = el('input', { name: 'reason', required: true });
  const form = el('form', { class: 'contact' }, el('h3', { text: T.contact }), field(T.contactReason, reason), el('button', { type: 'submit', class: 'secondary', text: T.contactShow }), out);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    callServer('getContactDetails', code, reason.value)
      .then((c) => {
        if ('none' in c) return out.replaceChildren(status('info', T.contactNone));
        const L = T.contactLabels;
        out.replaceChildren(
          el(
            'dl',
            { class: 'facts' },
            fact(L.name, c.name),
            fact(L.phone, `${c.phone}${c.phone && !c.phoneValid ? ` ${L.invalid}` : ''}`),
            fact(L.email, `${c.email}${c.email && !c.emailValid ? ` ${L.invalid}` : ''}`),
          ),
        );
      })
      .catch((error: Error) => out.replaceChildren(status('error', error.message)));
  });
  return form;
}

/** The case's photos, loaded after the case (they come through the web app: a second, slower call). */
function photosBox(code: string): HTMLElement {
  const host = el('div', { class: 'photo-panel', 'aria-live': 'polite' });
  const load = () => {
    host.replaceChildren(el('p', { class: 'muted', text: PHOTO_VIEW.loading }));
    callServer('getCasePhotos', code)
      .then((got) => showPhotos(host, got, (source, index, review) => callServer('reviewCasePhoto', code, source, index, review), load))
      .catch((e: Error) => host.replaceChildren(status('error', e.message)));
  };
  load();
  return el('section', { class: 'case-photos' }, el('h3', { text: PHOTO_VIEW.title }), host);
}

function withValue(s: HTMLSelectElement, value: string): HTMLSelectElement {
  s.value = value;
  return s;
}

/** A Doc made on the server, offered as a link (it opens in Google Docs). */
export function docLink(name: string, url: string): HTMLElement {
  return el('p', { class: 'status ok', role: 'status' }, T.opened(name), el('a', { href: url, target: '_blank', rel: 'noopener', text: T.openDoc }));
}

function documentsBox(v: CaseView): HTMLElement | null {
  const out = el('div', { 'aria-live': 'polite' });
  const make = (kind: 'slip' | 'letter', label: string) => {
    const b = el('button', { type: 'button', class: 'secondary', text: label });
    b.addEventListener('click', () => {
      b.disabled = true;
      callServer('createCaseDocument', v.code, kind)
        .then((d) => out.replaceChildren(docLink(d.name, d.url)))
        .catch((e: Error) => out.replaceChildren(status('error', e.message)))
        .then(() => (b.disabled = false));
    });
    return b;
  };
  // A slip goes to a handling body: offered once the case has one (the server refuses it before).
  const buttons = el('div', { class: 'actions' });
  if (v.assignedBody) buttons.append(make('slip', T.makeTransferSlip));
  if (v.answer) buttons.append(make('letter', T.makeLetter));
  if (!buttons.children.length) return null;
  return el('div', {}, el('h3', { text: T.documents }), buttons, out);
}

/**
 * Asks before a consequential step: the question and two buttons in `host`; the yes button runs
 * `yes`, the other clears the question. Nothing is sent to the server until yes.
 */
function askFirst(host: HTMLElement, question: string, yesLabel: string, yes: () => void): void {
  const ok = el('button', { type: 'button', text: yesLabel });
  const no = el('button', { type: 'button', class: 'secondary', text: T.cancel });
  const text = el('p', { text: question, id: `q${Date.now()}` });
  const box = el('div', { class: 'confirm', role: 'alertdialog', 'aria-label': T.confirmTitle, 'aria-describedby': text.id }, text, el('div', { class: 'row' }, ok, no));
  ok.addEventListener('click', () => {
    host.replaceChildren();
    yes();
  });
  no.addEventListener('click', () => host.replaceChildren());
  host.replaceChildren(box);
  ok.focus();
}

/** Admins: a new lookup key, read out to a resident who calls (shown once); the old one, printed on a slip, stops working. */
function keyBox(code: string): HTMLElement {
  const out = el('div', { 'aria-live': 'polite' });
  const b = el('button', { type: 'button', class: 'secondary', text: T.issueKey });
  b.addEventListener('click', () =>
    askFirst(out, T.issueKeyConfirm, T.issueKeyConfirmYes, () => {
      b.disabled = true;
      callServer('issueCaseLookupKey', code)
        .then((r) => out.replaceChildren(status('ok', r.message)))
        .catch((e: Error) => out.replaceChildren(status('error', e.message)))
        .then(() => (b.disabled = false));
    }),
  );
  return el('div', { class: 'lookup-key' }, b, out);
}
