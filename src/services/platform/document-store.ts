/**
 * The add-on's own state in the document's properties: the schema map, the cached settings, the
 * case-code sequence, the intake trigger's owner, which responses are filed. Property values hold
 * at most 9 KB, so JSON values are split across numbered properties and written in one call.
 */
const PREFIX = 'hts.';
const CHUNK_CHARS = 2500; // ≤ 9 KB even when every character takes 3 bytes in UTF-8

export const KEYS = {
  schema: 'schema',
  settings: 'settings',
  settingsProblems: 'settingsProblems',
  sequence: 'sequence',
  intakeTrigger: 'intake.trigger',
  intakeOwner: 'intake.owner',
  filedRows: 'intake.filedRows',
  /** The staff list the protections were last set for. */
  accessFor: 'access.staff',
  /** One property per message in flight: "out.<id>" = "sending|<iso>" or "sent|<iso>". */
  outboxMark: 'out.',
} as const;

export class DocumentStore {
  constructor(private readonly props: GoogleAppsScript.Properties.Properties) {}

  static open(): DocumentStore {
    const props = PropertiesService.getDocumentProperties();
    if (!props) throw new Error('Hòm thư số chỉ chạy trong bảng tính của phường.');
    return new DocumentStore(props);
  }

  get(key: string): string | null {
    return this.props.getProperty(PREFIX + key);
  }

  set(key: string, value: string): void {
    this.props.setProperty(PREFIX + key, value);
  }

  remove(key: string): void {
    this.props.deleteProperty(PREFIX + key);
  }

  /** Every property of this add-on whose key starts with `prefix` (prefix removed), in one call. */
  withPrefix(prefix: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.props.getProperties())) if (k.startsWith(PREFIX + prefix)) out[k.slice(PREFIX.length + prefix.length)] = v;
    return out;
  }

  /** Deletes many keys: one call per key when few, else one rewrite of the whole store. */
  removeMany(keys: string[]): void {
    if (keys.length === 0) return;
    if (keys.length <= 3) {
      for (const k of keys) this.props.deleteProperty(PREFIX + k);
      return;
    }
    const all = this.props.getProperties();
    for (const k of keys) delete all[PREFIX + k];
    this.props.setProperties(all, true);
  }

  getJson<T>(key: string): T | null {
    const head = this.get(key);
    if (head === null) return null;
    const chunked = /^#chunks:(\d+)$/.exec(head);
    if (!chunked) return JSON.parse(head) as T;
    const all = this.props.getProperties();
    let text = '';
    for (let i = 0; i < Number(chunked[1]); i++) text += all[`${PREFIX}${key}#${i}`] ?? '';
    return JSON.parse(text) as T;
  }

  setJson(key: string, value: unknown): void {
    const text = JSON.stringify(value);
    if (text.length <= CHUNK_CHARS) {
      this.set(key, text);
      return;
    }
    const parts: Record<string, string> = {};
    let n = 0;
    for (let i = 0; i < text.length; i += CHUNK_CHARS) parts[`${PREFIX}${key}#${n++}`] = text.slice(i, i + CHUNK_CHARS);
    parts[PREFIX + key] = `#chunks:${n}`;
    this.props.setProperties(parts);
  }
}
