/**
 * Lookup keys: HMAC-SHA256 of the case's response key (and the key's issue number) under a random
 * secret kept in the document properties (derived in platform/secrets). Nothing is stored per
 * case but the issue number: the same case always yields the same key, a new issue invalidates
 * the old key, and without the secret a key cannot be computed.
 */
import { paperSlipResponseKey } from '../../domain/case-code';
import { PROPERTY_NAMES, type DocumentStore } from '../platform/document-store';
import { lookupKey } from '../platform/secrets';

/**
 * The key a resident would hold, for the public lookup: '' while the ward has no secret yet (then no
 * key was ever given out). It never makes the secret: the lookup runs without the document lock,
 * and a secret made there could overwrite the one intake is making for the first acknowledgement.
 */
export function existingLookupKey(store: DocumentStore, responseKey: string, issue: number): string {
  return store.get(PROPERTY_NAMES.lookupSecret) ? lookupKey(store, responseKey, issue) : '';
}

export { lookupKey, lookupSecret } from '../platform/secrets';

/** The key printed on a paper slip's stub: the one its case will have (first issue of its response key). */
export function paperSlipLookupKey(store: DocumentStore, code: string): string {
  return lookupKey(store, paperSlipResponseKey(code), 0);
}
