/** Starts `npm start`'s server (emulator/server/main.ts) as a child process on a free port. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './ward';

export interface RunningWard {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** The address a starting ward prints ("… at http://localhost:N"); rejects if it exits first. */
export function printedUrl(child: ChildProcess): Promise<string> {
  let output = '';
  return new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
      const m = /at (http:\/\/localhost:\d+)/.exec(output);
      if (m) resolve(m[1]);
    });
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => reject(new Error(`ward exited with ${code}: ${output}`)));
  });
}

export async function startWardProcess(extraArgs: string[] = []): Promise<RunningWard> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-'));
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'emulator/server/main.ts', '--reset', '--data', dataDir, ...extraArgs], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await printedUrl(child);
  return {
    url,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          fs.rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
