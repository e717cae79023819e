/**
 * Years of cases at scale (issue 19, item 4): a ward with 100,000 cases over ten years. Sheets
 * counts every cell of every tab's grid against its 10-million-cell limit per spreadsheet
 * (https://support.google.com/drive/answer/37603; the emulator refuses to grow past
 * quotas.cellsPerSpreadsheet). The move to the yearly archive tabs keeps every case in the same
 * workbook and adds nothing but one header row per year: the cases tab's grid shrinks by the rows
 * that left. Figures printed: cells, and the move's calls and estimated time under the lock.
 */
import { CASE_COLUMNS } from '../../src/services/platform/sheets/schema';
import { HEADROOM_ROWS } from '../../src/services/platform/sheets/table';
import { generated, appendCases, CASES_TAB } from '../support/archive-ward';
import { lastUiMessage, setUpWard } from '../support/ward';

const LIMIT = 10_000_000;
const WIDTH = CASE_COLUMNS.length;

describe('100,000 cases', () => {
  it('stay far below the 10-million-cell limit: the case rows take under half of it, and the move adds only a header row per year', () => {
    const w = setUpWard({ now: '2026-03-02T02:00:00Z' });
    const years = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
    for (const year of years) appendCases(w, generated(10_000, year, new Date(`${year}-12-31T16:00:00Z`), 1, year));
    const ss = w.SpreadsheetApp.getActive();
    const cells = () => ss.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
    const before = cells();
    w.ws.resetStats();
    const started = w.ws.clock.now().getTime();
    w.app.call('archivePastCases');
    const emulated = (w.ws.clock.now().getTime() - started) / 1000;
    const stats = w.ws.stats();
    expect(lastUiMessage(w)).toMatch(/^Đã chuyển \d+ ý kiến vào lưu trữ/);

    const after = cells();
    const main = ss.getSheetByName(CASES_TAB)!;
    const archives = years.map((y) => ss.getSheetByName(`Lưu trữ ${y}`)!);
    const archived = archives.reduce((n, s) => n + s.getLastRow() - 1, 0);
    const inMain = main.getLastRow() - 1;
    expect(inMain + archived).toBe(100_000);
    // The case rows: the cases tab (its rows, header and headroom) and each archive tab cut to its rows.
    const caseCells = (1 + inMain + HEADROOM_ROWS) * WIDTH + archives.reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
    expect(main.getMaxRows() * main.getMaxColumns()).toBe((1 + inMain + HEADROOM_ROWS) * WIDTH);
    expect(caseCells).toBe((1 + 100_000 + HEADROOM_ROWS + years.length) * WIDTH);
    expect(caseCells).toBeLessThan(LIMIT / 2);
    expect(after).toBeLessThanOrEqual(before + years.length * WIDTH);
    expect(after).toBeLessThan(LIMIT / 2);
    const calls = stats.total.calls;
    const touched = stats.total.cellsRead + stats.total.cellsWritten;
    console.log(
      [
        `100,000 cases, ${archived} moved to ${years.length} archive tabs, ${inMain} stay`,
        `workbook cells: ${before} before, ${after} after (${((after / LIMIT) * 100).toFixed(1)}% of the limit); case rows ${caseCells}`,
        `the move: ${calls} calls, ${touched} cells read+written, estimated ${(calls * 0.15 + touched * 0.00001).toFixed(1)} s (emulated ${emulated.toFixed(1)} s)`,
      ].join('\n'),
    );
  });

  it('the move makes the same service calls whatever the number of cases (one read, one archive write, one rewrite a tab)', () => {
    const figures = [1_000, 10_000].map((n) => {
      const w = setUpWard({ now: '2026-03-02T02:00:00Z' });
      appendCases(w, [...generated(n, 2025, new Date('2025-12-31T16:00:00Z'), 1, 2025), ...generated(n / 10, 2026, new Date('2026-03-01T16:00:00Z'), 1, 2026)]);
      w.ws.resetStats();
      const started = w.ws.clock.now().getTime();
      w.app.call('archivePastCases');
      const s = w.ws.stats();
      const touched = s.total.cellsRead + s.total.cellsWritten;
      const line = `${n} cases of 2025: ${s.total.calls} calls, ${touched} cells, estimated ${(s.total.calls * 0.15 + touched * 0.00001).toFixed(1)} s under the lock (emulated ${((w.ws.clock.now().getTime() - started) / 1000).toFixed(1)} s)`;
      return { calls: s.services.SpreadsheetApp.calls, all: s.total.calls, line, message: lastUiMessage(w) };
    });
    console.log(figures.map((f) => f.line).join('\n'));
    for (const f of figures) expect(f.message).toMatch(/^Đã chuyển \d+ ý kiến vào lưu trữ: \d+ vào tab "Lưu trữ 2025"\./);
    expect(figures[1].calls).toBe(figures[0].calls);
    expect(figures[1].all).toBe(figures[0].all);
  });
});
