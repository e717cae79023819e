/** The state of forms and their responses, apart from the facades. */

export type ItemTypeName = 'TEXT' | 'PARAGRAPH_TEXT' | 'MULTIPLE_CHOICE' | 'LIST' | 'CHECKBOX' | 'SECTION_HEADER' | 'PAGE_BREAK';

export interface TextValidationData {
  kind: 'EMAIL' | 'PATTERN' | 'MAX_LENGTH' | 'URL' | 'NUMBER';
  helpText: string;
  pattern?: string;
  maxLength?: number;
}

export interface ItemData {
  id: number;
  type: ItemTypeName;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  hasOtherOption: boolean;
  validation?: TextValidationData;
}

export interface ResponseData {
  id: string;
  timestamp: Date;
  respondentEmail: string;
  answers: Array<{ itemId: number; value: string | string[] }>;
}

export interface FormData {
  id: string;
  publishedId: string;
  title: string;
  description: string;
  items: ItemData[];
  destinationId: string | null;
  collectEmail: boolean;
  confirmationMessage: string;
  acceptingResponses: boolean;
  customClosedFormMessage: string;
  allowResponseEdits: boolean;
  limitOneResponsePerUser: boolean;
  showLinkToRespondAgain: boolean;
  progressBar: boolean;
  publishingSummary: boolean;
  responses: ResponseData[];
  nextItemId: number;
  nextResponse: number;
}

export const QUESTION_TYPES: ItemTypeName[] = ['TEXT', 'PARAGRAPH_TEXT', 'MULTIPLE_CHOICE', 'LIST', 'CHECKBOX'];

export function publishedUrl(form: FormData): string {
  return `https://docs.google.com/forms/d/e/${form.publishedId}/viewform`;
}

export function editUrl(form: FormData): string {
  return `https://docs.google.com/forms/d/${form.id}/edit`;
}

/** Forms adds this column to the responses sheet when it collects e-mail addresses. */
export function emailColumnTitle(locale: string): string {
  return locale.startsWith('vi') ? 'Địa chỉ email' : 'Email Address';
}
