/**
 * Which OAuth scopes each service method needs, so that a script whose manifest lists too few
 * scopes fails in the emulator as it would for a real user. The table is per method: every
 * method's rule is its class's rule unless the method is listed among the class's exceptions.
 *
 * Sources, per rule:
 * - the "Authorization" section of each method on its reference page (the page is named above
 *   each class; a method's anchor is `#name(ArgTypes)`), e.g.
 *   https://developers.google.com/apps-script/reference/drive/drive-app#getFileById(String) lists
 *   drive.readonly and drive — never drive.file — and
 *   https://developers.google.com/apps-script/reference/drive/file#makeCopy(String) lists drive
 *   only. The sections were read in bulk from the package gas-types-detailed 1.1.3 (npm), which
 *   carries each reference page's text, Authorization sections included, into its type
 *   definitions; the rules below are that text, class by class. A method with no Authorization
 *   section needs no scope (e.g. SpreadsheetApp.getUi, Spreadsheet.getSheetByName, Ui.alert).
 * - live error messages, which agree, e.g. "You do not have permission to call
 *   DriveApp.getFileById. Required permissions: (https://www.googleapis.com/auth/drive.readonly
 *   || https://www.googleapis.com/auth/drive)" and "… SpreadsheetApp.getActiveSpreadsheet.
 *   Required permissions: (…/spreadsheets.currentonly || …/spreadsheets)" — quoted in public
 *   repositories' bug reports and troubleshooting notes (code search), and Google's own
 *   googleworkspace/redriveapp sample: DriveApp "automatically forces use of the full /auth/drive
 *   scope", which is why that sample exists.
 *
 * Services whose reference pages have no Authorization section for any method need no scope at
 * all (CacheService, LockService, PropertiesService, Utilities, HtmlService, ContentService,
 * Logger, Charts). A class of a scoped service that is not in the table is an emulator bug: the
 * call throws instead of passing unchecked.
 */
import type { ServiceName } from './meter';

const G = 'https://www.googleapis.com/auth/';

/** Any one of the listed scopes is enough, in the order the reference lists them. `null`: no scope. */
export type ScopeRule = readonly string[] | null;

const NONE: ScopeRule = null;
const SHEETS: ScopeRule = [`${G}spreadsheets.currentonly`, `${G}spreadsheets`];
const SHEETS_ALL: ScopeRule = [`${G}spreadsheets`];
const FORMS: ScopeRule = [`${G}forms.currentonly`, `${G}forms`];
const FORMS_ALL: ScopeRule = [`${G}forms`];
const DOCS: ScopeRule = [`${G}documents.currentonly`, `${G}documents`];
const DOCS_ALL: ScopeRule = [`${G}documents`];
const DOCS_API_READ: ScopeRule = [`${G}documents`, `${G}documents.readonly`, `${G}drive`, `${G}drive.file`, `${G}drive.readonly`];
const DOCS_API_WRITE: ScopeRule = [`${G}documents`, `${G}drive`, `${G}drive.file`];
// The Drive API's methods, as their reference pages list them ("Authorization scopes").
const DRIVE_API_WRITE: ScopeRule = [`${G}drive`, `${G}drive.appdata`, `${G}drive.file`];
const DRIVE_API_READ: ScopeRule = [`${G}drive`, `${G}drive.appdata`, `${G}drive.file`, `${G}drive.meet.readonly`, `${G}drive.metadata`, `${G}drive.metadata.readonly`, `${G}drive.photos.readonly`, `${G}drive.readonly`];
const DRIVE_READ: ScopeRule = [`${G}drive.readonly`, `${G}drive`];
const DRIVE: ScopeRule = [`${G}drive`];
const SCRIPTAPP: ScopeRule = [`${G}script.scriptapp`];
const CONTAINER_UI: ScopeRule = [`${G}script.container.ui`];
const SEND_MAIL: ScopeRule = [`${G}script.send_mail`];
const EMAIL: ScopeRule = [`${G}userinfo.email`];
const BIGQUERY: ScopeRule = [`${G}bigquery.readonly`];
const MAIL: ScopeRule = ['https://mail.google.com/'];
const EXTERNAL_REQUEST: ScopeRule = [`${G}script.external_request`];
const CALENDAR: ScopeRule = [`${G}calendar`, `${G}calendar.readonly`, `${G}calendar.events`, `${G}calendar.events.readonly`];

