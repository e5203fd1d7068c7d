/** Prints the results table: every figure, its budget and whether it is met. */
import { FIGURES, judge, type Results } from './budgets';

const UNITS: ReadonlyArray<[RegExp, string]> = [
  [/_ms(_|$)/, 'ms'],
  [/_ns$/, 'ns'],
  [/_kb(_|$)/, 'KB'],
  [/bytes/, 'B'],
];

const unitOf = (key: string) => UNITS.find(([re]) => re.test(key))?.[1] ?? '';

function show(value: number | null): string {
  if (value === null) return 'null';
  if (Number.isNaN(value)) return 'NaN';
  return Math.abs(value) >= 100 ? String(Math.round(value)) : String(value);
}

export function formatTable(results: Results, judged: boolean): { text: string; failures: string[] } {
  const rows = FIGURES.map((f) => {
    const value = results[f.key] ?? null;
    const budget = f.budget ? `${f.budget.op === '<=' ? '≤' : '≥'} ${f.budget.value}` : '';
    const verdict = judged ? judge(f, value) : f.budget ? '(quick)' : '';
    return [f.key, value === null ? 'null' : `${show(value)} ${unitOf(f.key)}`.trim(), budget, verdict, f.label];
  });
  const header = ['figure', 'value', 'budget', 'result', 'what'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const text = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
  const failures = judged ? FIGURES.filter((f) => judge(f, results[f.key] ?? null) === 'FAIL').map((f) => f.key) : [];
  return { text, failures };
}
