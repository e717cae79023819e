/**
 * A job made of steps, each taking the document lock for itself: lock, read the properties again
 * (others wrote while the lock was free), read, decide, write, release. Work that needs no lock
 * (sending mail, reading the form, building the form, protections) runs between with the lock
 * released, so a staff action or a submission never waits behind the whole job — at most behind
 * one hold, which no step keeps longer than HOLD_BUDGET_MS (platform/lock-waits).
 * One step failing does not stop the others (its error goes to the errors tab); a step that cannot
 * have the lock in time ends the run — the next run does what is left, as after a cut-off.
 */
import type { ERRORS } from '../../i18n/vi';
import { DocumentStore } from '../platform/document-store';
import { BusyError, describeError, logError } from '../platform/errors';
import { tryDocumentLock } from '../platform/lock';
import { loadRuntime, type Runtime } from '../platform/runtime';
import type { SchemaState } from '../platform/schema-state';
import { ERRORS as MESSAGES } from '../../i18n/vi';

export interface JobContext {
  readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** When the run began (Date.now()): steps that may run long keep within the execution's 6 minutes. */
  readonly startedAt: number;
  /**
   * `fn` under the document lock, with the runtime read again after the lock was had. Throws
   * BusyError when the lock cannot be had within `waitMs`.
   */
  locked<T>(fn: (rt: Runtime) => T): T;
  /** The runtime as the last locked part left it, for work without the lock. */
  runtime(): Runtime;
}

export interface JobStep {
  /** Said in the execution log with each hold of the lock. */
  name: string;
  /** Where its errors are filed in the errors tab. */
  where: keyof typeof ERRORS.where;
  run(job: JobContext): void;
}

/** What each hold of the lock took (modelled time in the emulator, real time in Apps Script). */
export interface Hold {
  step: string;
  heldMs: number;
}

export function runLockedSteps(steps: readonly JobStep[], store: DocumentStore, schema: SchemaState, waitMs: number): Hold[] {
  const ss = SpreadsheetApp.getActive();
  const holds: Hold[] = [];
  let rt = loadRuntime(store);
  let current = '';
  const job: JobContext = {
    ss,
    startedAt: Date.now(),
    runtime: () => rt,
    locked<T>(fn: (rt: Runtime) => T): T {
      const lock = tryDocumentLock(waitMs);
      if (!lock) throw new BusyError(MESSAGES.lockTimeout);
      const from = Date.now();
      try {
        store.refresh();
        rt = loadRuntime(store);
        return fn(rt);
      } finally {
        lock.releaseLock();
        const heldMs = Math.round(Date.now() - from);
        holds.push({ step: current, heldMs });
        console.log(`${current}: document lock held ${heldMs} ms`);
      }
    },
  };
  for (const step of steps) {
    current = step.name;
    try {
      step.run(job);
    } catch (error) {
      if (error instanceof BusyError) throw error;
      logError({ where: step.where, message: MESSAGES.unexpected(describeError(error)) }, schema, ss);
    }
  }
  return holds;
}
