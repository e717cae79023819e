/**
 * Form items: https://developers.google.com/apps-script/reference/forms/item and the typed items
 * (TextItem, ParagraphTextItem, MultipleChoiceItem, ListItem, CheckboxItem, SectionHeaderItem).
 */
import { AppsScriptException, signatureMismatch } from '../../core/errors';
import { expose, unwrap } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import { Published, publish } from '../../core/published';
import { ItemType } from './enums';
import type { FormData, ItemData, ItemTypeName, TextValidationData } from './model';

const CLASS_OF: Record<ItemTypeName, string> = {
  TEXT: 'TextItem',
  PARAGRAPH_TEXT: 'ParagraphTextItem',
  MULTIPLE_CHOICE: 'MultipleChoiceItem',
  LIST: 'ListItem',
  CHECKBOX: 'CheckboxItem',
  SECTION_HEADER: 'SectionHeaderItem',
  PAGE_BREAK: 'PageBreakItem',
};

export interface FormsHost {
  readonly kernel: Kernel;
  /** The form changed its questions: refresh the destination's header. */
  questionsChanged(form: FormData): void;
}

class Choice {
  constructor(readonly _value: string) {}
  getValue(): string {
    return this._value;
  }
}

export class ItemResponse {
  constructor(
    readonly _host: FormsHost,
    readonly _form: FormData,
    readonly _item: ItemData,
    readonly _value: string | string[],
  ) {}
  getItem(): unknown {
    return makeItem(this._host, this._form, this._item, 'Item');
  }
  getResponse(): string | string[] {
    return Array.isArray(this._value) ? [...this._value] : this._value;
  }
}

export function makeItemResponse(host: FormsHost, form: FormData, item: ItemData, value: string | string[]): ItemResponse {
  return expose(host.kernel, 'FormApp', 'ItemResponse', new ItemResponse(host, form, item, value));
}

/** One class serves every item type; methods check they apply to the item's type. */
export class FormItem extends Published {
  constructor(
    readonly _host: FormsHost,
    readonly _form: FormData,
    readonly _item: ItemData,
    readonly _className: string,
  ) {
    super();
  }

  private _requireType(types: ItemTypeName[], method: string): void {
    if (!types.includes(this._item.type) || this._className === 'Item') {
      throw new AppsScriptException(`not implemented in the emulator: ${this._className}.${method}`);
    }
  }

  private _cast(type: ItemTypeName): FormItem {
    if (this._item.type !== type) throw new AppsScriptException(`Item with ID ${this._item.id} is of type ${this._item.type} and cannot be cast to ${type}.`);
    return makeItem(this._host, this._form, this._item, CLASS_OF[type]);
  }

  getId(): number {
    return this._item.id;
  }
  getIndex(): number {
    return this._form.items.indexOf(this._item);
  }
  getType(): unknown {
    return ItemType[this._item.type];
  }
  getTitle(): string {
    return this._item.title;
  }
  setTitle(title: string): FormItem {
    if (typeof title !== 'string') throw signatureMismatch(`FormApp.${this._className}.setTitle`, [title]);
    this._item.title = title;
    this._host.questionsChanged(this._form);
    return this._self;
  }
  getHelpText(): string {
    return this._item.helpText;
  }
  setHelpText(text: string): FormItem {
    this._item.helpText = String(text);
    return this._self;
  }
  isRequired(): boolean {
    return this._item.required;
  }
  setRequired(enabled: boolean): FormItem {
    this._requireType(['TEXT', 'PARAGRAPH_TEXT', 'MULTIPLE_CHOICE', 'LIST', 'CHECKBOX'], 'setRequired');
    if (typeof enabled !== 'boolean') throw signatureMismatch(`FormApp.${this._className}.setRequired`, [enabled]);
    this._item.required = enabled;
    return this._self;
  }

