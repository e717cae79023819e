/**
 * Typed calls to the server: the function names and types come from the entry-point barrel
 * itself, so a renamed server function breaks the client's type-check, not production.
 */
import type * as Server from '../../server/index';

type ServerFunctions = typeof Server;
export type ServerFunctionName = keyof ServerFunctions;

export function callServer<K extends ServerFunctionName>(
  name: K,
  ...args: Parameters<ServerFunctions[K]>
): Promise<ReturnType<ServerFunctions[K]>> {
  return new Promise((resolve, reject) => {
    const runner = window.google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerFunctions[K]>))
      .withFailureHandler((error) => reject(error));
    runner[name](...args);
  });
}
