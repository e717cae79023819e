/**
 * Counts every call a script makes on an emulated service object, and the cells each call reads
 * or writes. Budgets in the issues ("at most 10 Spreadsheet calls per submission") are asserted
 * on these counters, and the benchmark turns them into an estimated real time.
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
] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface Counts {
  calls: number;
  cellsRead: number;
  cellsWritten: number;
}

export interface ServiceStats extends Counts {
  /** Keyed by "Class.method", e.g. "Range.getValues". */
  methods: Record<string, Counts>;
}

export interface StatsReport {
  total: Counts;
  services: Record<ServiceName, ServiceStats>;
}

const zero = (): Counts => ({ calls: 0, cellsRead: 0, cellsWritten: 0 });

export class Meter {
  private readonly perMethod = new Map<string, { service: ServiceName; method: string; counts: Counts }>();
  /** The counters of the call in progress, so a method can report the cells it touched. */
  private current: Counts | null = null;

  /** Records one call of `service`'s `method` ("Class.method") and makes it the current call. */
  begin(service: ServiceName, method: string): Counts | null {
    const key = `${service}:${method}`;
    let entry = this.perMethod.get(key);
    if (!entry) {
      entry = { service, method, counts: zero() };
      this.perMethod.set(key, entry);
    }
    entry.counts.calls += 1;
    const previous = this.current;
    this.current = entry.counts;
    return previous;
  }

  /** Restores the previous current call (calls nest when a service calls back into a script). */
  end(previous: Counts | null): void {
    this.current = previous;
  }

  cellsRead(n: number): void {
    if (this.current) this.current.cellsRead += n;
  }

  cellsWritten(n: number): void {
    if (this.current) this.current.cellsWritten += n;
  }

  report(): StatsReport {
    const services = Object.fromEntries(
      SERVICE_NAMES.map((name) => [name, { ...zero(), methods: {} as Record<string, Counts> }]),
    ) as Record<ServiceName, ServiceStats>;
    const total = zero();
    for (const { service, method, counts } of this.perMethod.values()) {
      const s = services[service];
      s.methods[method] = { ...counts };
      for (const k of ['calls', 'cellsRead', 'cellsWritten'] as const) {
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
