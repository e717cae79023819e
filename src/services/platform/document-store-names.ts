/** The names of the document properties the add-on keeps (before the prefix "hts."; services/platform/document-store). */
export const PROPERTY_NAMES = {
  schema: 'schema',
  /** The id of the ward's private Drive folder of residents' photos (services/photos). */
  photoFolder: 'photos.folder',
  settings: 'settings',
  settingsProblems: 'settingsProblems',
  sequence: 'sequence',
  /** The paper slips' own code sequence per year: {"2026": 400} = GY-2026-P00001 … P00400 printed. */
  paperSlipSequence: 'slip.sequence',
  intakeTrigger: 'intake.trigger',
  intakeOwner: 'intake.owner',
  /** The intake journal: which form responses are filed, which are being filed (see domain/journal). */
  journal: 'intake.journal',
  /** The times of the web form's latest filings: the ward's rate budget (domain/rate-budget). */
  webFormBudget: 'webform.budget',
  /** The secret lookup keys are derived from (services/access/keys). */
  lookupSecret: 'lookup.secret',
  /** Issue numbers of re-issued lookup keys, by case code (services/platform/secrets). */
  lookupIssues: 'lookup.issues',
  /** Set once a ward's outbox holds no readable secret (a new ward's at setup, an older one's once cleaned). */
  secretsMigrated: 'secrets.migrated',
  /** Changes whenever the public board may change: part of the board's cache key (public/board). */
  boardGeneration: 'board.generation',
  /** A handling body's or viewer's personal link: "portal.<sha-256 of the token>" = its holder and expiry. */
  portalLink: 'portal.',
  /** The form description and confirmation page last written to the form (settings feed them). */
  formTexts: 'form.texts',
  /** The staff list the protections were last set for. */
  accessFor: 'access.staff',
  /** Set by an edit of the staff tab: the cached staff list must be read again. */
  staffStale: 'staff.stale',
  /** One property per message in flight: "out.<id>" = "sending|<iso>" or "sent|<iso>". */
  outboxMark: 'out.',
  /** One property per generated document: "doc.<code>.<slip|letter>" = the last one made (see documents/). */
  documentMade: 'doc.',
  /** The Vietnam day the daily reminders were last queued (ISO). */
  remindersDay: 'remind.day',
  /** The admin reminders already queued (quarterly report, monthly publication), by period. */
  remindersSent: 'remind.sent',
  /** One property per report period: "rep.<period>" = how many versions were made. */
  reportMade: 'rep.',
  /** One property per action in flight: "act.<code>" = the writes that complete it (see cases/actions). */
  pendingAction: 'act.',
  /** What the outbox found of the mails whose fate goes back to their case (answers, the police), not yet applied (see cases/deliveries). */
  mailReports: 'mail.reports',
  /** The yearly archive tabs: each one's rows, span of dates and layout (see domain/archive). */
  archiveLedger: 'archive.ledger',
  /** The month ("2027-02") the hourly job last moved closed cases of past years to their archive. */
  archiveMonth: 'archive.month',
  /** The secret the official mailbox's project signs its requests with (services/intake/mailbox-auth): never shown again after it is made. */
  mailboxSecret: 'mailbox.secret',
  /** The nonces of the mailbox's requests seen in the last minutes: a replay is refused (services/intake/mailbox-auth). */
  mailboxNonces: 'mailbox.nonces',
} as const;
