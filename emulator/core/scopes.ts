/**
 * Which OAuth scopes a service method needs, so that a script whose manifest lists too few
 * scopes fails in the emulator as it would for a real user ("You do not have permission to
 * call ..."). Scopes per method are from each class's reference page ("Authorization" section),
 * e.g. https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openById(String)
 */
import type { ServiceName } from './meter';

const G = 'https://www.googleapis.com/auth/';

/** Any one of the listed scopes is enough. `null`: needs no scope. */
type ScopeRule = readonly string[] | null;

const SERVICE_DEFAULT: Record<ServiceName, ScopeRule> = {
  SpreadsheetApp: [`${G}spreadsheets.currentonly`, `${G}spreadsheets`],
  FormApp: [`${G}forms.currentonly`, `${G}forms`],
  DocumentApp: [`${G}documents.currentonly`, `${G}documents`],
  DriveApp: [`${G}drive`, `${G}drive.file`, `${G}drive.readonly`],
  ScriptApp: null,
  LockService: null,
  PropertiesService: null,
  CacheService: null,
  MailApp: [`${G}script.send_mail`],
  Session: null,
  Utilities: null,
  HtmlService: null,
  ContentService: null,
  Logger: null,
  // The Charts reference pages list no "Authorization" section for any method (unlike DocumentApp's):
  // https://developers.google.com/apps-script/reference/charts/charts
  Charts: null,
};

/** Methods whose rule differs from their service's default. Keys: "Service:Class.method". */
const METHOD_RULES: Record<string, ScopeRule> = {
  // Opening or creating other files needs the full scope; currentonly covers the bound file only.
  'SpreadsheetApp:SpreadsheetApp.openById': [`${G}spreadsheets`],
  'SpreadsheetApp:SpreadsheetApp.openByUrl': [`${G}spreadsheets`],
  'SpreadsheetApp:SpreadsheetApp.create': [`${G}spreadsheets`],
  'SpreadsheetApp:SpreadsheetApp.getUi': null,
  'SpreadsheetApp:Ui.createAddonMenu': null,
  'SpreadsheetApp:Ui.createMenu': null,
  'SpreadsheetApp:Menu.addItem': null,
  'SpreadsheetApp:Menu.addSeparator': null,
  'SpreadsheetApp:Menu.addSubMenu': null,
  'SpreadsheetApp:Menu.addToUi': null,
  'SpreadsheetApp:Ui.showSidebar': [`${G}script.container.ui`],
  'SpreadsheetApp:Ui.showModalDialog': [`${G}script.container.ui`],
  'SpreadsheetApp:Ui.showModelessDialog': [`${G}script.container.ui`],
  'SpreadsheetApp:Ui.alert': [`${G}script.container.ui`],
  'SpreadsheetApp:Ui.prompt': [`${G}script.container.ui`],
  'FormApp:FormApp.create': [`${G}forms`],
  'FormApp:FormApp.openById': [`${G}forms`],
  'FormApp:FormApp.openByUrl': [`${G}forms`],
  'DocumentApp:DocumentApp.create': [`${G}documents`],
  'DocumentApp:DocumentApp.openById': [`${G}documents`],
  'DocumentApp:DocumentApp.openByUrl': [`${G}documents`],
  'ScriptApp:ScriptApp.newTrigger': [`${G}script.scriptapp`],
  'ScriptApp:ScriptApp.getProjectTriggers': [`${G}script.scriptapp`],
  'ScriptApp:ScriptApp.getUserTriggers': [`${G}script.scriptapp`],
  'ScriptApp:ScriptApp.deleteTrigger': [`${G}script.scriptapp`],
  'ScriptApp:TriggerBuilder.create': [`${G}script.scriptapp`],
  'ScriptApp:SpreadsheetTriggerBuilder.create': [`${G}script.scriptapp`],
  'ScriptApp:ClockTriggerBuilder.create': [`${G}script.scriptapp`],
  'ScriptApp:FormTriggerBuilder.create': [`${G}script.scriptapp`],
  'Session:User.getEmail': [`${G}userinfo.email`],
};

export function requiredScopes(service: ServiceName, method: string): ScopeRule {
  const key = `${service}:${method}`;
  if (key in METHOD_RULES) return METHOD_RULES[key];
  return SERVICE_DEFAULT[service];
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
