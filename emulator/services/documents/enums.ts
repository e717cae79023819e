/** DocumentApp enums: https://developers.google.com/apps-script/reference/document/document-app#properties */
import { makeEnum } from '../../core/enums';

export const ParagraphHeading = makeEnum('ParagraphHeading', ['NORMAL', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5', 'HEADING6', 'TITLE', 'SUBTITLE'] as const);
export const HorizontalAlignment = makeEnum('HorizontalAlignment', ['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY'] as const);
export const VerticalAlignment = makeEnum('VerticalAlignment', ['BOTTOM', 'CENTER', 'TOP'] as const);
export const GlyphType = makeEnum('GlyphType', ['BULLET', 'HOLLOW_BULLET', 'SQUARE_BULLET', 'NUMBER', 'LATIN_UPPER', 'LATIN_LOWER', 'ROMAN_UPPER', 'ROMAN_LOWER'] as const);
export const ElementType = makeEnum('ElementType', [
  'BODY_SECTION',
  'HEADER_SECTION',
  'FOOTER_SECTION',
  'PARAGRAPH',
  'LIST_ITEM',
  'TABLE',
  'TABLE_ROW',
  'TABLE_CELL',
  'TEXT',
  'INLINE_IMAGE',
  'PAGE_BREAK',
  'HORIZONTAL_RULE',
] as const);
export const Attribute = makeEnum('Attribute', [
  'BACKGROUND_COLOR',
  'BOLD',
  'BORDER_COLOR',
  'BORDER_WIDTH',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'HEADING',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'ITALIC',
  'LINE_SPACING',
  'LINK_URL',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'STRIKETHROUGH',
  'UNDERLINE',
  'WIDTH',
  'MARGIN_TOP',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'PAGE_HEIGHT',
  'PAGE_WIDTH',
  // The rest of https://developers.google.com/apps-script/reference/document/attribute: valid
  // names the emulator does not model (setting or reading one is "not implemented").
  'CODE',
  'GLYPH_TYPE',
  'HEIGHT',
  'LEFT_TO_RIGHT',
  'LIST_ID',
  'MINIMUM_HEIGHT',
  'NESTING_LEVEL',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'PADDING_TOP',
  'VERTICAL_ALIGNMENT',
] as const);
