/**
 * DriveApp over the workspace's file registry: https://developers.google.com/apps-script/reference/drive/drive-app
 * Folders are not modelled (the project keeps its documents in the user's Drive root); their
 * methods throw "not implemented". MimeType is the Base service's enum of MIME strings.
 */
import { AppsScriptException, signatureMismatch } from '../../core/errors';
import { expose, unwrap } from '../../core/facade';
import { GOOGLE_MIME, type DriveFileRecord } from '../../core/files';
import type { Kernel } from '../../core/kernel';
import type { DriveModule } from '../../core/modules';
import { Published, publish } from '../../core/published';
import { makeUser } from '../../core/user';
import { Blob, makeBlob } from './blob';
import { DRIVE_FILES_URL, driveApi, driveDownloadRoute } from './drive-api';

/** https://developers.google.com/apps-script/reference/base/mime-type */
export const MimeType = Object.freeze({
  GOOGLE_DOCS: GOOGLE_MIME.DOCUMENT,
  GOOGLE_SHEETS: GOOGLE_MIME.SPREADSHEET,
  GOOGLE_FORMS: GOOGLE_MIME.FORM,
  FOLDER: GOOGLE_MIME.FOLDER,
  GOOGLE_APPS_SCRIPT: GOOGLE_MIME.SCRIPT,
  PDF: 'application/pdf',
  PLAIN_TEXT: 'text/plain',
  HTML: 'text/html',
  CSV: 'text/csv',
  JSON: 'application/json',
  PNG: 'image/png',
  JPEG: 'image/jpeg',
  GIF: 'image/gif',
  MICROSOFT_WORD: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  MICROSOFT_EXCEL: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
});

const URL_OF: Record<string, (id: string) => string> = {
  [GOOGLE_MIME.DOCUMENT]: (id) => `https://docs.google.com/document/d/${id}/edit`,
  [GOOGLE_MIME.SPREADSHEET]: (id) => `https://docs.google.com/spreadsheets/d/${id}/edit`,
  [GOOGLE_MIME.FORM]: (id) => `https://docs.google.com/forms/d/${id}/edit`,
};

class File extends Published {
  constructor(
    readonly _kernel: Kernel,
    readonly _file: DriveFileRecord,
  ) {
    super();
  }
  getId(): string {
    return this._file.id;
  }
  getName(): string {
    return this._file.name;
  }
  setName(name: string): File {
    this._file.name = String(name);
    return this._self;
  }
  getMimeType(): string {
    return this._file.mimeType;
  }
  getUrl(): string {
    return (URL_OF[this._file.mimeType] ?? ((id: string) => `https://drive.google.com/file/d/${id}/view`))(this._file.id);
  }
  getSize(): number {
    return this._file.contentBase64 ? Buffer.from(this._file.contentBase64, 'base64').length : 0;
  }
  getDateCreated(): Date {
    return new Date(this._file.createdAt.getTime());
  }
  getLastUpdated(): Date {
    return new Date(this._file.updatedAt.getTime());
  }
  getOwner(): unknown {
    return makeUser(this._kernel, 'DriveApp', this._file.owner);
  }
  getDescription(): string {
    return this._file.description;
  }
  setDescription(description: string): File {
    this._file.description = String(description);
    return this._self;
  }
  isTrashed(): boolean {
    return this._file.trashed;
  }
  setTrashed(trashed: boolean): File {
    this._file.trashed = Boolean(trashed);
    return this._self;
  }
  getBlob(): unknown {
    if (this._file.contentBase64 === undefined) throw new AppsScriptException(`not implemented in the emulator: File.getBlob of ${this._file.mimeType}`);
    return makeBlob(this._kernel, new Uint8Array(Buffer.from(this._file.contentBase64, 'base64')), this._file.mimeType, this._file.name);
  }
  /** Copies plain files and Google Docs (a template is copied, then filled). */
  makeCopy(name?: string): File {
    const copyName = name ?? `Copy of ${this._file.name}`;
    if (this._file.mimeType === GOOGLE_MIME.DOCUMENT) {
      const id = this._kernel.module('documents').copy(this._file.id, copyName);
      return makeFile(this._kernel, this._kernel.files.get(id)!);
    }
    if (this._file.contentBase64 === undefined) throw new AppsScriptException(`not implemented in the emulator: File.makeCopy of ${this._file.mimeType}`);
    return makeFile(this._kernel, this._kernel.files.add({ name: copyName, mimeType: this._file.mimeType, contentBase64: this._file.contentBase64 }));
  }
}

function makeFile(kernel: Kernel, record: DriveFileRecord): File {
  return publish(kernel, 'DriveApp', 'File', new File(kernel, record));
}

class DriveModuleImpl implements DriveModule {
  readonly name = 'drive' as const;
  constructor(readonly kernel: Kernel) {}

  globals(): Record<string, unknown> {
    const k = this.kernel;
    // Google's own API host is always reachable through UrlFetchApp (the modules are all installed by now).
    k.module('urlfetch').route(DRIVE_FILES_URL, driveDownloadRoute(k));
    class DriveApp {
      getFileById(id: string): unknown {
        const f = k.files.get(String(id));
        if (!f || f.trashed) throw new AppsScriptException('No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.');
        return makeFile(k, f);
      }
      createFile(a: unknown, b?: unknown, c?: unknown): unknown {
        if (typeof a === 'string') {
          if (typeof b !== 'string') throw signatureMismatch('DriveApp.createFile', [a, b, c].filter((x) => x !== undefined));
          return makeFile(k, k.files.add({ name: a, mimeType: typeof c === 'string' ? c : 'text/plain', contentBase64: Buffer.from(b, 'utf8').toString('base64') }));
        }
        const blob = unwrap(a) as Blob;
        if (!(blob instanceof Blob)) throw signatureMismatch('DriveApp.createFile', [a]);
        return makeFile(k, k.files.add({ name: blob._name ?? 'Untitled', mimeType: blob._contentType ?? 'application/octet-stream', contentBase64: Buffer.from(blob._bytes).toString('base64') }));
      }
    }
    // "Drive" is an advanced service: a loaded script sees it only when its manifest enables it (emulator/index.ts).
    return { DriveApp: expose(k, 'DriveApp', 'DriveApp', new DriveApp()), MimeType, Drive: driveApi(k) };
  }

  save(): unknown {
    return null;
  }
  restore(): void {
    // Files live in the kernel's registry, which the workspace snapshot keeps.
  }
}

export function install(kernel: Kernel): void {
  kernel.register(new DriveModuleImpl(kernel));
}
