/**
 * Base for emulated classes whose methods chain (`range.setValue(x).setFontWeight('bold')`):
 * a chaining method must hand the script its facade again, never the raw object.
 */
import { expose } from './facade';
import type { Kernel } from './kernel';
import type { ServiceName } from './meter';

export abstract class Published {
  /** The facade scripts hold; set by publish(). */
  _self: this = this;
}

export function publish<T extends Published>(kernel: Kernel, service: ServiceName, className: string, target: T): T {
  const facade = expose(kernel, service, className, target);
  target._self = facade;
  return facade;
}