interface ClassRule {
  /** The rule of every method of the class … */
  all: ScopeRule;
  /** … but these, whose reference pages say otherwise. */
  except?: Record<string, ScopeRule>;
}

const SCOPE_FREE: ReadonlySet<ServiceName> = new Set<ServiceName>([
  'CacheService',
  'LockService',
  'PropertiesService',
  'Utilities',
  'HtmlService',
  'ContentService',
  'Logger',
  'Charts',
]);

/** "Service:Class" → the class's rule. */
const CLASSES: Record<string, ClassRule> = {
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app
  'SpreadsheetApp:SpreadsheetApp': { all: NONE, except: { getActive: SHEETS, getActiveRange: SHEETS, getActiveRangeList: SHEETS, getActiveSheet: SHEETS, getActiveSpreadsheet: SHEETS, getCurrentCell: SHEETS, getSelection: SHEETS, setActiveRangeList: SHEETS, setActiveSheet: SHEETS, setCurrentCell: SHEETS, create: SHEETS_ALL, open: SHEETS_ALL, openById: SHEETS_ALL, openByUrl: SHEETS_ALL, enableAllDataSourcesExecution: BIGQUERY, enableBigQueryExecution: BIGQUERY } },
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet
  'SpreadsheetApp:Spreadsheet': { all: SHEETS, except: { createDeveloperMetadataFinder: NONE, createTextFinder: NONE, getActiveSheet: NONE, getAs: NONE, getBlob: NONE, getId: NONE, getNumSheets: NONE, getRangeByName: NONE, getSheetById: NONE, getSheetByName: NONE, getSheets: NONE, show: CONTAINER_UI } },
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet
  'SpreadsheetApp:Sheet': { all: SHEETS, except: { activate: NONE, createDeveloperMetadataFinder: NONE, createTextFinder: NONE, newChart: NONE } },
  // https://developers.google.com/apps-script/reference/spreadsheet/range
  'SpreadsheetApp:Range': { all: SHEETS, except: { activate: NONE, createDeveloperMetadataFinder: NONE, createTextFinder: NONE, getMergedRanges: NONE, isPartOfMerge: NONE, offset: NONE } },
  // https://developers.google.com/apps-script/reference/spreadsheet/protection
  'SpreadsheetApp:Protection': { all: SHEETS },
  // https://developers.google.com/apps-script/reference/spreadsheet/data-validation
  'SpreadsheetApp:DataValidation': { all: NONE },
  // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
  'SpreadsheetApp:DataValidationBuilder': { all: NONE },
  // https://developers.google.com/apps-script/reference/base/ui
  'SpreadsheetApp:Ui': { all: NONE, except: { showModalDialog: CONTAINER_UI, showModelessDialog: CONTAINER_UI, showSidebar: CONTAINER_UI } },
  // https://developers.google.com/apps-script/reference/base/menu
  'SpreadsheetApp:Menu': { all: NONE },
  // https://developers.google.com/apps-script/reference/base/prompt-response
  'SpreadsheetApp:PromptResponse': { all: NONE },
  // https://developers.google.com/apps-script/reference/base/user
  'SpreadsheetApp:User': { all: NONE },
  // https://developers.google.com/apps-script/reference/forms/form-app
  'FormApp:FormApp': { all: NONE, except: { create: FORMS_ALL, openById: FORMS_ALL, openByUrl: FORMS_ALL, getActiveForm: FORMS } },
  // https://developers.google.com/apps-script/reference/forms/form
  'FormApp:Form': { all: FORMS },
  // https://developers.google.com/apps-script/reference/forms/form-response
  'FormApp:FormResponse': { all: FORMS, except: { getGradableResponseForItem: NONE, getResponseForItem: NONE } },
  // https://developers.google.com/apps-script/reference/forms/item-response
  'FormApp:ItemResponse': { all: FORMS },
  // https://developers.google.com/apps-script/reference/forms/item
  'FormApp:Item': { all: FORMS, except: { asImageItem: NONE, asVideoItem: NONE } },
  // https://developers.google.com/apps-script/reference/forms/text-item
  'FormApp:TextItem': { all: FORMS },
  // https://developers.google.com/apps-script/reference/forms/paragraph-text-item
  'FormApp:ParagraphTextItem': { all: FORMS },
  // https://developers.google.com/apps-script/reference/forms/multiple-choice-item
  'FormApp:MultipleChoiceItem': { all: FORMS },
  // https://developers.google.com/apps-script/reference/forms/list-item
  'FormApp:ListItem': { all: FORMS },
  // https://developers.google.com/apps-script/reference/forms/checkbox-item
  'FormApp:CheckboxItem': { all: FORMS },
  // https://developers.google.com/apps-script/reference/forms/section-header-item
  'FormApp:SectionHeaderItem': { all: FORMS },
  // https://developers.google.com/apps-script/reference/forms/page-break-item
  'FormApp:PageBreakItem': { all: FORMS },
  // https://developers.google.com/apps-script/reference/forms/choice
  'FormApp:Choice': { all: FORMS },
  // https://developers.google.com/apps-script/reference/forms/text-validation-builder
  'FormApp:TextValidationBuilder': { all: NONE },
  // https://developers.google.com/apps-script/reference/forms/paragraph-text-validation-builder
  'FormApp:ParagraphTextValidationBuilder': { all: NONE },
  // https://developers.google.com/apps-script/reference/document/document-app
  'DocumentApp:DocumentApp': { all: DOCS_ALL, except: { getActiveDocument: DOCS, getUi: NONE } },
  // https://developers.google.com/apps-script/reference/document/document
  'DocumentApp:Document': { all: DOCS, except: { getAs: NONE, getBlob: NONE } },
  // https://developers.google.com/apps-script/reference/document/body
  'DocumentApp:Body': { all: DOCS, except: { clear: NONE, editAsText: NONE } },
  // https://developers.google.com/apps-script/reference/document/header-section
  'DocumentApp:HeaderSection': { all: DOCS, except: { clear: NONE, editAsText: NONE } },
  // https://developers.google.com/apps-script/reference/document/footer-section
  'DocumentApp:FooterSection': { all: DOCS, except: { clear: NONE, editAsText: NONE } },
  // https://developers.google.com/apps-script/reference/document/paragraph
  'DocumentApp:Paragraph': { all: DOCS, except: { clear: NONE, editAsText: NONE } },
  // https://developers.google.com/apps-script/reference/document/list-item
  'DocumentApp:ListItem': { all: DOCS, except: { clear: NONE, editAsText: NONE } },
  // https://developers.google.com/apps-script/reference/document/table
  'DocumentApp:Table': { all: DOCS, except: { clear: NONE, editAsText: NONE } },
  // https://developers.google.com/apps-script/reference/document/table-row
  'DocumentApp:TableRow': { all: DOCS, except: { clear: NONE, editAsText: NONE } },
  // https://developers.google.com/apps-script/reference/document/table-cell
  'DocumentApp:TableCell': { all: DOCS, except: { clear: NONE, editAsText: NONE } },
  // https://developers.google.com/apps-script/reference/document/text
  'DocumentApp:Text': { all: DOCS, except: { editAsText: NONE } },
  // https://developers.google.com/apps-script/reference/document/inline-image
  'DocumentApp:InlineImage': { all: DOCS, except: { getAs: NONE, getBlob: NONE } },
  // https://developers.google.com/apps-script/reference/document/range-element
  'DocumentApp:RangeElement': { all: DOCS },
  // https://developers.google.com/apps-script/reference/document/page-break
  'DocumentApp:PageBreak': { all: DOCS },
  // https://developers.google.com/apps-script/reference/document/horizontal-rule
  'DocumentApp:HorizontalRule': { all: DOCS },
  // https://developers.google.com/apps-script/reference/drive/drive-app
  'DriveApp:DriveApp': { all: DRIVE_READ, except: { createFile: DRIVE, createFolder: DRIVE, createShortcut: DRIVE, createShortcutForTargetIdAndResourceKey: DRIVE, enforceSingleParent: DRIVE, continueFileIterator: NONE, continueFolderIterator: NONE } },
  // https://developers.google.com/apps-script/reference/drive/file
  'DriveApp:File': { all: DRIVE_READ, except: { addCommenter: DRIVE, addCommenters: DRIVE, addEditor: DRIVE, addEditors: DRIVE, addViewer: DRIVE, addViewers: DRIVE, makeCopy: DRIVE, moveTo: DRIVE, removeCommenter: DRIVE, removeEditor: DRIVE, removeViewer: DRIVE, revokePermissions: DRIVE, setContent: DRIVE, setDescription: DRIVE, setName: DRIVE, setOwner: DRIVE, setSecurityUpdateEnabled: DRIVE, setShareableByEditors: DRIVE, setSharing: DRIVE, setStarred: DRIVE, setTrashed: DRIVE, getAs: NONE, getBlob: NONE, getTargetId: NONE, getTargetMimeType: NONE } },
  // https://developers.google.com/apps-script/reference/drive/user
  'DriveApp:User': { all: NONE },
  // https://developers.google.com/apps-script/reference/script/script-app
  'ScriptApp:ScriptApp': { all: NONE, except: { deleteTrigger: SCRIPTAPP, getProjectTriggers: SCRIPTAPP, getUserTriggers: SCRIPTAPP, newTrigger: SCRIPTAPP } },
  // https://developers.google.com/apps-script/reference/script/service
  'ScriptApp:Service': { all: NONE },
  // https://developers.google.com/apps-script/reference/script/trigger
  'ScriptApp:Trigger': { all: SCRIPTAPP },
  // https://developers.google.com/apps-script/reference/script/trigger-builder
  'ScriptApp:TriggerBuilder': { all: SCRIPTAPP, except: { forDocument: DOCS, forForm: FORMS, forSpreadsheet: SHEETS, forUserCalendar: CALENDAR } },
  // https://developers.google.com/apps-script/reference/script/spreadsheet-trigger-builder
  'ScriptApp:SpreadsheetTriggerBuilder': { all: NONE },
  // https://developers.google.com/apps-script/reference/script/clock-trigger-builder
  'ScriptApp:ClockTriggerBuilder': { all: NONE },
  // https://developers.google.com/apps-script/reference/script/form-trigger-builder
  'ScriptApp:FormTriggerBuilder': { all: NONE },
  // https://developers.google.com/apps-script/reference/mail/mail-app
  'MailApp:MailApp': { all: SEND_MAIL },
  // https://developers.google.com/apps-script/reference/base/session
  'Session:Session': { all: NONE, except: { getActiveUser: EMAIL, getEffectiveUser: EMAIL } },
  // https://developers.google.com/apps-script/reference/base/user
  'Session:User': { all: NONE },
  // The advanced Docs service (the Docs API): its methods' reference pages list the scopes.
  // https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/get
  // https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/batchUpdate
  'Docs:Documents': { all: DOCS_API_WRITE, except: { get: DOCS_API_READ } },
  // The advanced Drive service (the Drive API v3): files.create needs a writing scope, files.get
  // and files.list any reading one — drive.file among them, which sees only the app's own files
  // (emulator/services/drive/drive-api.ts). DriveApp, by contrast, needs drive.readonly or drive.
  // https://developers.google.com/drive/api/reference/rest/v3/files/create
  // https://developers.google.com/drive/api/reference/rest/v3/files/get
  // https://developers.google.com/drive/api/reference/rest/v3/files/list
  'Drive:Drive': { all: NONE },
  'Drive:Files': { all: DRIVE_API_WRITE, except: { get: DRIVE_API_READ, list: DRIVE_API_READ } },
  // GmailApp: every method of every class lists https://mail.google.com/ under Authorization, e.g.
  // https://developers.google.com/apps-script/reference/gmail/gmail-app#getUserLabelByName(String),
  // https://developers.google.com/apps-script/reference/gmail/gmail-thread#reply(String,Object),
  // https://developers.google.com/apps-script/reference/gmail/gmail-message#getAttachments(Object)
  // (the narrower gmail.* scopes belong to the advanced Gmail service only).
  'GmailApp:GmailApp': { all: MAIL },
  'GmailApp:GmailLabel': { all: MAIL },
  'GmailApp:GmailThread': { all: MAIL },
  'GmailApp:GmailMessage': { all: MAIL },
  'GmailApp:GmailAttachment': { all: MAIL },
  // https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app#fetch(String,Object)
  'UrlFetchApp:UrlFetchApp': { all: EXTERNAL_REQUEST },
  // https://developers.google.com/apps-script/reference/url-fetch/http-response (no Authorization section)
  'UrlFetchApp:HTTPResponse': { all: NONE },
  // TextValidation is an opaque value made by TextValidationBuilder.build(): the reference
  // documents no method of it. https://developers.google.com/apps-script/reference/forms/text-validation
  'FormApp:TextValidation': { all: NONE },
};

