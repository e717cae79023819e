/**
 * The public web app (deployed "Execute as: me, Who has access: Anyone"): one page, the results
 * board and the case lookup, served by doGet; its data through the RPCs below, which run as the
 * ward's account and check everything themselves (codes, keys, attempt limits).
 */
import { PUBLIC } from '../../i18n/vi';
import { publicBoard, type BoardPage } from '../../services/public/board';
import { followUpFromLookup, lookupCase, rateAnswer, type PublicCase } from '../../services/public/lookup';
import { portalAct, portalPage, type PortalPage } from '../../services/public/portal';
import { integer, text } from '../../domain/input';
import { rpc } from './rpc';

export const WEB_PAGE = 'WebApp';

/** What the page starts with, from the link (a poster's QR, an e-mail): only these, short. */
export interface WebAppStart {
  view: 'board' | 'lookup' | 'portal';
  /** A portal link's token (?p=…). */
  token: string;
  group: string;
  year: string;
  month: string;
  code: string;
  key: string;
}

function param(e: GoogleAppsScript.Events.DoGet | undefined, name: string, max = 80): string {
  const v = e?.parameter?.[name];
  return typeof v === 'string' ? v.slice(0, max) : '';
}

/** JSON safe inside a <script> element: no "<", ">", "&", or line separators as such. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function serveWebApp(e?: GoogleAppsScript.Events.DoGet): GoogleAppsScript.HTML.HtmlOutput {
  const start: WebAppStart = {
    view: param(e, 'p') ? 'portal' : param(e, 'v') === 'lookup' || param(e, 'code') ? 'lookup' : 'board',
    token: param(e, 'p', 64),
    group: param(e, 'group', 120),
    year: param(e, 'year', 4),
    month: param(e, 'month', 2),
    code: param(e, 'code', 20),
    key: param(e, 'key', 20),
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
