/**
 * The hourly job (and the "Đồng bộ lại" menu item): refresh the settings from their tabs, file
 * any response intake missed, send what waits in the outbox, and keep formatted rows ahead of
 * the data so single-row writes always land in plain-text cells. Each step takes the document
 * lock for itself and mail leaves without it (locked-steps.ts, platform/outbox-drain.ts), so
 * nothing the job does keeps staff or a submission waiting longer than one short step.
 */
import { parseSettings } from '../../domain/settings';
import { DocumentStore, PROPERTY_NAMES } from '../platform/document-store';
import { logError, NotSetUpError } from '../platform/errors';
import { completePendingActions } from '../cases/actions';
import { refreshSuggestions } from '../platform/suggestion-model';
import { settleMailReports, SETTLE_BUDGET_MS } from '../cases/deliveries';
import { claimOutbox, forgetMarks, recordSent, scanOutbox, sendClaimed, type DrainResult } from '../platform/outbox-drain';
import { fileResponses, gatherResponses } from '../intake/reconcile';
import { migrateOutboxSecrets } from '../public/outbox-secrets';
import { refreshFormTexts } from '../intake/form-builder';
import { loadRuntime, storeSettings } from '../platform/runtime';
import type { SchemaState } from '../platform/schema-state';
import { readSettingsTables } from '../platform/settings-tabs';
import { applyAccess } from './setup';
import { backfillIndex } from '../cases/store';
import { archiveIfDue } from './archive';
import { sendDailyReminders } from '../reports/reminders';
import { TABS, TAB_KEYS } from '../platform/sheets/tabs';
import { HEADROOM_ROWS } from '../platform/sheets/table';
import { LOCK_WAIT_MS, STEP_WORK_MS } from '../platform/lock-waits';
import { runLockedSteps, type Hold, type JobContext, type JobStep } from './locked-steps';

export interface MaintenanceResult {
  recovered: number;
  mail: DrainResult;
  settingsProblems: number;
  /** Each hold of the document lock, by step. */
  holds: Hold[];
}


function refreshSettings(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, store: DocumentStore, schema: SchemaState): number {
  const { tables } = readSettingsTables(ss);
  const parsed = parseSettings(tables);
  storeSettings(store, parsed.settings);
  const known = store.getJson<string[]>(PROPERTY_NAMES.settingsProblems) ?? [];
  const fresh = parsed.problems.filter((p) => !known.includes(p));
  fresh.forEach((message) => logError({ where: 'settings', message }, schema, ss));
  if (fresh.length || known.length !== parsed.problems.length) store.setJson(PROPERTY_NAMES.settingsProblems, parsed.problems);
  return parsed.problems.length;
}

/** Protections follow the staff list; they are only re-applied when that list changed. */
function syncAccess(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, store: DocumentStore, schema: SchemaState): void {
  const settings = loadRuntime(store).settings;
  const staff = JSON.stringify(settings.staff);
  if (store.get(PROPERTY_NAMES.accessFor) === staff) return;
  applyAccess(ss, settings, schema.raw ? ss.getSheetByName(schema.raw.name) : null);
  store.set(PROPERTY_NAMES.accessFor, staff);
}

function ensureHeadroom(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  for (const key of TAB_KEYS) {
    const sheet = ss.getSheetByName(TABS[key].name);
    if (!sheet) continue;
    const spare = sheet.getMaxRows() - sheet.getLastRow();
    if (spare < HEADROOM_ROWS) sheet.insertRowsAfter(sheet.getMaxRows(), HEADROOM_ROWS * 2);
  }
}

/**
 * Responses filed under one hold of the lock: 1,000 take about 5 s of modelled time (the cases'
 * keys read, the cases, submitters and audit rows written in one batch each) — 7 s on a ward of
 * 100,000 cases — under HOLD_BUDGET_MS. Each hold costs about 25 calls whatever its size, so
 * chunks are as large as the budget allows.
 */
export const RECONCILE_CHUNK = 1_000;

/** Mail stops leaving this long after the run began: the rest of the 6 minutes records it and finishes the steps. */
export const SEND_UNTIL_MS = 4.5 * 60 * 1000;

/**
 * The hourly job's steps, in order: one list, each step with its own hold of the lock (see
 * locked-steps.ts). A step added here (the yearly archive, say) takes the lock the same way.
 */
