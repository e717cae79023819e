/**
 * What every operation needs, read from document properties only — no Spreadsheet call — so a
 * form submission stays within its budget however large the database is: where the columns are
 * (written by setup), the ward's settings (refreshed from the settings tabs by setup, the hourly
 * job and "Đồng bộ lại"; the staff list also at once after an edit of its tab), the calendar and
 * the classification rules. They come from the document cache when it holds them, else from the
 * properties (platform/runtime-cache): every write of them makes the next call read them again.
 */
import { WorkingCalendar } from '../../domain/calendar/working-calendar';
import { compileRules, type CompiledRules } from '../../domain/classify';
import { DEFAULT_SETTINGS, parseStaff, type Settings, type StaffMember } from '../../domain/settings';
import { NotSetUpError } from './errors';
import { staffRows } from './settings-tabs';
import { DocumentStore, PROPERTY_NAMES } from './document-store';
import { tryDocumentLock } from './lock';
import { bodiesReplaced, staffReplaced } from './portal-records';
import type { SchemaState } from './schema-state';
import { openTable, type ColumnKeyOf, type TabKey } from './sheets/tabs';
import type { Table } from './sheets/table';

export interface Runtime {
  store: DocumentStore;
  schema: SchemaState;
  settings: Settings;
  calendar: WorkingCalendar;
  rules: CompiledRules;
  /**
   * The one way to touch a managed tab: its table object, columns where setup found them.
   * `ss`: the spreadsheet the caller already holds (getActive is a call of its own).
   */
  table<T extends TabKey>(key: T, ss?: GoogleAppsScript.Spreadsheet.Spreadsheet): Table<ColumnKeyOf<T>>;
}

/** Settings as stored (calendar days as numbers survive JSON). */
export function loadSettings(store: DocumentStore): Settings {
  return store.getJson<Settings>(PROPERTY_NAMES.settings) ?? DEFAULT_SETTINGS;
}

/**
 * The one way the cached settings are replaced (the next call after a staff edit, the hourly job,
 * setup): whoever left the staff list, or changed role or body, loses their personal links in the
 * same property write (platform/portal-records), and so does a body's address that "Cơ quan xử lý"
 * no longer gives it (its body links). `also`: other properties to write with it.
 * Returns whether the settings or the links changed.
 */
export function storeSettings(store: DocumentStore, next: Settings, also: Record<string, string> = {}): boolean {
  const cached = store.getJson<Settings>(PROPERTY_NAMES.settings);
  const revoke = cached ? { ...staffReplaced(store, cached.staff, next.staff, new Date()), ...bodiesReplaced(store, cached.bodies, next.bodies, new Date()) } : {};
  const changed = JSON.stringify(next) !== JSON.stringify(cached) || Object.keys(revoke).length > 0;
  if (changed || Object.keys(also).length > 0) store.setMany({ ...revoke, ...DocumentStore.encodeJson(PROPERTY_NAMES.settings, next), ...also });
  return changed;
}

/** The staff list as the "Cán bộ" tab has it now. */
function staffInTab(): StaffMember[] {
  return parseStaff(staffRows(SpreadsheetApp.getActive())).staff;
}

/**
 * Roles take effect at once: an edit of the staff tab marks the cached staff list stale (see
 * ui/server/edits), and the next call reads the tab again, once. The links
 * of people who left or changed role or body are revoked in the same property write.
 */
function freshStaff(store: DocumentStore, settings: Settings): Settings {
  const stale = store.get(PROPERTY_NAMES.staffStale);
  if (!stale) return settings;
  const next = { ...settings, staff: staffInTab() };
  storeSettings(store, next, { [PROPERTY_NAMES.staffStale]: '' });
  return next;
}

/** How long an edit of the staff tab waits for the document lock before leaving the list to the next call. */
export const STAFF_EDIT_LOCK_WAIT_MS = 10_000;

/**
 * The edit triggers (ui/server/edits), at the moment the staff tab changed: under the document
 * lock (so edits in quick succession store the list in the order they happened), the tab is read
 * and stored as the cached staff list, and whoever is in the list but no longer in the tab as they
 * were loses their links in the same property write — so a removal followed by a re-add before the
 * next call still revokes, and the next call needs no read of the tab. Without the lock in time,
 * or if anything fails, the list is marked stale instead (with the revocations when the tab could
 * be read): the next call reads the tab once (freshStaff).
 */
export function staffTabChanged(store: DocumentStore = DocumentStore.open()): void {
  let done = false;
  let revoke: Record<string, string> = {};
  const lock = tryDocumentLock(STAFF_EDIT_LOCK_WAIT_MS);
  try {
    const staff = staffInTab();
    if (lock) {
      store.refresh();
      storeSettings(store, { ...loadSettings(store), staff }, { [PROPERTY_NAMES.staffStale]: '' });
      done = true;
    } else revoke = staffReplaced(store, loadSettings(store).staff, staff, new Date());
  } finally {
    // Marked stale whatever happened: the next call reads the tab (and revokes) if this could not.
    if (!done) store.setMany({ ...revoke, [PROPERTY_NAMES.staffStale]: new Date().toISOString() });
    lock?.releaseLock();
  }
}

export function loadRuntime(store: DocumentStore = DocumentStore.open()): Runtime {
  const schema = store.getJson<SchemaState>(PROPERTY_NAMES.schema);
  if (!schema) throw new NotSetUpError();
  const settings = freshStaff(store, loadSettings(store));
  return {
    store,
    schema,
    settings,
    calendar: new WorkingCalendar(settings.calendarOverrides),
    rules: compileRules(settings.categories),
    table: (key, ss = SpreadsheetApp.getActive()) => openTable(ss, key, schema.tabs),
  };
}
