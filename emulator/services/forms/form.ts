/** Form and FormResponse: https://developers.google.com/apps-script/reference/forms/form */
import { AppsScriptException, signatureMismatch } from '../../core/errors';
import { isEnumValue } from '../../core/enums';
import { unwrap } from '../../core/facade';
import { Published, publish } from '../../core/published';
import { DestinationType, ItemType } from './enums';
import { FormItem, ItemResponse, makeItem, makeItemResponse, type FormsHost } from './items';
import { editUrl, publishedUrl, type FormData, type ItemData, type ItemTypeName, type ResponseData } from './model';

export interface FormsStore extends FormsHost {
  setDestination(form: FormData, spreadsheetId: string | null): void;
  exists(spreadsheetId: string): boolean;
}

export class FormResponse extends Published {
  constructor(
    readonly _host: FormsHost,
    readonly _form: FormData,
    /** null: a response being built for a prefilled URL, not submitted. */
    readonly _data: ResponseData | null,
    readonly _draft: Array<{ itemId: number; value: string | string[] }> = [],
  ) {
    super();
  }

  private get _answers() {
    return this._data ? this._data.answers : this._draft;
  }

  getId(): string | null {
    return this._data?.id ?? null;
  }
  getTimestamp(): Date | null {
    return this._data ? new Date(this._data.timestamp.getTime()) : null;
  }
  getRespondentEmail(): string {
    return this._data?.respondentEmail ?? '';
  }
  getEditResponseUrl(): string {
    return `${publishedUrl(this._form)}?edit2=${this._data?.id ?? ''}`;
  }
  getItemResponses(): ItemResponse[] {
    return this._answers.flatMap((a) => {
      const item = this._form.items.find((i) => i.id === a.itemId);
      return item ? [makeItemResponse(this._host, this._form, item, a.value)] : [];
    });
  }
  getResponseForItem(item: unknown): ItemResponse | null {
    const id = (unwrap(item) as FormItem)._item?.id;
    const a = this._answers.find((x) => x.itemId === id);
    const data = this._form.items.find((i) => i.id === id);
    return a && data ? makeItemResponse(this._host, this._form, data, a.value) : null;
  }
  withItemResponse(response: unknown): FormResponse {
    if (this._data) throw new AppsScriptException('A submitted response cannot be changed here.');
    const r = unwrap(response) as ItemResponse;
    if (!(r instanceof ItemResponse)) throw signatureMismatch('FormApp.FormResponse.withItemResponse', [response]);
    const i = this._draft.findIndex((a) => a.itemId === r._item.id);
    if (i >= 0) this._draft.splice(i, 1);
    this._draft.push({ itemId: r._item.id, value: r._value });
    return this._self;
  }
  toPrefilledUrl(): string {
    const params = ['usp=pp_url'];
    for (const a of this._draft) {
      for (const v of Array.isArray(a.value) ? a.value : [a.value]) params.push(`entry.${a.itemId}=${encodeURIComponent(v).replace(/%20/g, '+')}`);
    }
    return `${publishedUrl(this._form)}?${params.join('&')}`;
  }
}

export function makeFormResponse(host: FormsHost, form: FormData, data: ResponseData | null): FormResponse {
  return publish(host.kernel, 'FormApp', 'FormResponse', new FormResponse(host, form, data));
}

export class Form extends Published {
  constructor(
    readonly _store: FormsStore,
    readonly _form: FormData,
  ) {
    super();
  }

  private _add(type: ItemTypeName): FormItem {
    const item: ItemData = { id: this._form.nextItemId, type, title: '', helpText: '', required: false, choices: [], hasOtherOption: false };
    this._form.nextItemId += 1 + (this._form.nextItemId % 7);
    this._form.items.push(item);
    this._store.questionsChanged(this._form);
    return makeItem(this._store, this._form, item);
  }

  getId(): string {
    return this._form.id;
  }
  getTitle(): string {
    return this._form.title;
  }
  setTitle(title: string): Form {
    if (typeof title !== 'string') throw signatureMismatch('FormApp.Form.setTitle', [title]);
    this._form.title = title;
    const file = this._store.kernel.files.get(this._form.id);
    if (file) file.name = title;
    return this._self;
  }
  getDescription(): string {
    return this._form.description;
  }
  setDescription(description: string): Form {
    this._form.description = String(description);
    return this._self;
  }
  getPublishedUrl(): string {
    return publishedUrl(this._form);
  }
  getEditUrl(): string {
    return editUrl(this._form);
  }

  addTextItem(): FormItem {
    return this._add('TEXT');
  }
  addParagraphTextItem(): FormItem {
    return this._add('PARAGRAPH_TEXT');
  }
  addMultipleChoiceItem(): FormItem {
    return this._add('MULTIPLE_CHOICE');
  }
  addListItem(): FormItem {
    return this._add('LIST');
  }
  addCheckboxItem(): FormItem {
    return this._add('CHECKBOX');
  }
  addSectionHeaderItem(): FormItem {
    return this._add('SECTION_HEADER');
  }
  addPageBreakItem(): FormItem {
    return this._add('PAGE_BREAK');
  }

