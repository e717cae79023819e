/**
 * FormApp: https://developers.google.com/apps-script/reference/forms/form-app
 * A resident's submission (ws.forms.submit) goes where Google Forms sends it: the form's
 * responses, a new row of the destination spreadsheet's responses tab, then the installed
 * form-submit triggers with Apps Script's event objects
 * (https://developers.google.com/apps-script/guides/triggers/events#form-submit).
 */
import { AppsScriptException, signatureMismatch } from '../../core/errors';
import { expose } from '../../core/facade';
import { GOOGLE_MIME } from '../../core/files';
import type { Kernel } from '../../core/kernel';
import type { FormModel, FormProblem, FormsModule, SubmitResult } from '../../core/modules';
import { AuthMode } from '../../core/shared-enums';
import { DestinationType, ItemType } from './enums';
import { makeForm, makeFormResponse, type FormsStore } from './form';
import { TextValidationBuilder } from './items';
import { emailColumnTitle, editUrl, publishedUrl, QUESTION_TYPES, type FormData, type ItemData, type ResponseData } from './model';
import { publish } from '../../core/published';

/**
 * What Google Forms shows a respondent whose language is Vietnamese when it refuses an answer: its
 * own texts (respondent UI in Vietnamese), or the validation's help text when the form sets one
 * (https://developers.google.com/apps-script/reference/forms/text-validation-builder#setHelpText(String)).
 */
export const FORM_REFUSALS = {
  required: 'Đây là một câu hỏi bắt buộc',
  email: 'Vui lòng nhập một địa chỉ email hợp lệ',
  pattern: 'Câu trả lời không đúng định dạng',
  tooLong: 'Câu trả lời quá dài',
  notAChoice: 'Lựa chọn không hợp lệ',
  oneAnswer: 'Chỉ được chọn một câu trả lời',
  closed: 'Biểu mẫu này hiện không nhận câu trả lời.',
  unknownQuestion: 'Biểu mẫu không có câu hỏi này',
  respondentEmailTitle: 'Email',
} as const;

/** A submission Google Forms would refuse; nothing is recorded. `problems` says what, per question. */
export class FormValidationError extends Error {
  constructor(readonly problems: FormProblem[]) {
    super(problems.map((p) => (p.title ? `${p.title}: ${p.message}` : p.message)).join('; '));
    this.name = 'FormValidationError';
  }
}

