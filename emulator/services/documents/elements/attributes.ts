/**
 * Element.setAttributes / getAttributes: keys are DocumentApp.Attribute names.
 * https://developers.google.com/apps-script/reference/document/attribute
 */
import { AppsScriptException, NotImplementedInEmulator, signatureMismatch } from '../../../core/errors';
import { isEnumValue } from '../../../core/enums';
import { Attribute, HorizontalAlignment, ParagraphHeading } from '../enums';
import type { BlockNode, ParagraphNode, TableCellNode, TableNode } from '../model';

export const PARAGRAPH_ATTRS: Record<string, keyof ParagraphNode['attrs']> = {
  HORIZONTAL_ALIGNMENT: 'alignment',
  HEADING: 'heading',
  SPACING_BEFORE: 'spacingBefore',
  SPACING_AFTER: 'spacingAfter',
  LINE_SPACING: 'lineSpacing',
  INDENT_START: 'indentStart',
  INDENT_FIRST_LINE: 'indentFirstLine',
  INDENT_END: 'indentEnd',
};
export const TEXT_ATTRS: Record<string, string> = {
  BOLD: 'bold',
  ITALIC: 'italic',
  UNDERLINE: 'underline',
  STRIKETHROUGH: 'strikethrough',
  FONT_SIZE: 'fontSize',
  FONT_FAMILY: 'fontFamily',
  FOREGROUND_COLOR: 'foregroundColor',
  BACKGROUND_COLOR: 'backgroundColor',
  LINK_URL: 'linkUrl',
};

/**
 * What getAttributes() returns: the attributes the emulator models, by Attribute name. Reading
 * another Attribute name throws "not implemented" rather than giving a guess.
 */
export function attributesView(values: Record<string, unknown>, owner: string): Record<string, unknown> {
  return new Proxy(values, {
    get(target, key) {
      if (typeof key === 'string' && key in Attribute && !(key in target)) throw new NotImplementedInEmulator(`${owner}.getAttributes()[${key}]`);
      return Reflect.get(target, key);
    },
  });
}

/**
 * A paragraph's attributes: its paragraph attributes (HEADING and HORIZONTAL_ALIGNMENT as their
 * enums) and the text attributes its whole text shares — null where the text differs or has none.
 * https://developers.google.com/apps-script/reference/document/paragraph#getAttributes()
 */
export function paragraphAttributes(p: ParagraphNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(PARAGRAPH_ATTRS)) out[key] = p.attrs[prop] ?? null;
  if (out.HEADING !== null) out.HEADING = ParagraphHeading[out.HEADING as keyof typeof ParagraphHeading];
  if (out.HORIZONTAL_ALIGNMENT !== null) out.HORIZONTAL_ALIGNMENT = HorizontalAlignment[out.HORIZONTAL_ALIGNMENT as keyof typeof HorizontalAlignment];
  for (const [key, prop] of Object.entries(TEXT_ATTRS)) {
    const values = new Set(p.rich.attrs.map((a) => (a as Record<string, unknown>)[prop] ?? null));
    out[key] = values.size === 1 ? [...values][0] : null;
  }
  return out;
}

/** Every paragraph (and list item) among `children`, tables' cells included. */
export function paragraphsIn(children: ReadonlyArray<BlockNode>): ParagraphNode[] {
  const out: ParagraphNode[] = [];
  for (const c of children) {
    if (c.type === 'TABLE') c.rows.forEach((r) => r.cells.forEach((cell) => out.push(...paragraphsIn(cell.children))));
    else out.push(c);
  }
  return out;
}

/**
 * Element.setAttributes: keys are DocumentApp.Attribute names (enum values stringify to them).
 * Paragraph attributes apply to every paragraph inside the element, text attributes to all of
 * their text; BACKGROUND_COLOR shades the cells of a table, row or cell; BORDER_WIDTH and
 * BORDER_COLOR belong to tables. null clears an attribute. Attributes the emulator does not draw
 * are refused rather than dropped.
 */
export function applyAttributes(paragraphs: ParagraphNode[], tables: TableNode[], attributes: unknown, method: string, cells?: TableCellNode[]): void {
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) throw signatureMismatch(method, [attributes]);
  for (const [key, raw] of Object.entries(attributes as Record<string, unknown>)) {
    if (!(key in Attribute)) throw new AppsScriptException(`Invalid attribute: ${key}`);
    const value = isEnumValue(raw) ? String(raw) : raw;
    if (key === 'BACKGROUND_COLOR' && cells) {
      for (const cell of cells) {
        if (value === null) delete cell.backgroundColor;
        else cell.backgroundColor = String(value);
      }
    } else if (key in PARAGRAPH_ATTRS) {
      for (const p of paragraphs) {
        const attrs = p.attrs as Record<string, unknown>;
        if (value === null) delete attrs[PARAGRAPH_ATTRS[key]];
        else attrs[PARAGRAPH_ATTRS[key]] = value;
      }
    } else if (key in TEXT_ATTRS) {
      const prop = TEXT_ATTRS[key];
      for (const p of paragraphs) {
        p.rich.attrs = p.rich.attrs.map((a) => {
          const next = { ...a } as Record<string, unknown>;
          if (value === null) delete next[prop];
          else next[prop] = value;
          return next;
        });
      }
    } else if ((key === 'BORDER_WIDTH' || key === 'BORDER_COLOR') && tables.length) {
      for (const t of tables) {
        if (key === 'BORDER_WIDTH') t.borderWidth = Number(value ?? 1);
        else t.borderColor = String(value ?? '#000000');
      }
    } else {
      throw new NotImplementedInEmulator(`${method.replace(/^DocumentApp\./, '')} with ${key}`);
    }
  }
}
