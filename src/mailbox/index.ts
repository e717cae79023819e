/**
 * The official mailbox's own Apps Script project (README "The official mailbox"): installed once
 * under the ward's mailbox account, the only project holding a Gmail scope. Its entry points —
 * `export { … } from` only; gas-webpack-plugin makes each a top-level function of
 * build/mailbox/Code.js.
 */
export { setupRelay } from './setup';
export { relayMail } from './relay';
