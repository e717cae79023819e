/**
 * HtmlOutput: https://developers.google.com/apps-script/reference/html/html-output
 * HtmlOutputMetaTag: https://developers.google.com/apps-script/reference/html/html-output-meta-tag
 */
import { AppsScriptException, signatureMismatch } from '../../core/errors';
import { makeEnum, isEnumValue } from '../../core/enums';
import { expose } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import { Published } from '../../core/published';
import { makeBlob } from '../drive/blob';

export const SandboxMode = makeEnum('SandboxMode', ['EMULATED', 'IFRAME', 'NATIVE'] as const);
export const XFrameOptionsMode = makeEnum('XFrameOptionsMode', ['ALLOWALL', 'DEFAULT'] as const);

export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * addMetaTag: "Meta tags included directly in an Apps Script HTML file are ignored. Only the
 * following meta tags are allowed" — these four names. The reference gives no wording for a
 * refused name; the emulator uses Apps Script's usual "Invalid argument: <parameter>".
 */
export const ALLOWED_META_TAGS: readonly string[] = ['apple-mobile-web-app-capable', 'google-site-verification', 'mobile-web-app-capable', 'viewport'];

/** A meta tag added with HtmlOutput.addMetaTag(name, content). */
export class HtmlOutputMetaTag {
  constructor(
    readonly _name: string,
    readonly _content: string,
  ) {}
  getName(): string {
    return this._name;
  }
  getContent(): string {
    return this._content;
  }
}

export class HtmlOutput extends Published {
  constructor(readonly _kernel: Kernel) {
    super();
  }

  _content = '';
  _title = '';
  _width = 600;
  _height = 400;
  _metaTags: Array<{ name: string; content: string }> = [];
  /** What setXFrameOptionsMode chose; Apps Script uses DEFAULT when a script sets none. */
  _xFrameOptionsMode: 'ALLOWALL' | 'DEFAULT' = 'DEFAULT';
  _faviconUrl: string | null = null;

  getContent(): string {
    return this._content;
  }
  setContent(content: string): HtmlOutput {
    this._content = String(content);
    return this._self;
  }
  append(addedContent: string): HtmlOutput {
    this._content += String(addedContent);
    return this._self;
  }
  /** Appends text escaped as HTML: it shows as written and never runs. */
  appendUntrusted(addedContent: string): HtmlOutput {
    this._content += escapeHtml(addedContent);
    return this._self;
  }
  clear(): HtmlOutput {
    this._content = '';
    return this._self;
  }
  getTitle(): string {
    return this._title;
  }
  setTitle(title: string): HtmlOutput {
    this._title = String(title);
    return this._self;
  }
  getWidth(): number {
    return this._width;
  }
  setWidth(width: number): HtmlOutput {
    if (!Number.isInteger(width)) throw signatureMismatch('HtmlService.HtmlOutput.setWidth', [width]);
    this._width = width;
    return this._self;
  }
  getHeight(): number {
    return this._height;
  }
  setHeight(height: number): HtmlOutput {
    if (!Number.isInteger(height)) throw signatureMismatch('HtmlService.HtmlOutput.setHeight', [height]);
    this._height = height;
    return this._self;
  }
  setSandboxMode(mode: unknown): HtmlOutput {
    if (!isEnumValue(mode, SandboxMode)) throw signatureMismatch('HtmlService.HtmlOutput.setSandboxMode', [mode]);
    return this._self;
  }
  getSandboxMode(): unknown {
    return SandboxMode.IFRAME;
  }
  /** Only a web app's page is framed by other sites: ALLOWALL sends no X-Frame-Options header. */
  setXFrameOptionsMode(mode: unknown): HtmlOutput {
    if (!isEnumValue(mode, XFrameOptionsMode)) throw signatureMismatch('HtmlService.HtmlOutput.setXFrameOptionsMode', [mode]);
    this._xFrameOptionsMode = mode === XFrameOptionsMode.ALLOWALL ? 'ALLOWALL' : 'DEFAULT';
    return this._self;
  }
  /** Adds a meta tag to the page a web app serves (only the allowed names, see ALLOWED_META_TAGS). */
  addMetaTag(name: string, content: string): HtmlOutput {
    if (typeof name !== 'string' || typeof content !== 'string') throw signatureMismatch('HtmlService.HtmlOutput.addMetaTag', [name, content]);
    if (!ALLOWED_META_TAGS.includes(name)) throw new AppsScriptException('Invalid argument: name');
    this._metaTags.push({ name, content });
    return this._self;
  }
  getMetaTags(): HtmlOutputMetaTag[] {
    return this._metaTags.map((t) => expose(this._kernel, 'HtmlService', 'HtmlOutputMetaTag', new HtmlOutputMetaTag(t.name, t.content)));
  }
  /** The favicon of the page a web app serves. */
  setFaviconUrl(iconUrl: string): HtmlOutput {
    if (typeof iconUrl !== 'string') throw signatureMismatch('HtmlService.HtmlOutput.setFaviconUrl', [iconUrl]);
    this._faviconUrl = iconUrl;
    return this._self;
  }
  getFaviconUrl(): string | null {
    return this._faviconUrl;
  }
  /**
   * "Return the data inside this object as a blob" (HtmlOutput is a BlobSource): the content as
   * UTF-8 text/html. https://developers.google.com/apps-script/reference/html/html-output#getBlob()
   */
  getBlob(): unknown {
    return makeBlob(this._kernel, new Uint8Array(Buffer.from(this._content, 'utf8')), 'text/html', null);
  }
}
