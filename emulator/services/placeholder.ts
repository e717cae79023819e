/**
 * Stand-in for a service whose emulation is not written yet: every use throws
 * "not implemented in the emulator". Deleted once every service is real.
 */
import { NotImplementedInEmulator } from '../core/errors';
import type { Kernel } from '../core/kernel';
import type { ModuleMap } from '../core/modules';

export function installPlaceholder(kernel: Kernel, name: keyof ModuleMap, globalNames: string[]): void {
  const fail = (member: string): never => {
    throw new NotImplementedInEmulator(member);
  };
  const global = (g: string) =>
    new Proxy({}, { get: (_t, p) => (typeof p === 'symbol' ? undefined : fail(`${g}.${p}`)) });
  const module = new Proxy(
    {
      name,
      globals: () => Object.fromEntries(globalNames.map((g) => [g, global(g)])),
      save: () => null,
      restore: () => undefined,
    },
    { get: (t, p) => (p in t ? (t as Record<string | symbol, unknown>)[p] : fail(`module ${name}.${String(p)}`)) },
  );
  kernel.register(module as never);
}
