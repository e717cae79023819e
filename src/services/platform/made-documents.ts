/**
 * The last document made for a case and purpose, remembered in document properties: a second
 * request for the same case version gets the same Doc, and recording "letter handed over" can
 * check that the letter was made from the answer as it stands.
 */
import { PROPERTY_NAMES, type DocumentStore } from './document-store';

/** 'slip' is the transfer slip to a handling body: the name stored in properties and sent by the sidebar. */
export type DocumentKind = 'slip' | 'letter';

export interface MadeDocument {
  /** The case version it was made from. */
  version: number;
  id: string;
  url: string;
  name: string;
  /** How many versions were made ("bản 2" …). */
  n: number;
  /** ISO time it was made (absent in marks written before it was recorded). */
  madeAt?: string;
  /** A slip: the photos it carries (their file ids), so that a photo added or hidden since makes a new one. */
  photos?: string;
}

function keyOf(code: string, kind: DocumentKind): string {
  return `${PROPERTY_NAMES.documentMade}${code}.${kind}`;
}

export function lastMade(store: DocumentStore, code: string, kind: DocumentKind): MadeDocument | null {
  return store.getJson<MadeDocument>(keyOf(code, kind)) ?? null;
}

export function rememberMade(store: DocumentStore, code: string, kind: DocumentKind, made: MadeDocument): void {
  store.setJson(keyOf(code, kind), made);
}

/** When the letter for `code` was last made, or null. */
export function letterMadeAt(store: DocumentStore, code: string): Date | null {
  const at = lastMade(store, code, 'letter')?.madeAt;
  return at ? new Date(at) : null;
}
