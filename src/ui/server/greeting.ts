import type { Greeting } from '../shared/rpc';
import { GREETING } from '../../i18n/vi';

/** The hello round trip the first sidebar makes: proves the RPC path end to end. */
export function greet(now: Date, userEmail: string): Greeting {
  return {
    message: `${GREETING.hello} ${userEmail || GREETING.anonymousUser}!`,
    user: userEmail,
    serverTime: now.toISOString(),
  };
}
