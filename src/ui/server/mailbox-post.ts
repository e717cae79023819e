/**
 * doPost: the web app's one POST. Only the official mailbox posts here (a signed request,
 * services/intake/mailbox-poll); anything else anyone posts — a visitor, a form, a script — gets
 * the same {ok:false,error:'unauthorized'} as a forged request, and nothing changes.
 */
import type { MailboxAnswer } from '../../domain/mailbox-protocol';
import { describeError } from '../../services/platform/errors';
import { redactPersonalData } from '../../domain/redact';
import { receivePoll } from '../../services/intake/mailbox-poll';

function json(answer: MailboxAnswer): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(JSON.stringify(answer)).setMimeType(ContentService.MimeType.JSON);
}

export function receiveMailboxPost(e?: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  const contents = e && typeof e === 'object' && e.postData && typeof e.postData.contents === 'string' ? e.postData.contents : '';
  try {
    return json(receivePoll(contents));
  } catch (error) {
    // Not set up, a service failing: logged without the request; the mailbox tries again next poll.
    console.error(`[mailbox] ${redactPersonalData(describeError(error))}`);
    return json({ ok: false, error: 'failed' });
  }
}
