/**
 * A follow-up: a new case filed from an earlier one through the one filing pipeline — the earlier
 * case's group, category, place and wish for confidentiality, linked back to it, no acknowledgement
 * (whoever follows up holds the first case's code; a resident is shown the new code and key on the
 * page). Staff file one with the "Phản ánh lại" action (effects.ts); a resident files one from the
 * lookup page after rating the answer 1–2 (services/public/lookup.ts). Its response key decides
 * what a retry finds: the same key files nothing twice.
 */
import { intakeContext } from '../platform/intake-context';
import type { Channel } from '../../domain/case';
import type { CaseRecord } from '../../domain/case-record';
import { vietnamYear } from '../../domain/calendar/civil-date';
import { prepareCase } from '../../domain/intake';
import type { Runtime } from '../platform/runtime';
import { fileOne, type FiledOne } from './filing';

export interface FollowUp {
  content: string;
  channel: Channel;
  /** The follow-up's identity in the journal (domain/journal followUpKey, residentFollowUpKey). */
  responseKey: string;
  /** Who files it: the staff member's e-mail, or the resident's label. */
  by: string;
  /** The staff member who typed it (the case history names them); none when the resident filed it. */
  enteredBy?: string;
  now: Date;
}

/** Files the follow-up of `from` (the caller holds the document lock). */
export function fileFollowUpCase(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rt: Runtime, from: CaseRecord, f: FollowUp): FiledOne {
  rt.store.refresh();
  const ctx = intakeContext(rt, f.now);
  return fileOne(
    ss,
    rt,
    {
      responseKey: f.responseKey,
      by: f.by,
      prepare: (newCode) => {
        const prepared = prepareCase(
          { channel: f.channel, receivedAt: f.now, group: from.group, topic: from.category, content: f.content, location: from.location, name: '', phone: '', email: '', confidential: from.confidential, responseKey: f.responseKey, enteredBy: f.enteredBy },
          newCode,
          ctx,
        );
        prepared.fields.linkedCases = from.code;
        return { ...prepared, acknowledge: false };
      },
    },
    vietnamYear(f.now),
    f.now,
  );
}
