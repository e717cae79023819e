/** The bench's ward: the add-on (build/) set up on a fresh spreadsheet, as an admin leaves it. */
import path from 'node:path';
import { createWorkspace } from '../../emulator';
import { writeCases, yearOfCases } from '../support/year-of-cases';

const ROOT = path.resolve(__dirname, '../..');

export function benchWard(options: Parameters<typeof createWorkspace>[0] = {}) {
  const ws = createWorkspace({ user: 'admin@luukiem.example', now: '2026-11-24T02:00:00Z', ...options });
  const ssId = ws.spreadsheets.create('Hòm thư số — CSDL');
  ws.spreadsheets.setActive(ssId);
  const app = ws.load(path.join(ROOT, 'build'));
  ws.open('LIMITED');
  ws.resetStats();
  app.call('setupMailbox');
  const setup = ws.stats();
  const SpreadsheetApp = ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  return { ws, app, ssId, formId: ws.forms.list()[0].id, setup, SpreadsheetApp };
}

export type BenchWard = ReturnType<typeof benchWard>;

/** The comparison's moment: late December, so the fourth quarter and November are both past data. */
export const BENCH_NOW = '2026-12-20T03:00:00Z';

/** A ward with `n` cases of 2026 in "Ý kiến" (test/support/year-of-cases: every channel, status, outcome). */
export function wardWithCases(n: number) {
  const w = benchWard({ now: BENCH_NOW });
  const cases = yearOfCases(n, 2026, new Date(BENCH_NOW), 8);
  writeCases(w, cases);
  return { ...w, cases };
}
