/**
 * The add-on's own state in the document's properties: the schema map, the cached settings, the
 * case-code sequence, the intake trigger's owner, the intake journal, actions in flight.
 * Every read is served from one snapshot taken with a single getProperties() call (a property
 * call costs as much as a Sheets call); writes go through at once and update the snapshot.
 * `refresh()` takes a new snapshot: call it after acquiring the document lock, since another
 * execution may have written while this one waited.
 * Property values hold at most 9 KB, so JSON values are split across numbered properties and
 * written in one call.
 */
import { ERRORS } from '../../i18n/vi';

const PREFIX = 'hts.';
const CHUNK_CHARS = 2500; // ≤ 9 KB even when every character takes 3 bytes in UTF-8

/** The names of the add-on's properties (before PREFIX). */
export const PROPERTY_NAMES = {
  schema: 'schema',
  settings: 'settings',
  settingsProblems: 'settingsProblems',
  sequence: 'sequence',
  /** The paper slips' own code sequence per year: {"2026": 400} = GY-2026-P00001 … P00400 printed. */
  paperSlipSequence: 'slip.sequence',
  intakeTrigger: 'intake.trigger',
  intakeOwner: 'intake.owner',
  /** The intake journal: which form responses are filed, which are being filed (see domain/journal). */
  journal: 'intake.journal',
  /** The secret lookup keys are derived from (services/access/keys). */
  lookupSecret: 'lookup.secret',
  /** Issue numbers of re-issued lookup keys, by case code (services/platform/secrets). */
  lookupIssues: 'lookup.issues',
  /** Set once a ward's outbox holds no readable secret (a new ward's at setup, an older one's once cleaned). */
  secretsMigrated: 'secrets.migrated',
  /** Changes whenever the public board may change: part of the board's cache key (public/board). */
  boardGeneration: 'board.generation',
  /** A handling body's or viewer's personal link: "portal.<sha-256 of the token>" = its holder and expiry. */
  portalLink: 'portal.',
  /** The form description and confirmation page last written to the form (settings feed them). */
  formTexts: 'form.texts',
  /** The staff list the protections were last set for. */
  accessFor: 'access.staff',
  /** Set by an edit of the staff tab: the cached staff list must be read again. */
  staffStale: 'staff.stale',
  /** One property per message in flight: "out.<id>" = "sending|<iso>" or "sent|<iso>". */
  outboxMark: 'out.',
  /** One property per generated document: "doc.<code>.<slip|letter>" = the last one made (see documents/). */
  documentMade: 'doc.',
  /** The Vietnam day the daily reminders were last queued (ISO). */
  remindersDay: 'remind.day',
  /** The admin reminders already queued (quarterly report, monthly publication), by period. */
  remindersSent: 'remind.sent',
  /** One property per report period: "rep.<period>" = how many versions were made. */
  reportMade: 'rep.',
  /** One property per action in flight: "act.<code>" = the writes that complete it (see cases/actions). */
  pendingAction: 'act.',
  /** What the outbox found of the mails whose fate goes back to their case (answers, the police), not yet applied (see cases/deliveries). */
  mailReports: 'mail.reports',
} as const;

export class DocumentStore {
  private snapshot: Record<string, string>;

  constructor(private readonly props: GoogleAppsScript.Properties.Properties) {
    this.snapshot = props.getProperties();
  }

  static open(): DocumentStore {
    const props = PropertiesService.getDocumentProperties();
    if (!props) throw new Error(ERRORS.notInSpreadsheet);
    return new DocumentStore(props);
  }

  /** A fresh snapshot (one call): what other executions wrote meanwhile. */
  refresh(): void {
    this.snapshot = this.props.getProperties();
  }

  get(name: string): string | null {
    return this.snapshot[PREFIX + name] ?? null;
  }

  set(name: string, value: string): void {
    this.props.setProperty(PREFIX + name, value);
    this.snapshot[PREFIX + name] = value;
  }

  /** Several properties in one call (the others are kept). */
  setMany(values: Record<string, string>): void {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) out[PREFIX + k] = v;
    this.props.setProperties(out);
    Object.assign(this.snapshot, out);
  }

  remove(name: string): void {
    this.props.deleteProperty(PREFIX + name);
    delete this.snapshot[PREFIX + name];
  }

  /** Every property of this add-on whose name starts with `prefix` (prefix removed). */
  withPrefix(prefix: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.snapshot)) if (k.startsWith(PREFIX + prefix)) out[k.slice(PREFIX.length + prefix.length)] = v;
    return out;
  }

  /**
   * Deletes properties, one call each. Never by rewriting the whole store from the snapshot
   * (setProperties(all, true)): other executions write properties without the document lock —
   * the staff tab's edit trigger revoking links, the hourly job's sender marking mail in flight —
   * and a rewrite from a snapshot taken before would undo what they wrote.
   */
  removeMany(names: string[]): void {
    for (const k of names) this.remove(k);
  }

  getJson<T>(name: string): T | null {
    const head = this.get(name);
    if (head === null) return null;
    const chunked = /^#chunks:(\d+)$/.exec(head);
    if (!chunked) return JSON.parse(head) as T;
    let text = '';
    for (let i = 0; i < Number(chunked[1]); i++) text += this.snapshot[`${PREFIX}${name}#${i}`] ?? '';
    return JSON.parse(text) as T;
  }

  /** The properties that store `value` under `name` (one or several chunks), for setMany. */
  static encodeJson(name: string, value: unknown): Record<string, string> {
    const text = JSON.stringify(value);
    if (text.length <= CHUNK_CHARS) return { [name]: text };
    const parts: Record<string, string> = {};
    let n = 0;
    for (let i = 0; i < text.length; i += CHUNK_CHARS) parts[`${name}#${n++}`] = text.slice(i, i + CHUNK_CHARS);
    parts[name] = `#chunks:${n}`;
    return parts;
  }

  setJson(name: string, value: unknown): void {
    const parts = DocumentStore.encodeJson(name, value);
    if (Object.keys(parts).length === 1) this.set(name, parts[name]);
    else this.setMany(parts);
  }
}