function ruleOf(service: ServiceName, method: string): ScopeRule {
  if (SCOPE_FREE.has(service)) return NONE;
  const dot = method.indexOf('.');
  const cls = CLASSES[`${service}:${method.slice(0, dot)}`];
  if (!cls) throw new Error(`emulator: no scope rule for ${service}:${method}; add its class from the reference page's Authorization sections (core/scopes.ts)`);
  const name = method.slice(dot + 1);
  return cls.except && name in cls.except ? cls.except[name] : cls.all;
}

/** The scopes `method` ("Class.method") of `service` needs: any one of them; null when it needs none. */
export function requiredScopes(service: ServiceName, method: string): ScopeRule {
  return ruleOf(service, method);
}

/**
 * Apps Script's refusal, word for word as live runs report it: one scope alone, alternatives in
 * parentheses joined by " || ", then the pointer to the troubleshooting guide, e.g.
 * "You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions:
 * (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets).
 * For more information, see https://developers.google.com/apps-script/guides/support/troubleshooting#authorization-is"
 * and "… to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request.
 * For more information, see …" (both from one add-on's error log of December 2025, found by code
 * search; "You do not have permission to call Ui.showSidebar. Required permissions:
 * https://www.googleapis.com/auth/script.container.ui. For more information, see …" in another).
 */
export function permissionMessage(method: string, needed: readonly string[]): string {
  const required = needed.length === 1 ? needed[0] : `(${needed.join(' || ')})`;
  return `You do not have permission to call ${method}. Required permissions: ${required}. For more information, see https://developers.google.com/apps-script/guides/support/troubleshooting#authorization-is`;
}

/**
 * Calls allowed while a script runs in AuthMode.NONE (an add-on's onOpen before the user has
 * authorised it): building menus only.
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes
 */
const ALLOWED_IN_AUTH_NONE = new Set([
  'SpreadsheetApp:SpreadsheetApp.getUi',
  'SpreadsheetApp:Ui.createAddonMenu',
  'SpreadsheetApp:Ui.createMenu',
  'SpreadsheetApp:Menu.addItem',
  'SpreadsheetApp:Menu.addSeparator',
  'SpreadsheetApp:Menu.addSubMenu',
  'SpreadsheetApp:Menu.addToUi',
  'Logger:Logger.log',
  'Logger:console.log',
  'Logger:console.info',
  'Logger:console.warn',
  'Logger:console.error',
]);

export function allowedInAuthNone(service: ServiceName, method: string): boolean {
  return ALLOWED_IN_AUTH_NONE.has(`${service}:${method}`);
}
