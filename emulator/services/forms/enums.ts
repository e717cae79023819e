/** FormApp enums: https://developers.google.com/apps-script/reference/forms/form-app#properties */
import { makeEnum } from '../../core/enums';

export const ItemType = makeEnum('ItemType', ['CHECKBOX', 'CHECKBOX_GRID', 'DATE', 'DATETIME', 'DURATION', 'GRID', 'IMAGE', 'LIST', 'MULTIPLE_CHOICE', 'PAGE_BREAK', 'PARAGRAPH_TEXT', 'SCALE', 'SECTION_HEADER', 'TEXT', 'TIME', 'VIDEO'] as const);
export const DestinationType = makeEnum('DestinationType', ['SPREADSHEET'] as const);
