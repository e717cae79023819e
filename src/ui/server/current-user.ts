/** The person at the keyboard (roles and the audit trail key on it). */
export function currentUser(): string {
  return (Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail()).trim().toLowerCase();
}
