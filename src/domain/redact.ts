/**
 * Error messages travel to the errors tab and the logs, where personal data must not go. Service
 * errors can quote what they choked on ("Invalid email: …"), so every message is redacted:
 * e-mail addresses and phone-like digit runs are replaced before it is written anywhere.
 */
const EMAIL = /[^\s@<>(),;:"'[\]]+@[^\s@<>(),;:"'[\]]+/g;
const PHONE = /\+?\d[\d .()-]{7,}\d/g;

export function redactPersonalData(message: string): string {
  return message.replace(EMAIL, '[email]').replace(PHONE, '[số điện thoại]');
}