function hourlySteps(result: MaintenanceResult): JobStep[] {
  return [
    { name: 'settings', where: 'settings', run: (job) => job.locked((rt) => (result.settingsProblems = refreshSettings(job.ss, rt.store, rt.schema))) },
    // Protections and the form's texts change no data: without the lock (a hundred calls when the staff list changed).
    { name: 'access', where: 'settings', run: (job) => syncAccess(job.ss, job.runtime().store, job.runtime().schema) },
    {
      name: 'form texts',
      where: 'settings',
      run: (job) => {
        const rt = loadRuntime(job.runtime().store); // the settings as the first step stored them
        refreshFormTexts(rt.store, rt.schema.formId, rt.settings);
      },
    },
    {
      // The responses are read without the lock; they are filed under it, a chunk at a time.
      name: 'reconcile',
      where: 'reconcile',
      run: (job) => {
        const gathered = gatherResponses(job.runtime(), job.ss);
        for (let more = true; more; ) {
          const filed = job.locked((rt) => fileResponses(rt, job.ss, gathered, RECONCILE_CHUNK));
          result.recovered += filed.recovered;
          more = filed.more;
        }
      },
    },
    // An action cut off half-way (rare): nothing to do, no lock, when its record is not there.
    // What a change cut off half-way still owes: the debt column of the case rows (one column read)
    // and the write-ahead records of wards not yet set up again.
    { name: 'pending actions', where: 'maintenance', run: (job) => job.locked((rt) => completePendingActions(job.ss, rt)) },
    // Once, on a ward whose outbox still holds secrets in plain text, the outbox is cleaned of
    // them — and nothing is sent until it is: a mail sent from an uncleaned row carries a token
    // that sat readable in the tab, which the cleaning must then revoke.
    { name: 'outbox', where: 'outbox', run: (job) => (result.mail = sendOutbox(job)) },
    // What the outbox found of the answers' and the police's mails, carried to their cases
    // (its own step: whatever stops it, the reports wait in the properties for the next run).
    { name: 'deliveries', where: 'outbox', run: settleDeliveries },
    { name: 'headroom', where: 'maintenance', run: (job) => job.locked(() => ensureHeadroom(job.ss)) },
    { name: 'index', where: 'maintenance', run: (job) => job.locked((rt) => backfillIndex(job.ss, rt)) },
    // What staff taught the suggestions folded into counts and put in the document cache. Cut-off
    // commits are finished first under the same hold: a lesson they still owe is appended before
    // the rows that would tell a retry it is there are folded away.
    {
      name: 'suggestions',
      where: 'maintenance',
      run: (job) =>
        job.locked((rt) => {
          completePendingActions(job.ss, rt);
          refreshSuggestions(job.ss, rt);
        }),
    },
    // Closed cases of past years to their archive tab: the first night run of each month (the move holds the lock for its one rewrite).
    { name: 'archive', where: 'archive', run: (job) => job.locked((rt) => archiveIfDue(job.ss, rt)) },
    // After the outbox: today's reminders wait for the next run, within the next hour's quota.
    { name: 'reminders', where: 'reminders', run: (job) => job.locked((rt) => sendDailyReminders(rt, job.ss)) },
  ];
}

/** The outbox's reports carried to their cases, a few at a time under each hold, for SETTLE_BUDGET_MS in all. */
function settleDeliveries(job: JobContext): void {
  const started = Date.now();
  const left = () => job.runtime().store.getJson<unknown[]>(PROPERTY_NAMES.mailReports)?.length ?? 0;
  for (let before = left(); before > 0 && Date.now() - started < SETTLE_BUDGET_MS; ) {
    job.locked((rt) => settleMailReports(job.ss, rt, STEP_WORK_MS));
    const after = left();
    if (after >= before) break; // no progress: the next run tries again
    before = after;
  }
}

/** Scan without the lock, claim under it, send without it, record under it again; then forget the marks the tab now holds. */
function sendOutbox(job: JobContext): DrainResult {
  if (!job.runtime().store.get(PROPERTY_NAMES.secretsMigrated)) job.locked((rt) => migrateOutboxSecrets(rt, job.ss));
  const scan = scanOutbox(job.runtime(), job.ss);
  if (scan.first > scan.last) return { sent: 0, waiting: 0, uncertain: 0, failed: 0 };
  const claim = job.locked((rt) => claimOutbox(rt, job.ss, scan));
  if (claim.mails.length === 0) {
    forgetMarks(job.runtime(), claim.forget);
    return claim.result;
  }
  const outcomes = sendClaimed(job.runtime(), claim, job.startedAt + SEND_UNTIL_MS);
  const recorded = job.locked((rt) => recordSent(rt, job.ss, claim, outcomes));
  forgetMarks(job.runtime(), claim.forget);
  return { ...claim.result, sent: claim.result.sent + recorded.sent, waiting: recorded.waiting };
}

export function runMaintenance(): MaintenanceResult {
  const store = DocumentStore.open();
  const schema = store.getJson<SchemaState>(PROPERTY_NAMES.schema);
  if (!schema) throw new NotSetUpError();
  const result: MaintenanceResult = { recovered: 0, mail: { sent: 0, waiting: 0, uncertain: 0, failed: 0 }, settingsProblems: 0, holds: [] };
  result.holds = runLockedSteps(hourlySteps(result), store, schema, LOCK_WAIT_MS.hourlyStep);
  return result;
}
