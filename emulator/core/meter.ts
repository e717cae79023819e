/**
 * Counts every call a script makes on an emulated service object, the requests to Google servers
 * among them (costs.ts says which calls are requests), the cells each call reads or writes, and
 * the estimated time all that takes. Budgets in the issues ("at most 10 Spreadsheet calls per
 * submission") are asserted on these counters, and the benchmark prints them.
 */
export const SERVICE_NAMES = [
  'SpreadsheetApp',
  'FormApp',
  'DocumentApp',
  'DriveApp',
  'ScriptApp',
  'LockService',
  'PropertiesService',
  'CacheService',
  'MailApp',
  'Session',
  'Utilities',
  'HtmlService',
  'ContentService',
  'Logger',
  'Charts',
  'Docs',
  'Drive',
  'GmailApp',
  'UrlFetchApp',
] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface Counts {
  /** Every call of a service method, local or not. */
  calls: number;
  /** Round trips to a Google server (a batch of Spreadsheet writes is one). */
  requests: number;
  cellsRead: number;
  cellsWritten: number;
  /** requests × their cost + cells × the per-cell cost (costs.ts, the kernel's Costs). */
  estimatedMs: number;
}

export interface ServiceStats extends Counts {
  /** Keyed by "Class.method", e.g. "Range.getValues". */
  methods: Record<string, Counts>;
}

export interface StatsReport {
  total: Counts;
  services: Record<ServiceName, ServiceStats>;
}

const zero = (): Counts => ({ calls: 0, requests: 0, cellsRead: 0, cellsWritten: 0, estimatedMs: 0 });
const KEYS = ['calls', 'requests', 'cellsRead', 'cellsWritten', 'estimatedMs'] as const;

export class Meter {
  private readonly perMethod = new Map<string, { service: ServiceName; method: string; counts: Counts }>();
  /** The counters of the call in progress, so a method can report the cells it touched. */
  private current: Counts | null = null;

  /**
   * Records one call of `service`'s `method` ("Class.method") and makes it the current call;
   * `requestMs` is the cost of the request it makes, null when it makes none.
   */
  begin(service: ServiceName, method: string, requestMs: number | null = null): Counts | null {
    const key = `${service}:${method}`;
    let entry = this.perMethod.get(key);
    if (!entry) {
      entry = { service, method, counts: zero() };
      this.perMethod.set(key, entry);
    }
    entry.counts.calls += 1;
    if (requestMs !== null) {
      entry.counts.requests += 1;
      entry.counts.estimatedMs += requestMs;
    }
    const previous = this.current;
    this.current = entry.counts;
    return previous;
  }

  /** Restores the previous current call (calls nest when a service calls back into a script). */
  end(previous: Counts | null): void {
    this.current = previous;
  }

  cellsRead(n: number, ms: number): void {
    if (!this.current) return;
    this.current.cellsRead += n;
    this.current.estimatedMs += ms;
  }

  cellsWritten(n: number, ms: number): void {
    if (!this.current) return;
    this.current.cellsWritten += n;
    this.current.estimatedMs += ms;
  }

  report(): StatsReport {
    const services = Object.fromEntries(
      SERVICE_NAMES.map((name) => [name, { ...zero(), methods: {} as Record<string, Counts> }]),
    ) as Record<ServiceName, ServiceStats>;
    const total = zero();
    for (const { service, method, counts } of this.perMethod.values()) {
      const s = services[service];
      s.methods[method] = { ...counts };
      for (const k of KEYS) {
        s[k] += counts[k];
        total[k] += counts[k];
      }
    }
    return { total, services };
  }

  reset(): void {
    this.perMethod.clear();
  }
}
