/** Text: https://developers.google.com/apps-script/reference/document/text */
import { AppsScriptException, signatureMismatch } from '../../core/errors';
import type { Kernel } from '../../core/kernel';
import { Published, publish } from '../../core/published';
import { ElementType } from './enums';
import type { RichText, TextAttrs } from './model';

type AttrKey = keyof TextAttrs;

export function setRich(rich: RichText, text: string): void {
  rich.text = text;
  rich.attrs = Array.from({ length: text.length }, () => ({}));
}

export function insertRich(rich: RichText, offset: number, text: string): void {
  const inherit = rich.attrs[Math.max(0, offset - 1)] ?? {};
  rich.text = rich.text.slice(0, offset) + text + rich.text.slice(offset);
  rich.attrs.splice(offset, 0, ...Array.from({ length: text.length }, () => ({ ...inherit })));
}

export class Text extends Published {
  constructor(
    readonly _kernel: Kernel,
    readonly _rich: RichText,
  ) {
    super();
  }

  private _span(args: unknown[], method: string, check: (v: unknown) => boolean): { start: number; end: number; value: unknown } {
    if (args.length === 1) return { start: 0, end: this._rich.text.length - 1, value: args[0] };
    const [start, end, value] = args as [number, number, unknown];
    if (args.length !== 3 || !Number.isInteger(start) || !Number.isInteger(end) || !check(value)) throw signatureMismatch(`DocumentApp.Text.${method}`, args);
    if (start < 0 || end >= this._rich.text.length || start > end) throw new AppsScriptException('Index (' + end + ') must be less than the content length (' + this._rich.text.length + ').');
    return { start, end, value };
  }

  private _apply(key: AttrKey, args: unknown[], method: string, check: (v: unknown) => boolean): Text {
    const { start, end, value } = this._span(args, method, check);
    if (args.length === 1 && !check(value)) throw signatureMismatch(`DocumentApp.Text.${method}`, args);
    for (let i = start; i <= end; i++) {
      const a = { ...this._rich.attrs[i] } as Record<string, unknown>;
      if (value === null) delete a[key];
      else a[key] = value;
      this._rich.attrs[i] = a as TextAttrs;
    }
    return this._self;
  }

  /** The Text element (what findText's RangeElement.getElement() holds). */
  getType(): unknown {
    return ElementType.TEXT;
  }
  asText(): Text {
    return this._self;
  }
  getText(): string {
    return this._rich.text;
  }
  setText(text: string): Text {
    setRich(this._rich, String(text));
    return this._self;
  }
  appendText(text: string): Text {
    insertRich(this._rich, this._rich.text.length, String(text));
    return this._self;
  }
  insertText(offset: number, text: string): Text {
    if (!Number.isInteger(offset) || offset < 0 || offset > this._rich.text.length) throw new AppsScriptException(`Invalid offset: ${offset}`);
    insertRich(this._rich, offset, String(text));
    return this._self;
  }
  deleteText(startOffset: number, endOffsetInclusive: number): Text {
    if (startOffset < 0 || endOffsetInclusive >= this._rich.text.length || startOffset > endOffsetInclusive) throw new AppsScriptException('Invalid text range.');
    this._rich.text = this._rich.text.slice(0, startOffset) + this._rich.text.slice(endOffsetInclusive + 1);
    this._rich.attrs.splice(startOffset, endOffsetInclusive - startOffset + 1);
    return this._self;
  }

  setBold(...args: unknown[]): Text {
    return this._apply('bold', args, 'setBold', (v) => typeof v === 'boolean' || v === null);
  }
  setItalic(...args: unknown[]): Text {
    return this._apply('italic', args, 'setItalic', (v) => typeof v === 'boolean' || v === null);
  }
  setUnderline(...args: unknown[]): Text {
    return this._apply('underline', args, 'setUnderline', (v) => typeof v === 'boolean' || v === null);
  }
  setStrikethrough(...args: unknown[]): Text {
    return this._apply('strikethrough', args, 'setStrikethrough', (v) => typeof v === 'boolean' || v === null);
  }
  setFontSize(...args: unknown[]): Text {
    return this._apply('fontSize', args, 'setFontSize', (v) => (typeof v === 'number' && v > 0) || v === null);
  }
  setFontFamily(...args: unknown[]): Text {
    return this._apply('fontFamily', args, 'setFontFamily', (v) => typeof v === 'string' || v === null);
  }
  setForegroundColor(...args: unknown[]): Text {
    return this._apply('foregroundColor', args, 'setForegroundColor', (v) => (typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v)) || v === null);
  }
  setBackgroundColor(...args: unknown[]): Text {
    return this._apply('backgroundColor', args, 'setBackgroundColor', (v) => (typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v)) || v === null);
  }
  setLinkUrl(...args: unknown[]): Text {
    return this._apply('linkUrl', args, 'setLinkUrl', (v) => typeof v === 'string' || v === null);
  }

  private _at(offset: number | undefined, key: AttrKey): unknown {
    if (offset !== undefined) return this._rich.attrs[offset]?.[key] ?? null;
    const values = new Set(this._rich.attrs.map((a) => a[key] ?? null));
    return values.size === 1 ? [...values][0] : null;
  }
  isBold(offset?: number): boolean | null {
    return this._at(offset, 'bold') as boolean | null;
  }
  isItalic(offset?: number): boolean | null {
    return this._at(offset, 'italic') as boolean | null;
  }
  isUnderline(offset?: number): boolean | null {
    return this._at(offset, 'underline') as boolean | null;
  }
  getFontSize(offset?: number): number | null {
    return this._at(offset, 'fontSize') as number | null;
  }
  getForegroundColor(offset?: number): string | null {
    return this._at(offset, 'foregroundColor') as string | null;
  }
  getTextAttributeIndices(): number[] {
    const out: number[] = [];
    this._rich.attrs.forEach((a, i) => {
      if (i === 0 || JSON.stringify(a) !== JSON.stringify(this._rich.attrs[i - 1])) out.push(i);
    });
    return out;
  }
}

export function makeText(kernel: Kernel, rich: RichText): Text {
  return publish(kernel, 'DocumentApp', 'Text', new Text(kernel, rich));
}
