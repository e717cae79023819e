/**
 * The web app's own resident form (issue 20.1): the Google Form's questions, no sign-in, up to
 * three photos, and a confirmation with the case code, due date and lookup key at once.
 *
 * Filed through the one filing pipeline (fileOne under the document lock, acknowledgeNow), as
 * the Google Form's submissions are, on the channel of the poster's place (channelOfPlace).
 *
 * Retries: the page makes a strong random request id once per filled-in form and sends it with
 * every try. The response key is made from its SHA-256 and the UTC day it was first sent
 * ("W<day>-<hash>"; a retry after midnight finds yesterday's key), never from the clock alone, so a retried request
 * files one case. A retry answers as the first try did — code, due date and the lookup key —
 * because only the page that made the request id holds it (128 random bits, never shown and never
 * stored: the response key, which staff can read, holds its hash). Once an
 * admin has issued a new key ("Cấp mã tra cứu mới", the resident called), a retry no longer gets a
 * key: the new one was read out to the resident, and the request id must not reveal it.
 *
 * Abuse, without blocking residents:
 * - a honeypot field no person sees: filled → a neutral thanks, nothing filed, counted in the
 *   script cache (best effort, no lock and no write to the ward's document: a bot's flood costs
 *   the ward nothing) and in the execution log;
 * - size caps on every field, on each photo and on the whole payload (domain/resident-form,
 *   domain/photo-intake; the entry point cuts what it reads, ui/server/webapp);
 * - a global rate budget (domain/rate-budget): the times of the latest filings in the document
 *   properties, read and written under the document lock with the filing. Not the cache: it may
 *   drop an entry at any time and has no atomic increment, so a flood could pass it; the
 *   properties are read anyway by the filing (one refresh), and the budget adds one small write.
 *   Over budget: BusyError "đang bận, thử lại sau ít phút"; the page keeps what was typed.
 */
import { intakeContext } from '../platform/intake-context';
import { formatVietnameseDate, vietnamDayOf, vietnamYear } from '../../domain/calendar/civil-date';
import { prepareCase } from '../../domain/intake';
import { uploadProblem, MAX_PHOTOS } from '../../domain/photo-intake';
import { budgetAllows, spend } from '../../domain/rate-budget';
import { answerProblems, type ResidentAnswers } from '../../domain/resident-form';
import { roleOf } from '../../domain/settings';
import { formatKey } from '../../domain/lookup';
import { NON_STAFF_ACTOR } from '../../domain/vocabulary';
import { WEB_FORM } from '../../i18n/web-form';
import { fileOne, readJournal } from '../cases/filing';
import { readCase } from '../cases/store';
import { PROPERTY_NAMES } from '../platform/document-store';
import { BusyError, describeError, NotSetUpError, UserError } from '../platform/errors';
import { withDocumentLock } from '../platform/lock';
import { LOCK_WAIT_MS } from '../platform/lock-waits';
import type { Runtime } from '../platform/runtime';
import { currentIssue, lookupKey } from '../platform/secrets';
import { triggerOwner } from '../access/trigger';
import { attachPhotos } from '../photos/store';
import { acknowledgeNow, channelOfPlace } from './intake';

export interface PhotoUpload {
  name: string;
  mimeType: string;
  /** The JPEG the page re-encoded, base64. */
  base64: string;
}

export interface ResidentFormInput {
  requestId: string;
  answers: ResidentAnswers;
  photos: PhotoUpload[];
  /** The honeypot: a field no person sees or fills. */
  trap: string;
}

export interface ResidentFormResult {
  /** '' for the honeypot's neutral answer. */
  code: string;
  dueDate: string;
  /** '' once the key was issued again by an admin (see above). */
  key: string;
  message: string;
  /** Photos the case holds from this submission. */
  photos: number;
  /** The photos could not be stored this time (the case is filed): "Gửi lại" with the same request id stores them. */
  photosMissing: boolean;
}

/** 128 random bits or more, as the page writes them (base64url or hex). */
export const REQUEST_ID = /^[A-Za-z0-9_-]{22,64}$/;
/** Everything a submission may carry, photos included: 4.5 million characters (three 1600 px photos are ~1–3 million in base64; a request over 5 MB is refused before it reaches the script by the local ward, which keeps well under what google.script.run carries). */
export const MAX_PAYLOAD_CHARS = 4_500_000;
const DAY_MS = 86_400_000;
const TRAP_CACHE_SECONDS = 6 * 3600;
/** The photos' source in the "Ảnh" tab: one request per case, so one source. */
const PHOTO_SOURCE = 'web';

/**
 * The response keys of a request first sent on the UTC day starting at `dayStartMs`, or the day before. It holds the
 * request id's SHA-256, not the id: the response key sits in the cases tab, which staff can read,
 * and whoever held the id could have a retry hand them the lookup key.
 */
export function webFormKeys(requestId: string, dayStartMs: number): [today: string, yesterday: string] {
  const digest = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, requestId, Utilities.Charset.UTF_8);
  const hash = Utilities.base64EncodeWebSafe(digest).replace(/=+$/, '').slice(0, 32);
  const key = (day: number) => `W${Math.floor(day / 1000)}-${hash}`;
  return [key(dayStartMs), key(dayStartMs - DAY_MS)];
}

function countTrap(): void {
  try {
    const cache = CacheService.getScriptCache();
    const key = 'hts.webform.trapped';
    const n = Number(cache.get(key) ?? '0') + 1;
    cache.put(key, String(n), TRAP_CACHE_SECONDS);
    console.info(`web form: honeypot filled (${n} in the last hours)`);
  } catch {
    // A statistic only.
  }
}

