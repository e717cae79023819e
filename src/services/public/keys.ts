/**
 * Lookup keys: HMAC-SHA256 of the case's journal key (and the key's issue number) under a random
 * secret kept in the document properties. Nothing is stored per case but the issue number: the
 * same case always yields the same key (an acknowledgement re-sent after a cut-off carries the
 * key the resident already has), a new issue invalidates the old key, and without the secret a
 * key cannot be computed.
 */
import { slipJournalKey } from '../../domain/case-code';
import { formatKey, keyFromBytes } from '../../domain/lookup';
import { KEYS, type DocumentStore } from '../platform/document-store';

/** The ward's secret: made once (two UUIDs of randomness), never shown. */
export function lookupSecret(store: DocumentStore): string {
  let secret = store.get(KEYS.lookupSecret);
  if (!secret) {
    secret = `${Utilities.getUuid()}${Utilities.getUuid()}`;
    store.set(KEYS.lookupSecret, secret);
  }
  return secret;
}

/**
 * The key a resident would hold, for the public lookup: '' while the ward has no secret yet (then no
 * key was ever given out). It never makes the secret: the lookup runs without the document lock,
 * and a secret made there could overwrite the one intake is making for the first acknowledgement.
 */
export function existingLookupKey(store: DocumentStore, responseKey: string, issue: number): string {
  return store.get(KEYS.lookupSecret) ? lookupKey(store, responseKey, issue) : '';
}

export function lookupKey(store: DocumentStore, responseKey: string, issue: number): string {
  return keyFromBytes(Utilities.computeHmacSha256Signature(`${responseKey}#${issue}`, lookupSecret(store)));
}

/** The key printed on a paper slip's stub: the one its case will have (first issue of its journal key). */
export function slipLookupKey(store: DocumentStore, code: string): string {
  return lookupKey(store, slipJournalKey(code), 0);
}

/** As printed and read out: "K7M2-QX9P". */
export function printedKey(store: DocumentStore, responseKey: string, issue: number): string {
  return formatKey(lookupKey(store, responseKey, issue));
}

/** The web app's address, or '' when it is not deployed (then residents ask the ward). */
export function webAppUrl(): string {
  try {
    return ScriptApp.getService().getUrl() || '';
  } catch {
    return '';
  }
}
