/**
 * What each Apps Script call costs: whether it is a request to a Google server at all, and how
 * long one takes. The meter counts requests with it, the kernel charges an execution's modelled
 * time with it (and so reaches the 6-minute limit by work), and the bench prints it.
 *
 * Kinds of call:
 * - `local`   hands back an object or a value the script already has (a builder, a facade over
 *             an object it fetched, pure computation): no request, no time.
 * - `request` one round trip to a Google server.
 * - `read`    a Spreadsheet request that reads; it also sends the writes pending before it.
 * - `write`   a Spreadsheet write. Apps Script caches writes and sends them together: "Apps
 *             Script ... uses built-in caching ... look-ahead caching ... and write caching"
 *             (https://developers.google.com/apps-script/guides/support/best-practices, "Use
 *             batch operations"); "Spreadsheet operations are sometimes bundled together to
 *             improve performance, such as when doing multiple calls to Range.setValue()"
 *             (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush()).
 *             Model: within one execution, consecutive writes with no Spreadsheet read or flush
 *             between them are one request — the first write of a batch is the request.
 * - `flush`   SpreadsheetApp.flush(): sends the pending writes (already counted at the batch's
 *             first write) and ends the batch.
 * Cells read or written cost `perCellMs` each on top (the kernel's Costs), whatever the kind.
 * Not modelled: look-ahead read caching. Reading neighbouring cells one by one is cheaper than a
 * request each in Apps Script (getValue on 1,000 rows in a loop: about 3 s, https://www.bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html), but
 * how far it reaches is not published; here every read is a request, so per-cell read loops are
 * overcharged. The naive baseline in test/bench/naive therefore reads with whole-sheet scans, as
 * tutorials do, and its per-row loops are writes (which are modelled).
 *
 * Rules are tried in order; the first whose service and method ("Class.method") match wins. Each
 * service ends with a catch-all rule, so every call has a cost.
 */
import type { ServiceName } from './meter';

export type CallKind = 'local' | 'request' | 'read' | 'write' | 'flush';

export interface CostRule {
  readonly service: ServiceName;
  /** "Class.method" names, or a pattern over them. */
  readonly methods: readonly string[] | RegExp;
  /** What the row covers, in words, for the README table. */
  readonly label: string;
  readonly kind: CallKind;
  /** Milliseconds of one request (0 for local calls and flush). */
  readonly ms: number;
  /** Where the number and the kind come from; "assumed: why" when nothing published exists. */
  readonly source: string;
}

/**
 * An uncached Spreadsheet request: the lead's figure (../shared/architecture.md, Budgets), in
 * line with a published measurement — Sheet.getLastRow() called 1,000 times in a loop took 160 s,
 * 160 ms a call (https://www.bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html).
 */
export const SPREADSHEET_REQUEST_MS = 150;

const BEST_PRACTICES = 'https://developers.google.com/apps-script/guides/support/best-practices';
const FLUSH_REFERENCE = 'https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush()';
const BLOG_2010 = 'http://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html';
const ZIRITIONE = 'https://ziritione.org/post/apps_script_performance';
const BUGBUGNOW = 'https://www.bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html';
const POEHNELT = 'https://justin.poehnelt.com/posts/apps-script-key-value-stores';
const SAVE_AND_CLOSE = 'https://developers.google.com/apps-script/reference/document/document#saveAndClose()';
const LOCAL_OBJECT = 'assumed: returns an object built from what the script already holds; no server is asked';

const rule = (service: CostRule['service'], methods: CostRule['methods'], label: string, kind: CallKind, ms: number, source: string): CostRule =>
  ({ service, methods, label, kind, ms: kind === 'local' || kind === 'flush' ? 0 : ms, source });

