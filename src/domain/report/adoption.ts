/**
 * QR adoption per residential group: the plan puts a QR poster in every "tổ dân phố" and aims at
 * over 80% of opinions through QR. A group's poster is the form reached with the channel exactly
 * CHANNELS.qr and that group — the ward office's and the public service centre's QR codes
 * (CHANNELS.qrOffice, CHANNELS.qrCentre) say nothing about the group's poster.
 *
 * A group is "stale" when its poster brought no case in the last STALE_QR_DAYS calendar days
 * (today included): the poster may be gone, torn or unreadable. Nobody is flagged before the ward
 * has been receiving for that long (too early to tell). Pure: no Apps Script globals.
 */
import { formatVietnameseDate, type CivilDay } from '../calendar/civil-date';
import { CHANNELS } from '../case';
import type { IndexEntry } from '../case-record';

/** The window, in calendar days ending today (inclusive), in which a group's poster must have brought a case. */
export const STALE_QR_DAYS = 14;

/** What adoption reads of an index entry. */
export type AdoptionEntry = Pick<IndexEntry, 'receivedDay' | 'channel' | 'group'>;

export interface StaleQrGroup {
  group: string;
  /** The last day (dd/mm/yyyy) a case came through the group's poster, any time; null if never. */
  lastQrOn: string | null;
}

/** A case that came through its group's own poster. */
function ownPoster(e: Pick<AdoptionEntry, 'channel' | 'group'>): boolean {
  return e.channel === CHANNELS.qr && e.group !== '';
}

/** The last day each group's poster brought a case (groups without one are absent). */
export function lastGroupQrDays(entries: readonly AdoptionEntry[]): Map<string, CivilDay> {
  const last = new Map<string, CivilDay>();
  for (const e of entries) {
    if (!ownPoster(e)) continue;
    const seen = last.get(e.group);
    if (seen === undefined || e.receivedDay > seen) last.set(e.group, e.receivedDay);
  }
  return last;
}

/**
 * Whether the ward has been receiving long enough to judge: its earliest case (any channel, any
 * group) was received on or before today − (STALE_QR_DAYS − 1).
 */
export function qrWatchStarted(entries: readonly AdoptionEntry[], today: CivilDay): boolean {
  let earliest = Infinity;
  for (const e of entries) if (e.receivedDay < earliest) earliest = e.receivedDay;
  return earliest <= today - (STALE_QR_DAYS - 1);
}

/** No case through the poster in the STALE_QR_DAYS calendar days ending `today` (given its last one). */
export function isStale(lastQrDay: CivilDay | undefined, today: CivilDay): boolean {
  return lastQrDay === undefined || lastQrDay < today - (STALE_QR_DAYS - 1);
}

/**
 * The groups (in the given, settings, order) whose poster brought no case in the STALE_QR_DAYS
 * calendar days ending `today`; none before the ward has been receiving that long.
 */
export function staleQrGroups(entries: readonly AdoptionEntry[], groups: readonly string[], today: CivilDay): StaleQrGroup[] {
  if (!qrWatchStarted(entries, today)) return [];
  const last = lastGroupQrDays(entries);
  return groups.filter((g) => isStale(last.get(g), today)).map((group) => ({ group, lastQrOn: lastOn(last.get(group)) }));
}

/** dd/mm/yyyy, or null for never. */
export function lastOn(day: CivilDay | undefined): string | null {
  return day === undefined ? null : formatVietnameseDate(day);
}

/** Cases through each group's own poster received from `from` to `to` (inclusive civil days). */
export function groupQrCounts(entries: readonly AdoptionEntry[], from: CivilDay, to: CivilDay): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of entries) {
    if (!ownPoster(e) || e.receivedDay < from || e.receivedDay > to) continue;
    counts.set(e.group, (counts.get(e.group) ?? 0) + 1);
  }
  return counts;
}