  // choices
  setChoiceValues(values: string[]): FormItem {
    this._requireType(['MULTIPLE_CHOICE', 'LIST', 'CHECKBOX'], 'setChoiceValues');
    if (!Array.isArray(values) || values.length === 0) throw new AppsScriptException('Invalid data updating form.');
    this._item.choices = values.map(String);
    return this._self;
  }
  setChoices(choices: unknown[]): FormItem {
    this._requireType(['MULTIPLE_CHOICE', 'LIST', 'CHECKBOX'], 'setChoices');
    return this.setChoiceValues(choices.map((c) => (unwrap(c) as Choice)._value));
  }
  createChoice(value: string): unknown {
    this._requireType(['MULTIPLE_CHOICE', 'LIST', 'CHECKBOX'], 'createChoice');
    return expose(this._host.kernel, 'FormApp', 'Choice', new Choice(String(value)));
  }
  getChoices(): unknown[] {
    this._requireType(['MULTIPLE_CHOICE', 'LIST', 'CHECKBOX'], 'getChoices');
    return this._item.choices.map((c) => expose(this._host.kernel, 'FormApp', 'Choice', new Choice(c)));
  }
  showOtherOption(enabled: boolean): FormItem {
    this._requireType(['MULTIPLE_CHOICE', 'CHECKBOX'], 'showOtherOption');
    this._item.hasOtherOption = Boolean(enabled);
    return this._self;
  }
  hasOtherOption(): boolean {
    this._requireType(['MULTIPLE_CHOICE', 'CHECKBOX'], 'hasOtherOption');
    return this._item.hasOtherOption;
  }

  setValidation(validation: unknown): FormItem {
    this._requireType(['TEXT', 'PARAGRAPH_TEXT'], 'setValidation');
    if (validation === null) {
      delete this._item.validation;
      return this._self;
    }
    const data = (unwrap(validation) as { _data?: TextValidationData })._data;
    if (!data) throw signatureMismatch(`FormApp.${this._className}.setValidation`, [validation]);
    this._item.validation = { ...data };
    return this._self;
  }
  clearValidation(): FormItem {
    this._requireType(['TEXT', 'PARAGRAPH_TEXT'], 'clearValidation');
    delete this._item.validation;
    return this._self;
  }

  createResponse(response: string | string[]): ItemResponse {
    this._requireType(['TEXT', 'PARAGRAPH_TEXT', 'MULTIPLE_CHOICE', 'LIST', 'CHECKBOX'], 'createResponse');
    if (this._item.type === 'CHECKBOX' ? !Array.isArray(response) : typeof response !== 'string') {
      throw signatureMismatch(`FormApp.${this._className}.createResponse`, [response]);
    }
    return makeItemResponse(this._host, this._form, this._item, response);
  }

  asTextItem(): FormItem {
    return this._cast('TEXT');
  }
  asParagraphTextItem(): FormItem {
    return this._cast('PARAGRAPH_TEXT');
  }
  asMultipleChoiceItem(): FormItem {
    return this._cast('MULTIPLE_CHOICE');
  }
  asListItem(): FormItem {
    return this._cast('LIST');
  }
  asCheckboxItem(): FormItem {
    return this._cast('CHECKBOX');
  }
  asSectionHeaderItem(): FormItem {
    return this._cast('SECTION_HEADER');
  }
}

export function makeItem(host: FormsHost, form: FormData, item: ItemData, className = CLASS_OF[item.type]): FormItem {
  return publish(host.kernel, 'FormApp', className, new FormItem(host, form, item, className));
}

/** TextValidationBuilder: https://developers.google.com/apps-script/reference/forms/text-validation-builder */
export class TextValidationBuilder extends Published {
  _data: TextValidationData | null = null;
  _helpText = '';
  constructor(readonly _kernel: Kernel) {
    super();
  }
  requireTextIsEmail(): TextValidationBuilder {
    this._data = { kind: 'EMAIL', helpText: '' };
    return this._self;
  }
  requireTextIsUrl(): TextValidationBuilder {
    this._data = { kind: 'URL', helpText: '' };
    return this._self;
  }
  requireTextMatchesPattern(pattern: string): TextValidationBuilder {
    this._data = { kind: 'PATTERN', helpText: '', pattern: String(pattern) };
    return this._self;
  }
  requireTextLengthLessThanOrEqualTo(number: number): TextValidationBuilder {
    this._data = { kind: 'MAX_LENGTH', helpText: '', maxLength: number };
    return this._self;
  }
  setHelpText(text: string): TextValidationBuilder {
    this._helpText = String(text);
    return this._self;
  }
  build(): unknown {
    if (!this._data) throw new AppsScriptException('Validation rule is missing a requirement.');
    return expose(this._kernel, 'FormApp', 'TextValidation', { _data: { ...this._data, helpText: this._helpText } });
  }
}
