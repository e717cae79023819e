/**
 * The naive baseline beside the add-on (issue 19, deliverable 2): each operation at each database
 * size, run once the tutorial way (naive/tutorial.ts) and once by the add-on (build/), each on
 * its own ward holding the same generated cases, both metered by the same cost model.
 */
import { FORM } from '../../src/i18n/vi';
import { STATUS } from '../../src/domain/case';
import type { Workspace } from '../../emulator';
import { estimate, isTimeLimit, markdownTable, measure, type Measured } from './measure';
import { wardWithCases } from './ward';
import * as naive from './naive/tutorial';

export const OPERATIONS = ['file a submission', 'open the inbox', 'search', 'one action (classify)', 'quarterly report', 'monthly publication'] as const;
export type Operation = (typeof OPERATIONS)[number];

export interface Pair {
  operation: Operation;
  cases: number;
  naive: Measured;
  project: Measured;
}

const RESIDENT = { group: 'Tổ dân phố 3', content: 'Đèn đường ở ngõ 5 bị hỏng đã một tuần', name: 'Nguyễn Văn A', email: 'dan.a@gmail.com' };
const SEARCH = 'Ý kiến số 123';
const CATEGORY = 'Môi trường';
const REPORT = { year: 2026, quarter: 4 };
const PUBLICATION = { year: 2026, month: 11 };

/** A case still unclassified in the generated data: both sides classify the same one. */
function unclassified(cases: Array<{ code: string; status: string }>): string {
  const c = cases.find((x) => x.status === STATUS.new);
  if (!c) throw new Error('bench: no unclassified case in the generated data');
  return c.code;
}

function runNaive(n: number, progress: (line: string) => void): Map<Operation, Measured> {
  const w = wardWithCases(n);
  const g = w.ws.globals as unknown as naive.Services;
  const code = unclassified(w.cases);
  const now = () => w.ws.clock.now();
  const inExecution = (label: string, fn: () => unknown) => () => {
    w.ws.execution(fn, { kind: 'call', label });
  };
  const ops: Array<[Operation, () => void]> = [
    ['file a submission', inExecution('naiveSubmit', () => naive.naiveSubmit(g, RESIDENT, now()))],
    ['open the inbox', inExecution('naiveInbox', () => naive.naiveInbox(g))],
    ['search', inExecution('naiveSearch', () => naive.naiveSearch(g, SEARCH.toLowerCase()))],
    ['one action (classify)', inExecution('naiveClassify', () => naive.naiveClassify(g, code, CATEGORY, now()))],
    ['quarterly report', inExecution('naiveQuarterReport', () => naive.naiveQuarterReport(g, REPORT.year, REPORT.quarter))],
    ['monthly publication', inExecution('naiveMonthlyPublication', () => naive.naiveMonthlyPublication(g, PUBLICATION.year, PUBLICATION.month))],
  ];
  return runAll('naive', n, w.ws, ops, progress);
}

/** More of the add-on measured on a compared ward (the dashboard, an action that mails …). */
export type ProjectExtra = (w: ReturnType<typeof wardWithCases>, cases: number) => void;

function runProject(n: number, progress: (line: string) => void, extra?: ProjectExtra): Map<Operation, Measured> {
  const w = wardWithCases(n);
  const code = unclassified(w.cases);
  const submit = (): boolean => {
    const r = w.ws.forms.submit(w.formId, { [FORM.group]: RESIDENT.group, [FORM.content]: RESIDENT.content, [FORM.name]: RESIDENT.name, [FORM.email]: RESIDENT.email });
    const failed = r.triggerRuns.filter((t) => !t.ok);
    if (failed.some((t) => isTimeLimit(t.error))) return true;
    if (failed.length) throw new Error(`bench: the submission failed: ${failed.map((t) => t.error).join('; ')}`);
    return false;
  };
  const view = () => w.app.call('getCase', code) as { code: string; row: number; version: number };
  const ops: Array<[Operation, () => boolean | void]> = [
    ['file a submission', submit],
    ['open the inbox', () => void w.app.call('getInbox', { pageSize: 20 })],
    ['search', () => void w.app.call('getInbox', { text: SEARCH, pageSize: 20 })],
    ['one action (classify)', () => {
      const v = view();
      w.ws.resetStats(); // opening the case is the sidebar's earlier step, not the action
      w.app.call('caseAction', v.code, v.row, v.version, { action: 'classify', category: CATEGORY, complexity: 'normal' });
    }],
    ['quarterly report', () => void w.app.call('createReportDocument', { kind: 'quarter', year: REPORT.year, index: REPORT.quarter })],
    ['monthly publication', () => void w.app.call('createPublicationDocument', PUBLICATION)],
  ];
  const out = runAll('project', n, w.ws, ops, progress);
  extra?.(w, n);
  return out;
}

function runAll(side: string, n: number, ws: Workspace, ops: Array<[Operation, () => boolean | void]>, progress: (line: string) => void): Map<Operation, Measured> {
  const out = new Map<Operation, Measured>();
  for (const [op, fn] of ops) {
    const m = measure(ws, fn);
    out.set(op, m);
    progress(`  ${side} ${op}, ${n.toLocaleString('en')} cases: ${m.requests} requests, ${m.calls} calls, ${estimate(m)} (${Math.round(m.wallMs)} ms wall)`);
  }
  return out;
}

export function compare(sizes: number[], progress: (line: string) => void = () => undefined, extra?: ProjectExtra): Pair[] {
  const pairs: Pair[] = [];
  for (const n of sizes) {
    const naiveRun = runNaive(n, progress);
    const projectRun = runProject(n, progress, extra);
    for (const operation of OPERATIONS) pairs.push({ operation, cases: n, naive: naiveRun.get(operation)!, project: projectRun.get(operation)! });
  }
  return pairs;
}

const figures = (m: Measured) => `${m.requests} / ${m.calls} / ${estimate(m)}`;

/** Naive estimated time ÷ the add-on's: above 1, the add-on is faster. */
function ratio(p: Pair): string {
  if (p.project.died) return p.naive.died ? 'both die' : 'add-on dies';
  if (p.naive.died) return 'naive dies';
  const r = p.naive.estimatedMs / p.project.estimatedMs;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×${r < 1 ? ' (slower)' : ''}`;
}

/** README-ready: one row per operation and size. */
export function comparisonTable(pairs: Pair[]): string {
  return markdownTable(
    ['operation', 'cases', 'naive: requests / calls / estimated', 'add-on: requests / calls / estimated', 'naive ÷ add-on'],
    pairs.map((p) => [p.operation, p.cases.toLocaleString('en'), figures(p.naive), figures(p.project), ratio(p)]),
  );
}