export function isFormValidationError(e: unknown): e is FormValidationError {
  return e instanceof Error && e.name === 'FormValidationError' && Array.isArray((e as { problems?: unknown }).problems);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The refusal shown under the question, or null when the answer stands. */
function checkAnswer(item: ItemData, value: string | string[]): string | null {
  const values = Array.isArray(value) ? value : [value];
  if (item.type !== 'CHECKBOX' && Array.isArray(value)) return FORM_REFUSALS.oneAnswer;
  if (item.type === 'LIST' || item.type === 'MULTIPLE_CHOICE' || item.type === 'CHECKBOX') {
    const allowed = (v: string) => item.choices.includes(v) || (item.hasOtherOption && item.type !== 'LIST');
    if (values.some((v) => !allowed(v))) return FORM_REFUSALS.notAChoice;
  }
  const v = item.validation;
  if (v && values[0] !== '') {
    const text = values[0];
    if (v.kind === 'EMAIL' && !EMAIL.test(text)) return v.helpText || FORM_REFUSALS.email;
    // Google Forms' "matches" holds when the whole answer matches the pattern.
    if (v.kind === 'PATTERN' && !new RegExp(`^(?:${v.pattern})$`).test(text)) return v.helpText || FORM_REFUSALS.pattern;
    if (v.kind === 'MAX_LENGTH' && text.length > (v.maxLength ?? Infinity)) return v.helpText || FORM_REFUSALS.tooLong;
  }
  return null;
}

class FormsModuleImpl implements FormsModule, FormsStore {
  readonly name = 'forms' as const;
  private forms = new Map<string, FormData>();

  constructor(readonly kernel: Kernel) {}

  exists(spreadsheetId: string): boolean {
    return this.kernel.module('spreadsheet').exists(spreadsheetId);
  }

  private questions(form: FormData): ItemData[] {
    return form.items.filter((i) => QUESTION_TYPES.includes(i.type));
  }

  private columnTitles(form: FormData): string[] {
    return [...(form.collectEmail ? [emailColumnTitle(this.kernel.locale)] : []), ...this.questions(form).map((i) => i.title)];
  }

  questionsChanged(form: FormData): void {
    if (form.destinationId) this.kernel.module('spreadsheet').linkForm(form.destinationId, form.id, publishedUrl(form), this.columnTitles(form));
  }

  setDestination(form: FormData, spreadsheetId: string | null): void {
    if (form.destinationId && form.destinationId !== spreadsheetId) this.kernel.module('spreadsheet').unlinkForm(form.destinationId, form.id);
    form.destinationId = spreadsheetId;
    this.questionsChanged(form);
  }

  create(title: string): FormData {
    const file = this.kernel.files.add({ name: title, mimeType: GOOGLE_MIME.FORM });
    const form: FormData = {
      id: file.id,
      publishedId: `1FAIpQL${this.kernel.newId('p').slice(1, 50)}`,
      title,
      description: '',
      items: [],
      destinationId: null,
      collectEmail: false,
      confirmationMessage: '',
      acceptingResponses: true,
      customClosedFormMessage: '',
      allowResponseEdits: false,
      limitOneResponsePerUser: false,
      showLinkToRespondAgain: true,
      progressBar: false,
      publishingSummary: false,
      responses: [],
      nextItemId: 100_000_001,
      nextResponse: 1,
    };
    this.forms.set(form.id, form);
    return form;
  }

  private require(formId: string): FormData {
    const form = this.forms.get(formId);
    if (!form) throw new Error(`emulator: no form ${formId}`);
    return form;
  }

  list(): { id: string; title: string }[] {
    return [...this.forms.values()].map((f) => ({ id: f.id, title: f.title }));
  }

  model(formId: string): FormModel {
    const f = this.require(formId);
    return {
      id: f.id,
      title: f.title,
      description: f.description,
      publishedUrl: publishedUrl(f),
      editUrl: editUrl(f),
      acceptingResponses: f.acceptingResponses,
      customClosedFormMessage: f.customClosedFormMessage,
      confirmationMessage: f.confirmationMessage,
      collectEmail: f.collectEmail,
      destinationId: f.destinationId,
      items: f.items.map((i, index) => ({
        id: i.id,
        index,
        type: i.type,
        title: i.title,
        helpText: i.helpText,
        required: i.required,
        choices: [...i.choices],
        hasOtherOption: i.hasOtherOption,
        validation: i.validation ? { kind: i.validation.kind, helpText: i.validation.helpText, pattern: i.validation.pattern } : undefined,
      })),
    };
  }

  idFromUrl(url: string): string | null {
    const pub = /\/forms\/d\/e\/([\w-]+)\//.exec(url);
    if (pub) return [...this.forms.values()].find((f) => f.publishedId === pub[1])?.id ?? null;
    const edit = /\/forms\/d\/([\w-]+)/.exec(url);
    return edit && this.forms.has(edit[1]) ? edit[1] : null;
  }

  submit(formId: string, answers: Record<string, string | string[]>, options: { respondentEmail?: string } = {}): SubmitResult {
    const form = this.require(formId);
    const problems: FormProblem[] = [];
    if (!form.acceptingResponses) problems.push({ itemId: null, title: '', message: form.customClosedFormMessage || FORM_REFUSALS.closed });
    // The respondent's e-mail is asked first, above the questions.
    const email = options.respondentEmail?.trim() ?? '';
    if (form.collectEmail && !EMAIL.test(email)) {
      problems.push({ itemId: null, field: 'respondentEmail', title: FORM_REFUSALS.respondentEmailTitle, message: email === '' ? FORM_REFUSALS.required : FORM_REFUSALS.email });
    }
    const questions = this.questions(form);
    const given: Array<{ itemId: number; value: string | string[] }> = [];
    for (const q of questions) {
      const value = answers[q.title];
      const blank = value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === '');
      if (blank) {
        if (q.required) problems.push({ itemId: q.id, title: q.title, message: FORM_REFUSALS.required });
        continue;
      }
      const problem = checkAnswer(q, value);
      if (problem) problems.push({ itemId: q.id, title: q.title, message: problem });
      else given.push({ itemId: q.id, value: Array.isArray(value) ? [...value] : value });
    }
    for (const title of Object.keys(answers)) {
      if (!questions.some((q) => q.title === title)) problems.push({ itemId: null, title, message: FORM_REFUSALS.unknownQuestion });
    }
    if (problems.length) throw new FormValidationError(problems);

    const response: ResponseData = {
      id: `2_ABaOnu${String(form.nextResponse++).padStart(8, '0')}${form.publishedId.slice(-8)}`,
      timestamp: this.kernel.now(),
      respondentEmail: form.collectEmail ? email : '',
      answers: given,
    };
    form.responses.push(response);

    let destination: SubmitResult['destination'] = null;
    const runs: SubmitResult['triggerRuns'] = [];
    if (form.destinationId) {
      const sheets = this.kernel.module('spreadsheet');
      const titles = this.columnTitles(form);
      const values = titles.map((title, i) => {
        if (form.collectEmail && i === 0) return email;
        const q = questions.find((x) => x.title === title);
        const a = q && given.find((g) => g.itemId === q.id);
        return a ? (Array.isArray(a.value) ? a.value.join(', ') : a.value) : '';
      });
      destination = sheets.appendFormResponse(form.destinationId, form.id, titles, response.timestamp, values);
      const row = destination;
      const ssId = form.destinationId;
      runs.push(
        ...this.kernel.module('script').fire(ssId, 'ON_FORM_SUBMIT', (triggerUid) => {
          const namedValues: Record<string, string[]> = {};
          row.header.forEach((h, i) => {
            if (h !== '') namedValues[h] = [row.displayValues[i] ?? ''];
          });
          return {
            authMode: AuthMode.FULL,
            namedValues,
            range: sheets.rangeFacade(ssId, row.sheetId, row.row, 1, 1, row.numColumns),
            triggerUid,
            values: [...row.displayValues],
          };
        }),
      );
    }
    runs.push(
      ...this.kernel.module('script').fire(form.id, 'ON_FORM_SUBMIT', (triggerUid) => ({
        authMode: AuthMode.FULL,
        response: makeFormResponse(this, form, response),
        source: makeForm(this, form),
        triggerUid,
      })),
    );
    return { responseId: response.id, timestamp: response.timestamp, destination, triggerRuns: runs };
  }

  globals(): Record<string, unknown> {
    const m = this;
    const k = this.kernel;
    class FormApp {
      readonly ItemType = ItemType;
      readonly DestinationType = DestinationType;
      create(title: string): unknown {
        if (typeof title !== 'string') throw signatureMismatch('FormApp.create', [title]);
        return makeForm(m, m.create(title));
      }
      openById(id: string): unknown {
        const form = m.forms.get(String(id));
        if (!form) throw new AppsScriptException(`No item with the given ID could be found, or you do not have permission to access it.`);
        return makeForm(m, form);
      }
      openByUrl(url: string): unknown {
        const id = m.idFromUrl(String(url));
        if (!id) throw new AppsScriptException('No item with the given ID could be found, or you do not have permission to access it.');
        return makeForm(m, m.require(id));
      }
      /** Scripts here are bound to a spreadsheet, not to a form. */
      getActiveForm(): unknown {
        return null;
      }
      createTextValidation(): unknown {
        return publish(k, 'FormApp', 'TextValidationBuilder', new TextValidationBuilder(k));
      }
      createParagraphTextValidation(): unknown {
        return publish(k, 'FormApp', 'ParagraphTextValidationBuilder', new TextValidationBuilder(k));
      }
    }
    return { FormApp: expose(k, 'FormApp', 'FormApp', new FormApp()) };
  }

  save(): unknown {
    return [...this.forms.values()];
  }

  restore(state: unknown): void {
    this.forms = new Map((state as FormData[]).map((f) => [f.id, f]));
  }
}

export function install(kernel: Kernel): void {
  kernel.register(new FormsModuleImpl(kernel));
}