  getItems(itemType?: unknown): FormItem[] {
    if (itemType !== undefined && !isEnumValue(itemType, ItemType)) throw signatureMismatch('FormApp.Form.getItems', [itemType]);
    return this._form.items.filter((i) => itemType === undefined || i.type === String(itemType)).map((i) => makeItem(this._store, this._form, i, 'Item'));
  }
  getItemById(id: number): FormItem | null {
    const item = this._form.items.find((i) => i.id === id);
    return item ? makeItem(this._store, this._form, item, 'Item') : null;
  }
  deleteItem(indexOrItem: unknown): void {
    const index = typeof indexOrItem === 'number' ? indexOrItem : this._form.items.indexOf((unwrap(indexOrItem) as FormItem)._item);
    if (!Number.isInteger(index) || index < 0 || index >= this._form.items.length) throw new AppsScriptException('Invalid argument: index');
    this._form.items.splice(index, 1);
  }
  moveItem(from: unknown, toIndex: number): FormItem {
    const index = typeof from === 'number' ? from : this._form.items.indexOf((unwrap(from) as FormItem)._item);
    if (index < 0 || index >= this._form.items.length || toIndex < 0 || toIndex >= this._form.items.length) throw new AppsScriptException('Invalid argument: index');
    const [item] = this._form.items.splice(index, 1);
    this._form.items.splice(toIndex, 0, item);
    return makeItem(this._store, this._form, item);
  }

  setDestination(type: unknown, id: string): Form {
    if (!isEnumValue(type, DestinationType) || typeof id !== 'string') throw signatureMismatch('FormApp.Form.setDestination', [type, id]);
    if (!this._store.exists(id)) throw new AppsScriptException(`Invalid argument: destinationId`);
    this._store.setDestination(this._form, id);
    return this._self;
  }
  getDestinationId(): string {
    if (!this._form.destinationId) throw new AppsScriptException('The form currently has no response destination.');
    return this._form.destinationId;
  }
  getDestinationType(): unknown {
    if (!this._form.destinationId) throw new AppsScriptException('The form currently has no response destination.');
    return DestinationType.SPREADSHEET;
  }
  removeDestination(): Form {
    this._store.setDestination(this._form, null);
    return this._self;
  }

  setCollectEmail(collect: boolean): Form {
    this._form.collectEmail = Boolean(collect);
    this._store.questionsChanged(this._form);
    return this._self;
  }
  collectsEmail(): boolean {
    return this._form.collectEmail;
  }
  setConfirmationMessage(message: string): Form {
    this._form.confirmationMessage = String(message);
    return this._self;
  }
  getConfirmationMessage(): string {
    return this._form.confirmationMessage;
  }
  setAcceptingResponses(enabled: boolean): Form {
    this._form.acceptingResponses = Boolean(enabled);
    return this._self;
  }
  isAcceptingResponses(): boolean {
    return this._form.acceptingResponses;
  }
  setCustomClosedFormMessage(message: string): Form {
    this._form.customClosedFormMessage = String(message);
    return this._self;
  }
  setAllowResponseEdits(enabled: boolean): Form {
    this._form.allowResponseEdits = Boolean(enabled);
    return this._self;
  }
  setLimitOneResponsePerUser(enabled: boolean): Form {
    this._form.limitOneResponsePerUser = Boolean(enabled);
    return this._self;
  }
  setShowLinkToRespondAgain(enabled: boolean): Form {
    this._form.showLinkToRespondAgain = Boolean(enabled);
    return this._self;
  }
  setProgressBar(enabled: boolean): Form {
    this._form.progressBar = Boolean(enabled);
    return this._self;
  }
  setPublishingSummary(enabled: boolean): Form {
    this._form.publishingSummary = Boolean(enabled);
    return this._self;
  }

  /** All responses, or those submitted at or after `timestamp`. */
  getResponses(timestamp?: Date): FormResponse[] {
    if (timestamp !== undefined && !(timestamp instanceof Date)) throw signatureMismatch('FormApp.Form.getResponses', [timestamp]);
    return this._form.responses
      .filter((r) => !timestamp || r.timestamp.getTime() >= timestamp.getTime())
      .map((r) => makeFormResponse(this._store, this._form, r));
  }
  getResponse(responseId: string): FormResponse {
    const r = this._form.responses.find((x) => x.id === responseId);
    if (!r) throw new AppsScriptException(`No response with ID ${responseId} exists for this form.`);
    return makeFormResponse(this._store, this._form, r);
  }
  createResponse(): FormResponse {
    return makeFormResponse(this._store, this._form, null);
  }
  deleteAllResponses(): Form {
    this._form.responses = [];
    return this._self;
  }
}

export function makeForm(store: FormsStore, form: FormData): Form {
  return publish(store.kernel, 'FormApp', 'Form', new Form(store, form));
}

