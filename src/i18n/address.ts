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