export const COST_TABLE: readonly CostRule[] = [
  // ---- Spreadsheet ------------------------------------------------------------------------
  rule(
    'SpreadsheetApp',
    [
      'SpreadsheetApp.getActive', 'SpreadsheetApp.getActiveSpreadsheet', 'SpreadsheetApp.getActiveSheet', 'SpreadsheetApp.getUi',
      'SpreadsheetApp.newDataValidation', 'Spreadsheet.getSheetByName', 'Spreadsheet.getRange', 'Spreadsheet.getId', 'Spreadsheet.getUrl',
      'Sheet.getRange', 'Sheet.getName', 'Sheet.getSheetId', 'Sheet.getParent',
      'Range.getRow', 'Range.getColumn', 'Range.getNumRows', 'Range.getNumColumns', 'Range.getA1Notation', 'Range.getSheet',
      'Range.getCell', 'Range.offset',
    ],
    'handles: active spreadsheet, sheet by name, ranges and their coordinates',
    'local',
    0,
    `${BLOG_2010} (a Range is a reference; the values are fetched by getValues); ${LOCAL_OBJECT}`,
  ),
  rule('SpreadsheetApp', /^(DataValidationBuilder|DataValidation|PromptResponse|Menu)\.|^Ui\.(createMenu|createAddonMenu)$/, 'builders (validation, menus)', 'local', 0, LOCAL_OBJECT),
  rule('SpreadsheetApp', ['SpreadsheetApp.flush'], 'SpreadsheetApp.flush', 'flush', 0, `${FLUSH_REFERENCE}: applies the pending changes; the request is counted at the batch's first write`),
  rule('SpreadsheetApp', /^SpreadsheetApp\.(openById|openByUrl|create)$|^Ui\./, 'open or create a spreadsheet; dialogs and sidebars', 'request', SPREADSHEET_REQUEST_MS, 'assumed: one round trip, priced as an uncached Spreadsheet request'),
  rule('SpreadsheetApp', /\.(get|is|has|can)[A-Z]/, 'reads (getValues, getLastRow, getDataRange …)', 'read', SPREADSHEET_REQUEST_MS, `${BEST_PRACTICES} ("Use batch operations"); ${BLOG_2010} ("every time you do a read, we must first empty (commit) the write cache"); ms: ${BUGBUGNOW} (getLastRow × 1,000 = 160 s)`),
  rule('SpreadsheetApp', /./, 'writes (setValues, appendRow, insertRows …), batched', 'write', SPREADSHEET_REQUEST_MS, `${BEST_PRACTICES} (write caching); ${FLUSH_REFERENCE}; ${BLOG_2010}`),

  // ---- Cache, Properties, Lock ------------------------------------------------------------
  rule('CacheService', /^CacheService\./, 'getScriptCache / getDocumentCache / getUserCache', 'local', 0, LOCAL_OBJECT),
  rule('CacheService', /^Cache\.get/, 'Cache.get / getAll', 'request', 3, `${ZIRITIONE} (script cache get: 3 ms average of 100)`),
  rule('CacheService', /./, 'Cache.put / putAll / remove', 'request', 93, `${ZIRITIONE} (script cache put: 93 ms average); ${POEHNELT} (put + get ≈ 63 ms)`),
  rule('PropertiesService', /^PropertiesService\./, 'getScriptProperties / getDocumentProperties / getUserProperties', 'local', 0, LOCAL_OBJECT),
  rule('PropertiesService', /^Properties\.get/, 'Properties.getProperty / getProperties', 'request', 30, `${ZIRITIONE} (script properties get: 30 ms average of 100)`),
  rule('PropertiesService', /./, 'Properties.setProperty / setProperties / deleteProperty', 'request', 62, `${ZIRITIONE} (script properties set: 62 ms average); ${POEHNELT} (set + get ≈ 80 ms)`),
  rule('LockService', /^LockService\.|^Lock\.hasLock$/, 'getDocumentLock / getScriptLock / getUserLock, hasLock', 'local', 0, LOCAL_OBJECT),
  rule('LockService', /./, 'Lock.tryLock / waitLock / releaseLock (without waiting)', 'request', 60, 'assumed: no published measurement; priced like a Properties write (62 ms), a small write to a Google store'),

  // ---- Mail, Session, ScriptApp -----------------------------------------------------------
  rule('MailApp', ['MailApp.getRemainingDailyQuota'], 'MailApp.getRemainingDailyQuota', 'request', 30, 'assumed: a counter read, priced like a Properties read'),
  rule('MailApp', /./, 'MailApp.sendEmail', 'request', 500, 'assumed: a small text mail; a 100 KB mail takes about 1.2 s (https://sites.google.com/quickfixters.com/add-onsuniverse/faq, Small Outbox)'),
  rule('Session', /^Session\.(getActiveUser|getEffectiveUser|getScriptTimeZone)$/, 'getActiveUser / getEffectiveUser (the User object), getScriptTimeZone', 'local', 0, LOCAL_OBJECT),
  rule('Session', /./, 'User.getEmail, getTemporaryActiveUserKey, getActiveUserLocale', 'request', 5, 'assumed: the runtime already knows who runs the script; kept as a (cheap) request because the e-mail is what scripts may be refused'),
  rule('ScriptApp', /^ScriptApp\.(getService|newTrigger|getScriptId|getOAuthToken|getAuthorizationInfo)$|^(Trigger|Service)\.|^(Source|Clock)?TriggerBuilder\.(?!create$)/, 'getService, trigger objects and builders', 'local', 0, LOCAL_OBJECT),
  rule('ScriptApp', /./, 'getProjectTriggers, TriggerBuilder.create, deleteTrigger', 'request', SPREADSHEET_REQUEST_MS, 'assumed: priced as a Spreadsheet request'),

  // ---- Documents, Drive, Forms, Charts, UrlFetch -----------------------------------------
  rule('DocumentApp', /^DocumentApp\.(getUi|getActiveDocument)$/, 'getUi, getActiveDocument', 'local', 0, LOCAL_OBJECT),
  rule(
    'DocumentApp',
    /./,
    'openById / create / saveAndClose and every element call (appendParagraph, setText …)',
    'request',
    SPREADSHEET_REQUEST_MS,
    `assumed, an upper bound: no published per-call measurement found; edits are "pending updates" until saveAndClose (${SAVE_AND_CLOSE}), so they may be cheaper than a Spreadsheet request — priced as one so that document building is never flattered`,
  ),
  rule('Docs', /^Docs\./, 'Docs (the advanced service object)', 'local', 0, LOCAL_OBJECT),
  rule('Docs', /./, 'Documents.get / create / batchUpdate (any number of edits)', 'request', SPREADSHEET_REQUEST_MS, 'assumed: one REST call of the Docs API, priced as a Spreadsheet request; "each batch request, including all subrequests, is counted as one API request" (https://developers.google.com/docs/api/how-tos/batch)'),
  rule('Drive', /^Drive\./, 'Drive (the advanced service object)', 'local', 0, LOCAL_OBJECT),
  rule('Drive', /./, 'Files.create / get / list', 'request', SPREADSHEET_REQUEST_MS, 'assumed: one REST call of the Drive API, priced as a Spreadsheet request'),
  rule('DriveApp', /^(File|Folder)\.(getId)$/, 'File.getId', 'local', 0, LOCAL_OBJECT),
  rule('DriveApp', /./, 'getFileById, makeCopy, createFile, setSharing, getBlob …', 'request', SPREADSHEET_REQUEST_MS, 'assumed: priced as a Spreadsheet request'),
  rule('FormApp', /^(FormResponse|ItemResponse|Choice|TextValidation|TextValidationBuilder|ParagraphTextValidationBuilder)\./, 'a response already fetched, choices, validation builders', 'local', 0, LOCAL_OBJECT),
  rule('FormApp', /./, 'openById, getResponses, items and their edits', 'request', SPREADSHEET_REQUEST_MS, 'assumed: priced as a Spreadsheet request'),
  rule('Charts', /^Chart\.(getAs|getBlob)$/, 'Chart.getAs / getBlob (rendered by a server)', 'request', SPREADSHEET_REQUEST_MS, 'assumed: priced as a Spreadsheet request'),
  rule('Charts', /./, 'builders and data tables', 'local', 0, LOCAL_OBJECT),
  rule('UrlFetchApp', /^HTTPResponse\./, 'HTTPResponse getters (the answer is already here)', 'local', 0, LOCAL_OBJECT),
  rule('UrlFetchApp', /./, 'UrlFetchApp.fetch (plus the server\'s own time, routed)', 'request', 175, `${POEHNELT} (Firestore over REST: write + read ≈ 350 ms, so ≈ 175 ms a fetch)`),

  rule('GmailApp', /^GmailApp\.getAliases$|^GmailThread\.(getId|getMessageCount|getFirstMessageSubject|getLastMessageDate|getLabels)$|^GmailLabel\.getName$|^(GmailMessage|GmailAttachment)\.(?!reply$)/, 'getters of threads, messages and attachments already fetched', 'local', 0, `${LOCAL_OBJECT} (getMessages brings the messages)`),
  rule('GmailApp', /./, 'labels, getThreads, getMessages, addLabel / removeLabel, reply', 'request', SPREADSHEET_REQUEST_MS, 'assumed: no published per-call measurement; priced as a Spreadsheet request'),

  // ---- In-process services ----------------------------------------------------------------
  rule('Utilities', /./, 'Utilities.* (and Blob)', 'local', 0, 'computed inside the script runtime'),
  rule('HtmlService', /./, 'HtmlService.*, HtmlOutput.*', 'local', 0, 'computed inside the script runtime'),
  rule('ContentService', /./, 'ContentService.*', 'local', 0, 'computed inside the script runtime'),
  rule('Logger', /./, 'Logger.*, console.*', 'local', 0, 'assumed: the log is written out after the execution'),
];

function matches(r: CostRule, method: string): boolean {
  return Array.isArray(r.methods) ? r.methods.includes(method) : (r.methods as RegExp).test(method);
}

const memo = new Map<string, CostRule>();

/** The rule that prices `service`'s `method` ("Class.method"). */
export function costOf(service: ServiceName, method: string): CostRule {
  const key = `${service}:${method}`;
  let found = memo.get(key);
  if (!found) {
    found = COST_TABLE.find((r) => r.service === service && matches(r, method));
    if (!found) throw new Error(`emulator: no cost rule for ${key}`);
    memo.set(key, found);
  }
  return found;
}
