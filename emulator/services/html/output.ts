/** HtmlOutput: https://developers.google.com/apps-script/reference/html/html-output */
import { signatureMismatch } from '../../core/errors';
import { makeEnum, isEnumValue } from '../../core/enums';
import { Published } from '../../core/published';

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

export class HtmlOutput extends Published {
  _content = '';
  _title = '';
  _width = 600;
  _height = 400;
  _metaTags: Array<{ name: string; content: string }> = [];

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
  setXFrameOptionsMode(mode: unknown): HtmlOutput {
    if (!isEnumValue(mode, XFrameOptionsMode)) throw signatureMismatch('HtmlService.HtmlOutput.setXFrameOptionsMode', [mode]);
    return this._self;
  }
  addMetaTag(name: string, content: string): HtmlOutput {
    this._metaTags.push({ name: String(name), content: String(content) });
    return this._self;
  }
  setFaviconUrl(_iconUrl: string): HtmlOutput {
    return this._self;
  }
}
