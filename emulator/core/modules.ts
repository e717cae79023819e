/**
 * The contracts between emulated services, and between them and the workspace / local server.
 * Each service lives in `emulator/services/<name>/` and exports `install(kernel)`, which
 * registers a module implementing its interface below. Scripts never see these interfaces:
 * they see only the globals each module returns from `globals()`.
 */
import type { ExecutionOptions } from './execution';
import type { LockHold, LockWaiter } from '../services/lock';

export interface ServiceModule {
  readonly name: string;
  /** Apps Script globals this module provides, keyed by their Apps Script names. */
  globals(): Record<string, unknown>;
  /** JSON-able state (Dates allowed: see json.ts), for snapshots. */
  save(): unknown;
  restore(state: unknown): void;
}

// ---- SpreadsheetApp ----------------------------------------------------------------------------

export interface SheetView {
  sheetId: number;
  name: string;
  hidden: boolean;
  /** True if a sheet-level protection exists. */
  protected: boolean;
  /** Editors of the sheet-level protection (the owner aside), or null when there is none. */
  protectionEditors: string[] | null;
  /** URL of the form whose responses this sheet receives, or null. */
  formUrl: string | null;
  frozenRows: number;
  /** getDisplayValues() of the data range. */
  displayValues: string[][];
}

export interface SpreadsheetView {
  id: string;
  name: string;
  owner: string;
  url: string;
  sheets: SheetView[];
}

export interface FormResponseRow {
  sheetId: number;
  sheetName: string;
  /** 1-based row the response was written to. */
  row: number;
  numColumns: number;
  /** The header row of the responses sheet. */
  header: string[];
  /** The row as the sheet shows it (getDisplayValues), aligned with `header`. */
  displayValues: string[];
}

