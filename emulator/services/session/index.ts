/** Session: https://developers.google.com/apps-script/reference/base/session */
import { expose } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import type { SimpleModule } from '../../core/modules';
import { makeUser } from '../../core/user';

const CONSUMER_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

class Session {
  constructor(readonly _kernel: Kernel) {}

  /**
   * The e-mail a script may see for the person running it. Apps Script hides it "in any context
   * that allows a script to run without that user's authorization, like a simple onOpen(e) or
   * onEdit(e) trigger", unless "the developer runs the script themselves or belongs to the same
   * Google Workspace domain as the user" (getActiveUser on the reference page).
   * The emulator's model: in an execution the user has not authorised (AuthMode LIMITED or
   * CUSTOM_FUNCTION), the e-mail is '' unless the user owns the bound spreadsheet (the script's
   * developer), or is in the owner's domain and that domain is a Workspace one (gmail.com and
   * googlemail.com are consumer accounts: never a shared domain).
   */
  private _visibleEmail(): string {
    const execution = this._kernel.current();
    const email = execution.user;
    if (execution.authMode === 'FULL' || execution.kind === 'harness') return email;
    const ssId = this._kernel.module('spreadsheet').activeId();
    const owner = ssId ? this._kernel.files.get(ssId)?.owner : undefined;
    if (!owner || !email) return '';
    if (owner.toLowerCase() === email.toLowerCase()) return email;
    const domain = domainOf(email);
    return domain === domainOf(owner) && !CONSUMER_DOMAINS.has(domain) ? email : '';
  }

  /**
   * A web app executing as the user who deployed it ("execute as me"): the visitor's e-mail is
   * hidden — "a web app deployed to 'execute as me' (that is, authorized by the developer instead
   * of the user)" — unless the visitor is the developer or "belongs to the same Google Workspace
   * domain" (getActiveUser on the reference page). An anonymous visitor is ''.
   */
  private _visitorEmail(visitor: string, deployer: string): string {
    if (!visitor) return '';
    if (visitor.toLowerCase() === deployer.toLowerCase()) return visitor;
    const domain = domainOf(visitor);
    return domain === domainOf(deployer) && !CONSUMER_DOMAINS.has(domain) ? visitor : '';
  }

  /** The person running the code: in an installable trigger, the trigger's owner. */
  getActiveUser(): unknown {
    const execution = this._kernel.current();
    if (execution.activeUser !== undefined) return makeUser(this._kernel, 'Session', this._visitorEmail(execution.activeUser, execution.user));
    return makeUser(this._kernel, 'Session', this._visibleEmail());
  }

  /**
   * Whose authority the script runs under: "If the script is a web app set to 'execute as me'
   * (the developer), this returns the developer's user account"; "in most other scenarios, this
   * returns the same account as getActiveUser()" — so it is hidden in the same simple-trigger cases.
   */
  getEffectiveUser(): unknown {
    const execution = this._kernel.current();
    if (execution.activeUser !== undefined) return makeUser(this._kernel, 'Session', execution.user);
    return makeUser(this._kernel, 'Session', this._visibleEmail());
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
    const execution = this._kernel.current();
    for (const ch of `${this._kernel.projectName}|${execution.activeUser ?? execution.user}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
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
