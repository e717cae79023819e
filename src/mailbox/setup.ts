/**
 * setupRelay: run once from the Apps Script editor by the official mailbox's account, after the
 * script properties are set (README "The official mailbox"). Checks the settings and the alias,
 * creates the labels, and installs the 10-minute trigger that runs relayMail — idempotently, as
 * Google's samples install triggers: looked up first, created only if missing.
 */
import { doneLabel, MAILBOX_TEXT } from './messages';
import { readSettings } from './settings';

export const RELAY_EVERY_MINUTES = 10;
export const RELAY_HANDLER = 'relayMail';

export function setupRelay(): string {
  const read = readSettings(PropertiesService.getScriptProperties().getProperties());
  if (!read.ok) throw new Error(MAILBOX_TEXT.missingSettings(read.missing));
  const { label, fromAlias } = read.settings;
  if (fromAlias && !GmailApp.getAliases().some((a) => a.toLowerCase() === fromAlias.toLowerCase())) throw new Error(MAILBOX_TEXT.badAlias(fromAlias));
  for (const name of [label, doneLabel(label)]) if (!GmailApp.getUserLabelByName(name)) GmailApp.createLabel(name);
  if (!ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === RELAY_HANDLER)) {
    ScriptApp.newTrigger(RELAY_HANDLER).timeBased().everyMinutes(RELAY_EVERY_MINUTES).create();
  }
  const message = MAILBOX_TEXT.installed(label, RELAY_EVERY_MINUTES);
  console.log(message);
  return message;
}
