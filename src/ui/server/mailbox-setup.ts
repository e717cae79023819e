/**
 * Menu "Kết nối hộp thư chính thức" (admins, at the spreadsheet): makes the secret the official
 * mailbox's project signs with (a new one each time: the old stops working) and shows it once,
 * with the web app's address and the steps, in a dialog only the admin at the keyboard sees. The
 * audit tab records who connected and when — never the secret.
 */
import { MAILBOX_SETUP, SIDEBAR } from '../../i18n/vi';
import { rotateMailboxSecret } from '../../services/intake/mailbox-auth';
import { UserError } from '../../services/platform/errors';
import { webAppUrl } from '../../services/platform/web-app';
import { PROPERTY_NAMES } from '../../services/platform/document-store';
import type { Runtime } from '../../services/platform/runtime';
import type { Actor } from '../../domain/permissions';

const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The dialog's page: text escaped, the two values in read-only boxes to copy. */
export function connectionPage(url: string, secret: string): string {
  const box = (label: string, value: string) =>
    `<p style="margin:12px 0 4px"><b>${escape(label)}</b></p><textarea readonly rows="${value.length > 60 ? 3 : 1}" style="width:100%;font:14px monospace;word-break:break-all" onclick="this.select()">${escape(value)}</textarea>`;
  const steps = MAILBOX_SETUP.steps.map((s) => `<li>${escape(s)}</li>`).join('');
  return `<div style="font:15px Arial;line-height:1.45"><p>${escape(MAILBOX_SETUP.intro)}</p>${box(MAILBOX_SETUP.urlLabel, url)}${box(MAILBOX_SETUP.secretLabel, secret)}<ol>${steps}</ol><p>${escape(MAILBOX_SETUP.lost)}</p></div>`;
}

export function connectMailbox(ui: GoogleAppsScript.Base.Ui, rt: Runtime, actor: Actor): void {
  if (!rt.schema.tabs.mail) throw new UserError(MAILBOX_SETUP.runSetupFirst);
  const url = webAppUrl();
  if (!url) throw new UserError(MAILBOX_SETUP.notDeployed);
  const replacing = Boolean(rt.store.get(PROPERTY_NAMES.mailboxSecret));
  if (replacing && ui.alert(SIDEBAR.title, MAILBOX_SETUP.rotateConfirm, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
  // The audit row first: a failure after it leaves the old secret working (a row for a change not
  // made is harmless); the other way round a failing append left a new secret in force unaudited.
  rt.table('audit').append([{ at: new Date(), user: actor.email, action: MAILBOX_SETUP.auditAction, code: '', field: '', before: '', after: '', detail: replacing ? MAILBOX_SETUP.auditRotated : MAILBOX_SETUP.auditNew, version: '' }], 'rows');
  const secret = rotateMailboxSecret(rt.store);
  ui.showModalDialog(HtmlService.createHtmlOutput(connectionPage(url, secret)).setWidth(560).setHeight(560), MAILBOX_SETUP.title);
}