export interface SpreadsheetModule extends ServiceModule {
  readonly name: 'spreadsheet';
  /** Creates a spreadsheet as a person would in Drive (outside any script). Returns its id. */
  create(name: string, options?: { owner?: string; locale?: string }): string;
  /** The spreadsheet the script is bound to (SpreadsheetApp.getActive()), if any. */
  activeId(): string | null;
  setActive(id: string | null): void;
  exists(id: string): boolean;
  list(): { id: string; name: string }[];
  view(id: string): SpreadsheetView;
  /** The facade a script would get from SpreadsheetApp.openById(id). */
  facade(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** The facade of a range, e.g. for a trigger event's `range`. */
  rangeFacade(spreadsheetId: string, sheetId: number, row: number, column: number, numRows: number, numColumns: number): GoogleAppsScript.Spreadsheet.Range;
  /**
   * Forms link: make sure the form's responses sheet exists in the spreadsheet (created at
   * setDestination, named per the spreadsheet's locale: "Form Responses 1", "Câu trả lời biểu mẫu 1")
   * with the header row "Timestamp" (localised) + the question titles, adding columns for new items.
   */
  linkForm(spreadsheetId: string, formId: string, formUrl: string, titles: string[]): FormResponseRow;
  unlinkForm(spreadsheetId: string, formId: string): void;
  /**
   * Writes one response row (timestamp + values aligned with the header) where Google Forms would:
   * the row after the last response it wrote (cleared rows stay blank), inserting a row there when
   * the sheet has content at or below it.
   */
  appendFormResponse(spreadsheetId: string, formId: string, titles: string[], timestamp: Date, values: string[]): FormResponseRow;
}

// ---- FormApp -----------------------------------------------------------------------------------

export interface FormItemModel {
  id: number;
  index: number;
  type: string; // FormApp.ItemType name: TEXT, PARAGRAPH_TEXT, MULTIPLE_CHOICE, LIST, CHECKBOX, SECTION_HEADER …
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  /** MULTIPLE_CHOICE / CHECKBOX: an "Other" option. */
  hasOtherOption: boolean;
  /** Validation on text items, if any (e.g. an e-mail pattern), as help for the renderer. */
  validation?: { kind: string; helpText: string; pattern?: string };
}

export interface FormModel {
  id: string;
  title: string;
  description: string;
  publishedUrl: string;
  editUrl: string;
  acceptingResponses: boolean;
  customClosedFormMessage: string;
  confirmationMessage: string;
  collectEmail: boolean;
  destinationId: string | null;
  items: FormItemModel[];
}

/**
 * One reason Google Forms refuses a submission, worded as its respondent UI in Vietnamese shows it
 * under the question (or, for the form itself, at the top).
 */
export interface FormProblem {
  /** The question's item id; null for a form-level problem (closed form, respondent e-mail, unknown question). */
  itemId: number | null;
  /** The question's title ("Email" for the respondent e-mail; '' for the form itself). */
  title: string;
  message: string;
  /** Which form-level field a null-itemId problem belongs to, when it belongs to one. */
  field?: 'respondentEmail';
}

export interface SubmitResult {
  responseId: string;
  timestamp: Date;
  /** Where the destination spreadsheet received it, if the form has one. */
  destination: FormResponseRow | null;
  triggerRuns: TriggerRun[];
}

export interface FormsModule extends ServiceModule {
  readonly name: 'forms';
  list(): { id: string; title: string }[];
  model(formId: string): FormModel;
  /** Resolves a published (viewform) or edit URL to the form id, as the local server receives them. */
  idFromUrl(url: string): string | null;
  /**
   * A resident submits the form: answers keyed by item title (string, or string[] for checkboxes).
   * Validates as Google Forms would (required items, choices, validation), records the response,
   * writes the destination row, then fires the installed form-submit triggers.
   * Throws a FormValidationError listing the problems (FormProblem, per question) when the submission
   * would be refused.
   */
  submit(formId: string, answers: Record<string, string | string[]>, options?: { respondentEmail?: string }): SubmitResult;
}

// ---- ScriptApp (installable triggers) ----------------------------------------------------------

export interface TriggerInfo {
  uid: string;
  handlerFunction: string;
  eventType: string; // ScriptApp.EventType name: CLOCK, ON_FORM_SUBMIT, ON_OPEN, ON_EDIT, ON_CHANGE
  triggerSource: string; // ScriptApp.TriggerSource name: SPREADSHEETS, FORMS, CLOCK
  sourceId: string | null;
  owner: string;
  /** CLOCK triggers. */
  everyMs?: number;
  nextRunAt?: Date;
}

export interface TriggerRun {
  triggerUid: string;
  handlerFunction: string;
  user: string;
  ok: boolean;
  error?: string;
}

export interface ScriptModule extends ServiceModule {
  readonly name: 'script';
  triggers(): TriggerInfo[];
  /**
   * Runs every installed trigger of `eventType` on the spreadsheet / form `sourceId`, each as its
   * owner in its own execution (AuthMode.FULL). `makeEvent(triggerUid)` builds the event object.
   * A handler that throws is recorded in its TriggerRun, never rethrown (as in Apps Script,
   * where the failure goes to the owner's executions log).
   */
  fire(sourceId: string, eventType: string, makeEvent: (triggerUid: string) => Record<string, unknown>): TriggerRun[];
  /** Runs the time-driven triggers due at the clock's current time. */
  runDue(): TriggerRun[];
  /**
   * Who an access token from ScriptApp.getOAuthToken() stands for: its user and the scopes the
   * script had when it was issued; null for a token this workspace never issued or one expired.
   */
  tokenInfo(token: string): { user: string; scopes: string[] | null } | null;
}

// ---- HtmlService and the container UI ----------------------------------------------------------

export interface MenuModel {
  title: string;
  /** An add-on menu (createAddonMenu) or a custom top-level menu (createMenu). */
  addon: boolean;
  items: Array<{ caption: string; functionName: string } | { separator: true } | { caption: string; submenu: MenuModel }>;
}

export interface ShownHtml {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  /** HtmlOutput.getContent() at the time it was shown. */
  content: string;
  width: number;
  height: number;
  user: string;
  shownAt: Date;
}

export interface UiEvent {
  kind: 'alert' | 'prompt' | 'toast';
  title: string;
  message: string;
  user: string;
  at: Date;
}

export interface HtmlModule extends ServiceModule {
  readonly name: 'html';
  /** Menus added with Menu.addToUi(), newest definition of each title wins (as a re-run of onOpen does). */
  menus(): MenuModel[];
  shown(): ShownHtml[];
  uiEvents(): UiEvent[];
  /** Answers the next Ui.alert/prompt calls would get (default: OK / empty text). */
  queueUiResponse(response: { button: string; text?: string }): void;
  /** The Ui facade SpreadsheetApp.getUi() returns. */
  uiFacade(): GoogleAppsScript.Base.Ui;
  /** Spreadsheet.toast(): shown in the corner of the sheet; kept as a UiEvent. */
  recordToast(title: string, message: string): void;
}

// ---- MailApp -----------------------------------------------------------------------------------

export interface SentMail {
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  attachments: { name: string; contentType: string; size: number }[];
  sentAt: Date;
}

/** A message to send (MailApp.sendEmail's options; GmailApp's replies go through the same checks). */
export interface OutgoingMail {
  to?: string;
  cc?: string;
  bcc?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  attachments?: unknown[];
  inlineImages?: Record<string, unknown>;
}

export interface MailModule extends ServiceModule {
  readonly name: 'mail';
  outbox(): SentMail[];
  /**
   * Checks and sends one message as the running execution's user (or `from`, an alias already
   * checked by the caller), counting its recipients against the daily quota MailApp and GmailApp
   * share (https://developers.google.com/apps-script/guides/services/quotas: "Email recipients per day").
   */
  send(options: OutgoingMail, from?: string): SentMail;
}

// ---- DocumentApp / DriveApp ---------------------------------------------------------------------

export interface DocumentsModule extends ServiceModule {
  readonly name: 'documents';
  list(): { id: string; name: string }[];
  /** The document as a self-contained, escaped HTML page (headings, styles, tables, images, page breaks). */
  renderHtml(id: string): string;
  /** The document's plain text (Body.getText()), for assertions. */
  text(id: string): string;
  /** A new document with the same content (Drive's makeCopy); returns its id. */
  copy(id: string, name: string): string;
}

export interface DriveModule extends ServiceModule {
  readonly name: 'drive';
}

// ---- Web app (doGet / doPost) --------------------------------------------------------------------

/** The manifest's "webapp" section: https://developers.google.com/apps-script/manifest/web-app-api-executable */
export interface WebAppConfig {
  executeAs: 'USER_ACCESSING' | 'USER_DEPLOYING';
  access: 'MYSELF' | 'DOMAIN' | 'ANYONE' | 'ANYONE_ANONYMOUS';
}

/** One request to the web app: what follows /exec in its URL ('', '?x=1', '/path?x=1'). */
export interface WebAppRequest {
  method: 'GET' | 'POST';
  tail: string;
  /** POST: the request body and its Content-Type. */
  body?: string;
  contentType?: string;
  /** The visitor's account; '' for an anonymous visitor. */
  user: string;
}

/** What the web app answers, as Apps Script serves it. */
export interface WebAppResponse {
  status: number;
  contentType: string;
  /** The HtmlOutput's content (served inside Google's sandbox frame), the TextOutput's text or Google's page. */
  body: string;
  /** Which object doGet/doPost returned, when it returned one the web app can serve. */
  output?: 'HtmlOutput' | 'TextOutput';
  /** HtmlOutput: the page title (setTitle), meta tags (addMetaTag), favicon and X-Frame-Options mode. */
  title?: string;
  metaTags?: Array<{ name: string; content: string }>;
  faviconUrl?: string;
  xFrameOptionsMode?: 'ALLOWALL' | 'DEFAULT';
  /** TextOutput.downloadAsFile(name). */
  fileName?: string;
  /** A redirect: Google's sign-in page for a visitor who must sign in. */
  location?: string;
  /** The script's failure as Apps Script's error page shows it ("Script function not found: doGet" …). */
  error?: string;
}

export interface WebAppModule extends ServiceModule {
  readonly name: 'webapp';
  /** Checks a loaded manifest's webapp section and deploys the web app the first time it has one. */
  loaded(manifest: Record<string, unknown>): void;
  /** The loaded script's web app configuration; null when it is not a web app. */
  config(): WebAppConfig | null;
  /** https://script.google.com/macros/s/<deploymentId>/exec, or null when there is no web app. */
  url(): string | null;
  /** The account that deployed the web app (USER_DEPLOYING runs as it); null before any deployment. */
  deployer(): string | null;
  /** The Service facade ScriptApp.getService() returns. */
  serviceFacade(): unknown;
  /** Runs doGet / doPost for a visitor, as one execution of kind 'webapp'. */
  request(request: WebAppRequest): WebAppResponse;
  /**
   * google.script.run from a page the web app served: runs `fn` as the web app runs for this
   * visitor (executeAs), after the same access check. Throws when the visitor may not run it.
   */
  rpc(fn: string, args: unknown[], visitor: string): unknown;
  /** This web app as another workspace's UrlFetchApp reaches it: the URL prefixes it answers and its handler. */
  endpoint(): { prefixes: string[]; handle: import('../services/urlfetch').NetworkHandler };
}

// ---- the small services --------------------------------------------------------------------------

export interface LogEntry {
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
  at: Date;
  executionId: number;
}

export interface LoggerModule extends ServiceModule {
  readonly name: 'logger';
  entries(): LogEntry[];
}

export interface LockModule extends ServiceModule {
  readonly name: 'lock';
  holds(): LockHold[];
  whenFree<T>(fn: () => T, options?: ExecutionOptions): LockWaiter<T>;
}

export interface SimpleModule extends ServiceModule {
  readonly name: 'properties' | 'cache' | 'session' | 'utilities' | 'content' | 'charts';
}

export interface ModuleMap {
  spreadsheet: SpreadsheetModule;
  forms: FormsModule;
  script: ScriptModule;
  html: HtmlModule;
  mail: MailModule;
  documents: DocumentsModule;
  drive: DriveModule;
  logger: LoggerModule;
  lock: LockModule;
  properties: SimpleModule;
  cache: SimpleModule;
  session: SimpleModule;
  utilities: SimpleModule;
  content: SimpleModule;
  charts: SimpleModule;
  webapp: WebAppModule;
  gmail: GmailModule;
  urlfetch: UrlFetchModule;
}

export type { ExecutionOptions };
import type { GmailModule } from '../services/gmail/model';
import type { UrlFetchModule } from '../services/urlfetch';
export type { GmailModule, UrlFetchModule };
