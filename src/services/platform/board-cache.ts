/**
 * The public board's cache (services/public/board) is keyed by a generation kept in the document
 * properties: every change that can alter the board writes a new one, so the very next visitor
 * gets the board rebuilt instead of a copy up to 5 minutes old. Readers pay nothing for it (the
 * properties are read once per execution anyway); a writer adds its generation to a property
 * write it makes anyway, or one write after the case row.
 * Where it changes: a case change whose board fields differ (cases/actions commitChange, and
 * completePendingActions for a change cut off after its row was written), a case filed (filing
 * markFiled) and cases filed or restored by reconcile.
 */
import { PROPERTY_NAMES, type DocumentStore } from './document-store';

/** The property write that moves the board to a new generation; `tag` keeps it unique (a code and version). */
export function boardChanged(tag: string): Record<string, string> {
  return { [PROPERTY_NAMES.boardGeneration]: `${Date.now().toString(36)}.${tag}`.slice(0, 60) };
}

export function boardGeneration(store: DocumentStore): string {
  return store.get(PROPERTY_NAMES.boardGeneration) ?? '0';
}
