/** SpreadsheetApp's enums: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#properties */
import { makeEnum } from '../../core/enums';

export const ProtectionType = makeEnum('ProtectionType', ['RANGE', 'SHEET'] as const);
export const WrapStrategy = makeEnum('WrapStrategy', ['WRAP', 'OVERFLOW', 'CLIP'] as const);
export const DataValidationCriteria = makeEnum('DataValidationCriteria', ['VALUE_IN_LIST', 'CHECKBOX'] as const);
