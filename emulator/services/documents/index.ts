/**
 * DocumentApp: https://developers.google.com/apps-script/reference/document/document-app
 * Reports, transfer slips and reply letters are Google Docs; the local ward shows them as HTML.
 * getAs('application/pdf') is not modelled (a faithful PDF with Vietnamese text needs a font
 * engine): it throws "not implemented", never a fake PDF.
 */
import { AppsScriptException, signatureMismatch } from '../../core/errors';
import { expose } from '../../core/facade';
import { GOOGLE_MIME } from '../../core/files';
import type { Kernel } from '../../core/kernel';
import type { DocumentsModule } from '../../core/modules';
import { Published, publish } from '../../core/published';
import { cloneState } from '../../core/json';
import { Attribute, ElementType, GlyphType, HorizontalAlignment, ParagraphHeading, VerticalAlignment } from './enums';
import { Body } from './elements/body';
import { Section } from './elements/section';
import { emptyParagraph, plainText, type DocumentData } from './model';
import { renderDocumentHtml } from './render';
import { docsApi } from './docs-api';

export function documentUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

class Document extends Published {
  constructor(
    readonly _kernel: Kernel,
    readonly _doc: DocumentData,
    readonly _saved: () => void = () => {},
  ) {
    super();
  }
  getId(): string {
    return this._doc.id;
  }
  getName(): string {
    return this._doc.name;
  }
  setName(name: string): Document {
    this._doc.name = String(name);
    const f = this._kernel.files.get(this._doc.id);
    if (f) f.name = this._doc.name;
    return this._self;
  }
  getUrl(): string {
    return documentUrl(this._doc.id);
  }
  getBody(): unknown {
    return publish(this._kernel, 'DocumentApp', 'Body', new Body(this._kernel, this._doc));
  }
  getHeader(): unknown {
    return this._doc.header ? publish(this._kernel, 'DocumentApp', 'HeaderSection', new Section(this._kernel, this._doc.header, 'HeaderSection')) : null;
  }
  addHeader(): unknown {
    if (this._doc.header) throw new AppsScriptException('Document tab already contains a header.');
    this._doc.header = { type: 'HEADER_SECTION', children: [emptyParagraph()] };
    return this.getHeader();
  }
  getFooter(): unknown {
    return this._doc.footer ? publish(this._kernel, 'DocumentApp', 'FooterSection', new Section(this._kernel, this._doc.footer, 'FooterSection')) : null;
  }
  addFooter(): unknown {
    if (this._doc.footer) throw new AppsScriptException('Document tab already contains a footer.');
    this._doc.footer = { type: 'FOOTER_SECTION', children: [emptyParagraph()] };
    return this.getFooter();
  }
  saveAndClose(): void {
    this._kernel.files.touch(this._doc.id);
    this._saved();
  }
}

class DocumentsModuleImpl implements DocumentsModule {
  readonly name = 'documents' as const;
  private docs = new Map<string, DocumentData>();
  /**
   * Docs a running script holds through DocumentApp and has not saved: Apps Script saves them at
   * saveAndClose() or at the script's end, and only then does the Docs API see the changes.
   */
  private unsaved = new Set<string>();

  constructor(readonly kernel: Kernel) {}

  create(name: string): DocumentData {
    const file = this.kernel.files.add({ name, mimeType: GOOGLE_MIME.DOCUMENT });
    // A new Google Doc: A4-ish letter page with 1-inch margins and one empty paragraph.
    const doc: DocumentData = {
      id: file.id,
      name,
      body: { type: 'BODY_SECTION', children: [emptyParagraph()] },
      header: null,
      footer: null,
      margins: { top: 72, bottom: 72, left: 72, right: 72 },
      pageWidth: 612,
      pageHeight: 792,
    };
    this.docs.set(doc.id, doc);
    return doc;
  }

  /** Drive's makeCopy of a Doc copies its content. */
  copy(id: string, name: string): string {
    const source = this.require(id);
    const copy = this.create(name);
    Object.assign(copy, cloneState({ ...source, id: copy.id, name }));
    return copy.id;
  }

  private require(id: string): DocumentData {
    const d = this.docs.get(id);
    if (!d) throw new Error(`emulator: no document ${id}`);
    return d;
  }

  list(): { id: string; name: string }[] {
    return [...this.docs.values()].map((d) => ({ id: d.id, name: d.name }));
  }

  renderHtml(id: string): string {
    return renderDocumentHtml(this.require(id));
  }

  text(id: string): string {
    return plainText(this.require(id).body);
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  globals(): Record<string, unknown> {
    const m = this;
    const k = this.kernel;
    const held = (doc: DocumentData) => {
      if (!k.inScriptExecution()) return new Document(k, doc);
      m.unsaved.add(doc.id);
      k.current().onEnd(() => m.unsaved.delete(doc.id));
      return new Document(k, doc, () => m.unsaved.delete(doc.id));
    };
    const open = (id: string) => {
      const doc = m.docs.get(id);
      if (!doc) throw new AppsScriptException('Document is missing (perhaps it was deleted, or you don\'t have read access?)');
      return publish(k, 'DocumentApp', 'Document', held(doc));
    };
    class DocumentApp {
      readonly ParagraphHeading = ParagraphHeading;
      readonly HorizontalAlignment = HorizontalAlignment;
      readonly VerticalAlignment = VerticalAlignment;
      readonly Attribute = Attribute;
      readonly ElementType = ElementType;
      readonly GlyphType = GlyphType;
      create(name: string): unknown {
        if (typeof name !== 'string' || name === '') throw signatureMismatch('DocumentApp.create', [name]);
        return publish(k, 'DocumentApp', 'Document', held(m.create(name)));
      }
      openById(id: string): unknown {
        return open(String(id));
      }
      openByUrl(url: string): unknown {
        const match = /\/document\/d\/([\w-]+)/.exec(String(url));
        if (!match) throw new AppsScriptException('Invalid argument: url');
        return open(match[1]);
      }
      /** Scripts here are bound to a spreadsheet. */
      getActiveDocument(): unknown {
        return null;
      }
    }
    // "Docs" is an advanced service: a loaded script sees it only when its manifest enables it (emulator/index.ts).
    return { DocumentApp: expose(k, 'DocumentApp', 'DocumentApp', new DocumentApp()), Docs: docsApi(k, () => m.docs, (id) => m.unsaved.has(id), (title) => m.create(title)) };
  }

  save(): unknown {
    return [...this.docs.values()];
  }

  restore(state: unknown): void {
    this.docs = new Map((state as DocumentData[]).map((d) => [d.id, d]));
  }
}

export function install(kernel: Kernel): void {
  kernel.register(new DocumentsModuleImpl(kernel));
}
