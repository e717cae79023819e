/** User: https://developers.google.com/apps-script/reference/base/user (also returned by SpreadsheetApp). */
import { expose } from './facade';
import type { Kernel } from './kernel';
import type { ServiceName } from './meter';

class User {
  constructor(readonly _email: string) {}
  getEmail(): string {
    return this._email;
  }
}

export function makeUser(kernel: Kernel, service: ServiceName, email: string): User {
  return expose(kernel, service, 'User', new User(email));
}

/** An argument that may be an e-mail string or a User facade. */
export function emailOf(userOrEmail: unknown): string | null {
  if (typeof userOrEmail === 'string') return userOrEmail;
  if (typeof userOrEmail === 'object' && userOrEmail !== null && typeof (userOrEmail as User).getEmail === 'function') {
    return (userOrEmail as User).getEmail();
  }
  return null;
}
