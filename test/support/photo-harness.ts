/**
 * attachPhotos is called by the web form's and the mailbox's filing code, not by an entry point of
 * its own: to test it on the emulator, this bundles a small script (esbuild, ES2019 as the add-on)
 * that calls it with the ward's runtime, and adds it to the loaded project — so it runs inside the
 * emulated Apps Script as the add-on's code does, its every service call metered and faultable.
 */
import path from 'node:path';
import { buildSync } from 'esbuild';
import { ROOT } from './ward';

let bundled: string | null = null;

export function photoHarness(): string {
  if (bundled) return bundled;
  const out = buildSync({
    stdin: {
      contents: `
        import { attachPhotos } from './src/services/photos/store';
        import { loadRuntime } from './src/services/platform/runtime';
        export function attach(code, source, photos) { return attachPhotos(loadRuntime(), code, source, photos); }
      `,
      resolveDir: ROOT,
      sourcefile: 'photo-harness-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'PhotoHarness',
    target: 'es2019',
    write: false,
    tsconfig: path.join(ROOT, 'src/tsconfig.json'),
  });
  bundled = `${out.outputFiles[0].text}\nfunction attachPhotosForTest(code, source, photos) { return PhotoHarness.attach(code, source, photos); }\n`;
  return bundled;
}
