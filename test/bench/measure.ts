/** One measured operation: what the emulator's meter counted, and whether Apps Script's 6-minute limit stopped it. */
import type { StatsReport, Workspace } from '../../emulator';

export interface Measured {
  requests: number;
  calls: number;
  cells: number;
  estimatedMs: number;
  /** Stopped by "Exceeded maximum execution time" (the figures then count up to that point). */
  died: boolean;
  wallMs: number;
  stats: StatsReport;
}

export const TIME_LIMIT_MESSAGE = 'Exceeded maximum execution time';

export function isTimeLimit(e: unknown): boolean {
  return String(e instanceof Error ? e.message : e).includes(TIME_LIMIT_MESSAGE);
}

/** Runs `fn` with fresh counters; `fn` returns true when the operation died by the time limit. */
export function measure(ws: Workspace, fn: () => boolean | void): Measured {
  ws.resetStats();
  const t = performance.now();
  let died: boolean;
  try {
    died = fn() === true;
  } catch (e) {
    if (!isTimeLimit(e)) throw e;
    died = true;
  }
  return measured(ws.stats(), died, performance.now() - t);
}

/** The figures of counters already taken. */
export function measured(stats: StatsReport, died = false, wallMs = 0): Measured {
  return {
    requests: stats.total.requests,
    calls: stats.total.calls,
    cells: stats.total.cellsRead + stats.total.cellsWritten,
    estimatedMs: stats.total.estimatedMs,
    died,
    wallMs,
    stats,
  };
}

/** "1.23 s", or "dies" when the 6-minute limit stopped it. */
export function estimate(m: Measured): string {
  return m.died ? 'dies' : seconds(m.estimatedMs);
}

export function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(0)} s`;
}

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
