/**
 * The acknowledgement and the answer of a case that came by e-mail go back in the mail's thread,
 * through the official mailbox (the add-on has no Gmail scope). Filled in next.
 */
import type { MailboxReply, SentReport } from '../../domain/mailbox-protocol';
import type { Runtime } from '../platform/runtime';

export function applySentReports(_ss: GoogleAppsScript.Spreadsheet.Spreadsheet, _rt: Runtime, _sent: SentReport[]): void {}

export function handOverReplies(_ss: GoogleAppsScript.Spreadsheet.Spreadsheet, _rt: Runtime): MailboxReply[] {
  return [];
}
