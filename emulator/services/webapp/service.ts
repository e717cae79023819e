/**
 * Service (ScriptApp.getService()): https://developers.google.com/apps-script/reference/script/service
 * getUrl() "Returns the URL of the web app, if it has been deployed; otherwise returns null";
 * isEnabled() "Returns true if the script is accessible as a web app". The deprecated disable()
 * is not modelled (the facade throws "not implemented in the emulator: Service.disable").
 */
import type { WebAppModule } from '../../core/modules';

export class Service {
  constructor(readonly _webapp: WebAppModule) {}

  getUrl(): string | null {
    return this._webapp.url();
  }

  isEnabled(): boolean {
    return this._webapp.url() !== null;
  }
}
