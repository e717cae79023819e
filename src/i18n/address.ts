/**
 * How Hòm thư số addresses a resident — one form, everywhere (the form, e-mails, letters,
 * confirmation page, posters, answer sheets).
 *
 * We say "ông/bà" ("Ông/Bà" at the start of a salutation or sentence), never "bạn":
 * - Many who write are elderly. In Vietnamese, "bạn" is what one says to a peer or someone
 *   younger; from the Fatherland Front committee to a 70-year-old it reads as disrespectful,
 *   the opposite of what a body that "listens to the people" wants to say.
 * - "Ông/bà" is the form of address of the State's own letters to citizens (administrative
 *   correspondence under Decree 30/2020/NĐ-CP: "Kính gửi: Ông/Bà …") and of the ward's reply
 *   letters and transfer slips, so the e-mail, the letter and the form all sound like the same
 *   institution.
 * - It does not assume a gender: the form never asks for one, and guessing from a name ("Thị")
 *   is wrong often enough to offend.
 * - It is neutral in age towards younger residents too: being called "ông/bà" by an office is
 *   normal, while "bạn" from an office is marketing register.
 * Residents as a whole (the form's invitation, posters) are "người dân" — not "bà con", which is
 * warm but folksy and, next to "ông/bà", would make two voices.
 */
export const RESIDENT = {
  /** In a salutation: "Kính gửi: Ông/Bà …". */
  title: 'Ông/Bà',
  /** Mid-sentence: "… ý kiến của ông/bà …". */
  inSentence: 'ông/bà',
  /** At the start of a sentence or a question: "Ông/Bà ở tổ dân phố nào?". */
  sentenceStart: 'Ông/Bà',
  /** Residents as a whole. */
  everyone: 'người dân',
} as const;

/**
 * How Hòm thư số addresses staff — the MTTQ committee's officials, handling bodies' members and
 * viewers such as the Party committee — one form, everywhere: the sidebar, its refusals, the
 * e-mails and the personal-link page. "Đồng chí" is how Vietnamese state and Front bodies address
 * their own officials in writing; the e-mails already said it, while the sidebar said "bạn", which
 * from an institution to an official reads as casual. A same-domain colleague who is not in
 * "Cán bộ" is an official of the ward too, so their refusals say it as well.
 */
export const STAFF_ADDRESS = {
  /** Mid-sentence: "Vai trò của đồng chí …". */
  inSentence: 'đồng chí',
  /** At the start of a sentence. */
  sentenceStart: 'Đồng chí',
} as const;
