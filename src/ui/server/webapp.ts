/**
 * The public web app (deployed "Execute as: me, Who has access: Anyone"): one page, the results
 * board and the case lookup, served by doGet; its data through the RPCs below, which run as the
 * ward's account and check everything themselves (codes, keys, attempt limits).
 */
import { PUBLIC } from '../../i18n/vi';
import { publicBoard, type BoardPage } from '../../services/public/board';
import { followUpFromLookup, lookupCase, rateAnswer, type PublicCase } from '../../services/public/lookup';
import { portalAct, portalPage, type PortalPage } from '../../services/public/portal';
import { fields, integer, text } from '../../domain/input';
import { ANSWER_MAX, placeAnswer, renderedQuestions, type RenderedQuestion, type ResidentAnswers } from '../../domain/resident-form';
import { MAX_UPLOAD_BYTES } from '../../domain/photo-intake';
import { submitResidentForm, type PhotoUpload, type ResidentFormResult } from '../../services/intake/web-form';
import { DocumentStore } from '../../services/platform/document-store';
import { loadRuntime, loadSettings } from '../../services/platform/runtime';
import { rpc } from './rpc';
import { servePhotoTicket } from './photos-rpc';

export const WEB_PAGE = 'WebApp';

/** What the page starts with, from the link (a poster's QR, an e-mail): only these, short. */
export interface WebAppStart {
  view: 'board' | 'lookup' | 'portal' | 'form';
  /** A portal link's token (?p=…). */
  token: string;
  group: string;
  year: string;
  month: string;
  code: string;
  key: string;
  /** The resident form (?v=form): its questions with the ward's lists, the place and group its link chose. */
  form?: { questions: RenderedQuestion[]; place: string; group: string };
}

function param(e: GoogleAppsScript.Events.DoGet | undefined, name: string, max = 80): string {
  const v = e?.parameter?.[name];
  return typeof v === 'string' ? v.slice(0, max) : '';
}

/** JSON safe inside a <script> element: no "<", ">", "&", or line separators as such. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The form's questions, with the ward's groups and categories as the Google Form has them. */
function formStart(e: GoogleAppsScript.Events.DoGet | undefined): WebAppStart['form'] {
  const settings = loadSettings(DocumentStore.open());
  return { questions: renderedQuestions(settings), place: placeAnswer(param(e, 'place', 10)), group: param(e, 'group', 120) };
}

/**
 * A GET of the web app: with ?photos=<ticket>, the photos a staff member's sidebar call asked for
 * (JSON; services/photos/view); otherwise the page.
 */
export function answerWebGet(e?: GoogleAppsScript.Events.DoGet): GoogleAppsScript.HTML.HtmlOutput | GoogleAppsScript.Content.TextOutput {
  const ticket = e?.parameter?.photos;
  if (typeof ticket === 'string' && ticket !== '') return servePhotoTicket(ticket.slice(0, 200));
  return serveWebApp(e);
}

export function serveWebApp(e?: GoogleAppsScript.Events.DoGet): GoogleAppsScript.HTML.HtmlOutput {
  const view: WebAppStart['view'] = param(e, 'p') ? 'portal' : param(e, 'v') === 'form' ? 'form' : param(e, 'v') === 'lookup' || param(e, 'code') ? 'lookup' : 'board';
  const start: WebAppStart = {
    view,
    token: param(e, 'p', 64),
    group: param(e, 'group', 120),
    year: param(e, 'year', 4),
    month: param(e, 'month', 2),
    code: param(e, 'code', 20),
    key: param(e, 'key', 20),
    ...(view === 'form' ? { form: formStart(e) } : {}),
  };
  return HtmlService.createHtmlOutputFromFile(WEB_PAGE)
    .setTitle(PUBLIC.title)
    // In the web app's sandbox, <meta> tags in the HTML are ignored: the viewport must be set here.
    .addMetaTag('viewport', 'width=device-width, initial-scale=1')
    .append(`<script type="application/json" id="start">${scriptJson(start)}</script>`);
}

/*
 * The page's RPCs. Anyone can call them with anything from the browser console, so arguments are
 * read through domain/input (never String() on what the caller sent) and cut to what a real value
 * can be before any pattern runs.
 */
/** Longer than any code or key: longer input stays too long, and the service refuses it unread (a cut could make it valid). */
const TYPED_MAX = 64;

export function board(group: unknown, year: unknown, month: unknown): BoardPage {
  return rpc('public', () => publicBoard(text(group, 120), text(year, 4), text(month, 2)));
}

export function lookup(code: unknown, key: unknown): PublicCase {
  return rpc('public', () => lookupCase(text(code, TYPED_MAX), text(key, TYPED_MAX)));
}

export function rate(code: unknown, key: unknown, stars: unknown, comment: unknown): PublicCase {
  return rpc('public', () => rateAnswer(text(code, TYPED_MAX), text(key, TYPED_MAX), integer(stars), text(comment, 5000)));
}

export function followUp(code: unknown, key: unknown, content: unknown): PublicCase {
  return rpc('public', () => followUpFromLookup(text(code, TYPED_MAX), text(key, TYPED_MAX), text(content, 20_000)));
}

export function portal(token: unknown): PortalPage {
  return rpc('public', () => portalPage(text(token, 200)));
}

export function portalAction(token: unknown, code: unknown, row: unknown, version: unknown, input: unknown): PortalPage {
  return rpc('public', () => portalAct(text(token, 200), code, row, version, input));
}

/** Read whole up to one character past its cap, so an overlong answer is refused, never cut into a valid one. */
function answersOf(value: unknown): ResidentAnswers {
  const f = fields(value, 10_001);
  const t = (k: keyof ResidentAnswers) => text(f[k], ANSWER_MAX[k] + 1);
  return { group: t('group'), topic: t('topic'), content: t('content'), location: t('location'), name: t('name'), phone: t('phone'), email: t('email'), confidential: f.confidential === true, place: t('place') };
}

/** Base64 of one photo of at most MAX_UPLOAD_BYTES, plus one character (longer is refused). */
const PHOTO_CHARS = Math.ceil(MAX_UPLOAD_BYTES / 3) * 4 + 1;

function photosOf(value: unknown): PhotoUpload[] {
  if (!Array.isArray(value)) return [];
  // One more than allowed is kept, so that a 4th photo is refused rather than dropped.
  return value.slice(0, 4).map((p) => {
    const f = fields(p, PHOTO_CHARS);
    return { name: text(f.name, 200), mimeType: text(f.mimeType, 40), base64: text(f.base64, PHOTO_CHARS) };
  });
}

export function residentForm(input: unknown): ResidentFormResult {
  return rpc('public', () => {
    const f = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
    return submitResidentForm(loadRuntime(), { requestId: text(f.requestId, 65), trap: text(f.trap, 200), answers: answersOf(f.answers), photos: photosOf(f.photos) });
  });
}
