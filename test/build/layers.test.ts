/**
 * The layers of src/ (README "Layers") are a lint rule, not a convention: `npm run lint` runs
 * dependency-cruiser with .dependency-cruiser.cjs. These tests run the same check over the real
 * tree, then over a copy with one import planted that runs back up a layer, one between two
 * consumer folders and one circle, and expect each to be refused by name.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const DEPCRUISE = path.join(ROOT, 'node_modules/.bin/depcruise');

function cruise(dir: string): { ok: boolean; out: string } {
  try {
    const out = execFileSync(DEPCRUISE, ['src', '--config', path.join(ROOT, '.dependency-cruiser.cjs')], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    return { ok: true, out };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

/** A copy of src/ (and the tsconfig the cruiser reads) with `plant` files written into it. */
function plantedTree(plant: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hts-layers-'));
  fs.cpSync(path.join(ROOT, 'src'), path.join(dir, 'src'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
  for (const [file, text] of Object.entries(plant)) fs.appendFileSync(path.join(dir, file), `\n${text}\n`);
  return dir;
}

describe('the layers are enforced by npm run lint', () => {
  test('the tree as it stands has no import running back up and no circle', () => {
    const result = cruise(ROOT);
    expect(result.out).toContain('no dependency violations found');
    expect(result.ok).toBe(true);
  });

  test('each planted import that runs back up, crosses to a sibling or closes a circle is refused by name', () => {
    // One copy with every plant: each is in a different file, so each is reported on its own.
    const dir = plantedTree({
      'src/services/platform/lock.ts': "export { runSetup as planted } from '../jobs/setup';",
      'src/services/cases/store.ts': "export { reconcile as planted } from '../intake/reconcile';",
      'src/services/documents/posters.ts': "export { createReport as planted } from '../reports/report';",
      'src/services/platform/outbox.ts': "export { loadRuntime as planted } from './runtime';",
      'src/services/platform/runtime.ts': "export { queueMail as planted } from './outbox';",
      'src/domain/inbox.ts': "export { loadRuntime as planted } from '../services/platform/runtime';",
      'src/mailbox/wire.ts': "export { loadRuntime as planted } from '../services/platform/runtime';",
      'src/services/platform/errors.ts': "export { relayMail as plantedRelay } from '../../mailbox/relay';",
    });
    const result = cruise(dir);
    expect(result.ok).toBe(false);
    expect(result.out).toMatch(/services-platform-not-upward: src\/services\/platform\/lock\.ts → src\/services\/jobs\/setup\.ts/);
    expect(result.out).toMatch(/services-cases-not-upward: src\/services\/cases\/store\.ts → src\/services\/intake\/reconcile\.ts/);
    expect(result.out).toMatch(/services-documents-not-sibling: src\/services\/documents\/posters\.ts → src\/services\/reports\/report\.ts/);
    expect(result.out).toMatch(/no-circular: src\/services\/platform\/(outbox|runtime)\.ts/);
    expect(result.out).toMatch(/domain-is-pure: src\/domain\/inbox\.ts → src\/services\/platform\/runtime\.ts/);
    expect(result.out).toMatch(/mailbox-only-domain: src\/mailbox\/wire\.ts → src\/services\/platform\/runtime\.ts/);
    expect(result.out).toMatch(/nothing-imports-mailbox: src\/services\/platform\/errors\.ts → src\/mailbox\/relay\.ts/);
  });
});
