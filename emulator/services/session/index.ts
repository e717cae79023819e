/** Session: https://developers.google.com/apps-script/reference/base/session */
import { expose } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import type { SimpleModule } from '../../core/modules';
import { makeUser } from '../../core/user';

class Session {
  constructor(readonly _kernel: Kernel) {}

  /** The person running the code: in a trigger, the trigger's owner (the emulator never leaves it blank). */
  getActiveUser(): unknown {
    return makeUser(this._kernel, 'Session', this._kernel.current().user);
  }

  getEffectiveUser(): unknown {
    return makeUser(this._kernel, 'Session', this._kernel.current().user);
  }

  getScriptTimeZone(): string {
    return this._kernel.timeZone;
  }

  getActiveUserLocale(): string {
    return this._kernel.locale.split('_')[0];
  }

  /** Stable per user and script, opaque: derived from the e-mail without revealing it. */
  getTemporaryActiveUserKey(): string {
    let h = 2166136261;
    for (const ch of `${this._kernel.projectName}|${this._kernel.current().user}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    return `temp-${h.toString(36)}`;
  }
}

export function install(kernel: Kernel): void {
  const module: SimpleModule = {
    name: 'session',
    globals: () => ({ Session: expose(kernel, 'Session', 'Session', new Session(kernel)) }),
    save: () => null,
    restore: () => undefined,
  };
  kernel.register(module as SimpleModule & { name: 'session' });
}
