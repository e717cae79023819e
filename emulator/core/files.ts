/**
 * Drive's view of every file in the workspace. Spreadsheets, forms and documents register here
 * when created, so DriveApp.getFileById works on them as in Apps Script, and a document can be
 * exported (getAs PDF) through the exporter its module registers.
 */
import type { Kernel } from './kernel';

export const GOOGLE_MIME = {
  SPREADSHEET: 'application/vnd.google-apps.spreadsheet',
  FORM: 'application/vnd.google-apps.form',
  DOCUMENT: 'application/vnd.google-apps.document',
  FOLDER: 'application/vnd.google-apps.folder',
  SCRIPT: 'application/vnd.google-apps.script',
} as const;

export interface DriveFileRecord {
  id: string;
  name: string;
  mimeType: string;
  owner: string;
  createdAt: Date;
  updatedAt: Date;
  trashed: boolean;
  description: string;
  parents: string[];
  /** Bytes of a plain (non-Google) file, base64. */
  contentBase64?: string;
  /** Set through the advanced Drive service: its appProperties (private to the app). */
  appProperties?: Record<string, string>;
  /** Created by the script through the advanced Drive service: visible to it under drive.file alone. */
  createdByApp?: boolean;
}

export interface ExportedFile {
  bytes: Uint8Array;
  contentType: string;
  name: string;
}

/** Converts a Google file to another type, e.g. a Document to application/pdf. */
export type Exporter = (file: DriveFileRecord, targetMimeType: string) => ExportedFile;

export class FileRegistry {
  private readonly byId = new Map<string, DriveFileRecord>();
  readonly exporters = new Map<string, Exporter>();

  constructor(private readonly kernel: Kernel) {}

  add(fields: Pick<DriveFileRecord, 'name' | 'mimeType'> & Partial<DriveFileRecord>): DriveFileRecord {
    const now = this.kernel.now();
    const record: DriveFileRecord = {
      id: fields.id ?? this.kernel.newId(fields.mimeType.slice(-1)),
      owner: fields.owner ?? this.kernel.current().user,
      createdAt: fields.createdAt ?? now,
      updatedAt: fields.updatedAt ?? now,
      trashed: false,
      description: '',
      parents: [],
      ...fields,
    };
    this.byId.set(record.id, record);
    return record;
  }

  get(id: string): DriveFileRecord | undefined {
    return this.byId.get(id);
  }

  list(): DriveFileRecord[] {
    return [...this.byId.values()];
  }

  touch(id: string): void {
    const f = this.byId.get(id);
    if (f) f.updatedAt = this.kernel.now();
  }

  remove(id: string): void {
    this.byId.delete(id);
  }

  save(): DriveFileRecord[] {
    return this.list();
  }

  restore(records: DriveFileRecord[]): void {
    this.byId.clear();
    for (const r of records) this.byId.set(r.id, r);
  }
}
