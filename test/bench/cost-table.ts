/** The emulator's cost model (emulator/core/costs.ts) as a README-ready table. */
import { COST_TABLE, type CallKind } from '../../emulator';
import { markdownTable } from './measure';

const KIND: Record<CallKind, string> = {
  local: 'local (no request)',
  request: 'request',
  read: 'request (a read; ends a write batch)',
  write: 'request, batched (consecutive writes = 1)',
  flush: 'ends a write batch (no request)',
};

const SERVICE: Record<string, string> = {
  SpreadsheetApp: 'Spreadsheet',
  CacheService: 'Cache',
  PropertiesService: 'Properties',
  LockService: 'Lock',
  MailApp: 'Mail',
  DocumentApp: 'Document',
  Docs: 'Docs (advanced service)',
  DriveApp: 'Drive',
  FormApp: 'Forms',
  UrlFetchApp: 'UrlFetch',
  GmailApp: 'Gmail',
};

/** A URL ends before a ")" it did not open ("(…, https://x/y)" but "https://x/flush()") and before a final ":" or ".". */
function trimUrl(url: string): string {
  let out = url;
  for (;;) {
    const unopened = out.endsWith(')') && (out.match(/\(/g) ?? []).length < (out.match(/\)/g) ?? []).length;
    if (!unopened && !/[:.]$/.test(out)) return out;
    out = out.slice(0, -1);
  }
}

/** Markdown links for the URLs in a source text. */
const linked = (source: string) =>
  source.replace(/https?:\/\/[^\s;,]+/g, (match) => {
    const url = trimUrl(match);
    return `<${url}>${match.slice(url.length)}`;
  });

export function costTable(perCellMs: number): string {
  const rows = COST_TABLE.map((r) => [SERVICE[r.service] ?? r.service, r.label, KIND[r.kind], r.ms ? String(r.ms) : '0', linked(r.source)]);
  rows.push(['(every service)', 'each cell read or written', 'on top of the requests', String(perCellMs), 'the emulator\'s earlier model (calls × 0.15 s + cells × 0.01 ms), kept']);
  return markdownTable(['service', 'methods', 'class', 'ms per request', 'source'], rows);
}
