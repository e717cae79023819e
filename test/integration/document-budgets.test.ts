/**
 * Issue 19, the documents' budgets (../shared/architecture.md): posters, stickers or paper slips
 * for 40 places in under 60 s, a 100-place ward's posters inside Apps Script's 6-minute limit of
 * one execution, and the quarterly report over 100,000 cases in under 10 s — estimated from the
 * emulator's counters the way the bench does.
 * The documents are still Google Docs, drawn the same (their own tests check the printing).
 */
import type { StatsReport } from '../../emulator';
import { runHourly, setUpWard, type Ward } from '../support/ward';
import { writeCases, yearOfCases } from '../support/year-of-cases';

/** Seconds Apps Script would take, by the emulator's cost model (emulator/core/costs.ts: its requests, local calls free). */
function estimatedSeconds(s: StatsReport): number {
  return s.total.estimatedMs / 1000;
}

function measure(w: Ward, run: () => unknown): StatsReport {
  w.ws.resetStats();
  run();
  return w.ws.stats();
}

/** A ward of `n` residential groups, as its admin lists them in the "Tổ dân phố" tab. */
function wardOf(n: number): Ward {
  const w = setUpWard({ now: '2026-11-24T02:00:00Z' });
  const tab = w.SpreadsheetApp.getActive().getSheetByName('Tổ dân phố')!;
  if (tab.getMaxRows() < n + 1) tab.insertRowsAfter(tab.getMaxRows(), n + 1 - tab.getMaxRows());
  tab.getRange(2, 1, n, 1).setValues(Array.from({ length: n }, (_, i) => [`Tổ dân phố ${i + 1}`]));
  runHourly(w);
  return w;
}

describe('printing for 40 residential groups (42 places with the office and the centre)', () => {
  const w = wardOf(40);

  it('the QR posters, 42 pages, in under 60 s', () => {
    const s = measure(w, () => w.app.call('createQrPosters'));
    expect(estimatedSeconds(s)).toBeLessThan(60);
  });

  it('the sticker sheet, 42 stickers, in under 60 s', () => {
    const s = measure(w, () => w.app.call('createQrStickers'));
    expect(estimatedSeconds(s)).toBeLessThan(60);
  });

  it('40 paper slips in under 60 s', () => {
    const s = measure(w, () => w.app.call('createPaperSlips', { group: 'Tổ dân phố 1', count: 40 }));
    expect(estimatedSeconds(s)).toBeLessThan(60);
  });
});

describe('a ward of 100 residential groups', () => {
  it('prints its 102 posters inside one execution\'s 6 minutes, with room to spare', () => {
    const w = wardOf(100);
    const s = measure(w, () => w.app.call('createQrPosters'));
    expect(estimatedSeconds(s)).toBeLessThan(6 * 60 * 0.5);
  });
});

describe('the quarterly report over 100,000 cases', () => {
  it('is made in under 10 s, reading the database in ≤ 5 Spreadsheet calls', () => {
    const now = '2026-12-20T03:00:00Z';
    const w = setUpWard({ now });
    writeCases(w, [...yearOfCases(50_000, 2025, new Date('2025-12-31T16:00:00Z'), 7), ...yearOfCases(50_000, 2026, new Date(now), 8)]);
    const s = measure(w, () => w.app.call('createReportDocument', { kind: 'quarter', year: 2026, index: 4 }));
    expect(s.services.SpreadsheetApp.calls).toBeLessThanOrEqual(5);
    expect(estimatedSeconds(s)).toBeLessThan(10);
  });
});
