/** ContentService: https://developers.google.com/apps-script/reference/content/content-service */
import { signatureMismatch } from '../../core/errors';
import { expose } from '../../core/facade';
import { makeEnum, isEnumValue } from '../../core/enums';
import type { Kernel } from '../../core/kernel';
import type { SimpleModule } from '../../core/modules';
import { Published, publish } from '../../core/published';

export const ContentMimeType = makeEnum('MimeType', ['ATOM', 'CSV', 'ICAL', 'JAVASCRIPT', 'JSON', 'RSS', 'TEXT', 'VCARD', 'XML'] as const);

/** The Content-Type a web app serves a TextOutput with, by its ContentService.MimeType. */
export const CONTENT_TYPES: Record<keyof typeof ContentMimeType, string> = {
  ATOM: 'application/atom+xml',
  CSV: 'text/csv',
  ICAL: 'text/calendar',
  JAVASCRIPT: 'application/javascript',
  JSON: 'application/json',
  RSS: 'application/rss+xml',
  TEXT: 'text/plain',
  VCARD: 'text/vcard',
  XML: 'text/xml',
};

export class TextOutput extends Published {
  _content = '';
  _mimeType: unknown = ContentMimeType.TEXT;
  _fileName: string | null = null;

  getContent(): string {
    return this._content;
  }
  setContent(content: string): TextOutput {
    this._content = String(content);
    return this._self;
  }
  append(addedContent: string): TextOutput {
    this._content += String(addedContent);
    return this._self;
  }
  clear(): TextOutput {
    this._content = '';
    return this._self;
  }
  getMimeType(): unknown {
    return this._mimeType;
  }
  setMimeType(mimeType: unknown): TextOutput {
    if (!isEnumValue(mimeType, ContentMimeType)) throw signatureMismatch('ContentService.TextOutput.setMimeType', [mimeType]);
    this._mimeType = mimeType;
    return this._self;
  }
  /**
   * "Setting this to null will clear it back to the default behavior of displaying rather than
   * downloading." https://developers.google.com/apps-script/reference/content/text-output#downloadAsFile(String)
   */
  downloadAsFile(filename: unknown): TextOutput {
    if (filename !== null && typeof filename !== 'string') throw signatureMismatch('ContentService.TextOutput.downloadAsFile', [filename]);
    this._fileName = filename;
    return this._self;
  }
  getFileName(): string | null {
    return this._fileName;
  }
}

export function install(kernel: Kernel): void {
  class ContentService {
    readonly MimeType = ContentMimeType;
    createTextOutput(content?: string): unknown {
      const out = new TextOutput();
      if (content !== undefined) out._content = String(content);
      return publish(kernel, 'ContentService', 'TextOutput', out);
    }
  }
  const module: SimpleModule = {
    name: 'content',
    globals: () => ({ ContentService: expose(kernel, 'ContentService', 'ContentService', new ContentService()) }),
    save: () => null,
    restore: () => undefined,
  };
  kernel.register(module as SimpleModule & { name: 'content' });
}