/** Checks every photo before anything is filed: a bad one refuses the whole submission (the page checked already). */
function decodedPhotos(photos: PhotoUpload[]): void {
  if (photos.length > MAX_PHOTOS) throw new UserError(WEB_FORM.tooLarge);
  for (const p of photos) {
    let bytes: number[];
    try {
      bytes = Utilities.base64Decode(p.base64);
    } catch {
      throw new UserError(WEB_FORM.photoInvalid);
    }
    if (uploadProblem(bytes)) throw new UserError(WEB_FORM.photoInvalid);
  }
}

/**
 * The form is the web app's: it runs there as the account that deployed it — the ward's, which set
 * the ward up (the intake trigger's owner) or another admin. Called from a sidebar it runs as the
 * person at the keyboard, who, unless an admin, may not write the protected tabs: refused in
 * Vietnamese, nothing tried.
 */
function runsAsWard(rt: Runtime): boolean {
  const me = triggerOwner();
  if (me === '') return false;
  return me === (rt.store.get(PROPERTY_NAMES.intakeOwner) ?? '').toLowerCase() || roleOf(rt.settings, me)?.role === 'admin';
}

export function submitResidentForm(rt: Runtime, input: ResidentFormInput): ResidentFormResult {
  if (!runsAsWard(rt)) throw new UserError(WEB_FORM.notHere);
  if (input.trap.trim() !== '') {
    countTrap();
    return { code: '', dueDate: '', key: '', message: WEB_FORM.received, photos: 0, photosMissing: false };
  }
  if (!REQUEST_ID.test(input.requestId)) throw new UserError(WEB_FORM.failed);
  const payload = Object.values(input.answers).reduce((n, v) => n + String(v).length, 0) + input.photos.reduce((n, p) => n + p.base64.length + p.name.length, 0);
  if (payload > MAX_PAYLOAD_CHARS) throw new UserError(WEB_FORM.tooLarge);
  const problems = answerProblems(input.answers, null);
  const first = Object.values(problems)[0];
  if (first) throw new UserError(first);
  decodedPhotos(input.photos);
  if (!rt.schema.formId) throw new NotSetUpError();

  const now = new Date();
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const keys = webFormKeys(input.requestId, today);
  const knownIn = (journal: ReturnType<typeof readJournal>) => keys.find((k) => journal.filed[k] || journal.pending[k]);
  // Before waiting for the lock: a flood is turned away without queueing behind staff (a retry of a filed one still passes).
  if (!knownIn(readJournal(rt.store)) && !budgetAllows(rt.store.getJson(PROPERTY_NAMES.webFormBudget), now.getTime())) throw new BusyError(WEB_FORM.busy);

  const filed = withDocumentLock(LOCK_WAIT_MS.webForm, () => new BusyError(WEB_FORM.busy), () => {
    rt.store.refresh();
    const known = knownIn(readJournal(rt.store));
    const key = known ?? keys[0];
    // A retry spends nothing; a new submission spends one of the ward's budget, with its filing.
    if (!known && !budgetAllows(rt.store.getJson(PROPERTY_NAMES.webFormBudget), now.getTime())) throw new BusyError(WEB_FORM.busy);
    const ctx = intakeContext(rt, now);
    const a = input.answers;
    let dueDay: number | null = null;
    const result = fileOne(
      SpreadsheetApp.getActive(),
      rt,
      {
        responseKey: key,
        by: NON_STAFF_ACTOR.form,
        prepare: (code) => {
          const prepared = prepareCase(
            { channel: channelOfPlace(a.place), receivedAt: now, group: a.group, topic: a.topic, content: a.content, location: a.location, name: a.name, phone: a.phone, email: a.email, confidential: a.confidential, responseKey: key },
            code,
            ctx,
          );
          dueDay = prepared.dueDay;
          return prepared;
        },
      },
      vietnamYear(now),
      now,
    );
    if (!known) rt.store.setJson(PROPERTY_NAMES.webFormBudget, spend(rt.store.getJson(PROPERTY_NAMES.webFormBudget), now.getTime()));
    if (result.writes) acknowledgeNow(rt, result.writes);
    // A retry: the due date from the case row (one read, rare).
    const record = dueDay === null ? readCase(SpreadsheetApp.getActive(), rt, result.code)?.record : undefined;
    const due = dueDay !== null ? dueDay : record ? vietnamDayOf(record.dueDate) : null;
    // Under the lock: the ward's secret may be made here (a submission without e-mail has no acknowledgement to make it).
    const issue = currentIssue(rt.store, result.code, record?.lookupVersion ?? 0);
    return { code: result.code, dueDate: due === null ? '' : formatVietnameseDate(due), key: issue === 0 ? formatKey(lookupKey(rt.store, key, 0)) : '' };
  });

  const photos = storePhotos(rt, filed.code, input.photos);
  return { ...filed, message: filed.key ? WEB_FORM.thanks : WEB_FORM.keyReissued, ...photos };
}

/**
 * After the filing, with its lock released (Drive is slow; staff are not kept waiting): the
 * photos, idempotent per case and source, so a retry stores only what is missing. A failure here
 * leaves the case filed and says so; the page offers "Gửi lại" (same request id).
 */
function storePhotos(rt: Runtime, code: string, photos: PhotoUpload[]): { photos: number; photosMissing: boolean } {
  if (photos.length === 0) return { photos: 0, photosMissing: false };
  try {
    const r = attachPhotos(rt, code, PHOTO_SOURCE, photos);
    return { photos: photos.length - r.refused.length, photosMissing: false };
  } catch (error) {
    console.warn(`web form: photos of ${code} not stored yet: ${describeError(error)}`);
    return { photos: 0, photosMissing: true };
  }
}
