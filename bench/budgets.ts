/** The figures results.json holds, in print order, with their budgets (where the issue sets one). */

export type Results = Record<string, number | null>;

export interface Figure {
  key: string;
  /** What the row says in the printed table. */
  label: string;
  budget?: { op: '<=' | '>='; value: number };
}

export const FIGURES: readonly Figure[] = [
  { key: 'popup_empty_page_ms', label: 'popup page, empty DB: navigation → DOMContentLoaded (baseline)' },
  { key: 'popup_render_ms_0', label: 'popup first render with data, empty DB' },
  { key: 'popup_render_ms_1k', label: 'popup first render, 1k exposures' },
  { key: 'popup_render_ms_10k', label: 'popup first render, 10k exposures' },
  { key: 'popup_render_ms_100k', label: 'popup first render, 100k exposures' },
  { key: 'popup_render_ratio_1k', label: 'popup 1k ÷ empty page' },
  { key: 'popup_render_ratio_10k', label: 'popup 10k ÷ empty page', budget: { op: '<=', value: 2 } },
  { key: 'popup_render_ratio_100k', label: 'popup 100k ÷ empty page' },
  { key: 'popup_state_reply_kb_1k', label: 'state/get reply (JSON), 1k exposures' },
  { key: 'popup_state_reply_kb_10k', label: 'state/get reply (JSON), 10k exposures' },
  { key: 'popup_state_reply_kb_100k', label: 'state/get reply (JSON), 100k exposures' },
  { key: 'popup_js_gzip_kb', label: 'popup JS, gzip', budget: { op: '<=', value: 25 } },
  { key: 'popup_js_raw_kb', label: 'popup JS, raw' },
  { key: 'popup_js_later_gzip_kb', label: 'popup JS loaded on demand, gzip' },
  { key: 'background_js_gzip_kb', label: 'background JS, gzip' },
  { key: 'background_js_raw_kb', label: 'background JS, raw' },
  { key: 'worker_cold_start_ms', label: 'worker cold start: state/get round trip' },
  { key: 'worker_warm_reply_ms', label: 'worker warm: state/get round trip (baseline)' },
  { key: 'worker_cold_start_ratio', label: 'worker cold ÷ warm' },
  { key: 'lookup_median_ns', label: 'domain lookup, indexed (median)', budget: { op: '<=', value: 500 } },
  { key: 'lookup_naive_median_ns', label: 'domain lookup, naive scan (baseline)' },
  { key: 'lookup_speedup', label: 'naive ÷ indexed' },
  { key: 'catalog_index_ms', label: 'catalog parse + index build' },
  { key: 'check_throughput_ratio', label: 'check throughput, 10/min plan: ideal ÷ actual', budget: { op: '>=', value: 0.95 } },
  { key: 'check_actual_ms', label: 'check run, 10/min plan: first → last lookup' },
  { key: 'check_ideal_ms', label: 'check run, 10/min plan: shortest span the limit allows' },
  { key: 'check_throughput_ratio_per_second', label: 'check throughput, 2/s limit: ideal ÷ actual (≤ 0.952 by design)' },
  { key: 'check_actual_ms_per_second', label: 'check run, 2/s limit: first → last lookup' },
  { key: 'check_ideal_ms_per_second', label: 'check run, 2/s limit: shortest span the limit allows' },
  { key: 'check_claim_to_arrival_ms_max', label: 'check run, 2/s limit: slowest claim → arrival at server' },
  { key: 'check_actual_ms_xposedornot', label: 'check run, XposedOrNot as stated (2/s, 25/h): first → last lookup' },
  { key: 'check_actual_ms_xposedornot_loaded', label: 'the same, every core kept busy: first → last lookup' },
  { key: 'check_claim_to_arrival_ms_max_loaded', label: 'the same, every core kept busy: slowest claim → arrival' },
  { key: 'check_429_count', label: 'check runs: 429 answers', budget: { op: '<=', value: 0 } },
  { key: 'check_429_count_loaded', label: 'XposedOrNot run, every core kept busy: 429 answers', budget: { op: '<=', value: 0 } },
  { key: 'catalog_unchanged_bytes', label: 'catalog refresh, unchanged: bytes' },
  { key: 'catalog_changed_bytes', label: 'catalog refresh, changed: bytes' },
  { key: 'catalog_refresh_ms', label: 'catalog refresh, changed: request → stored' },
  { key: 'catalog_unchanged_refresh_ms', label: 'catalog refresh, unchanged: request → marked' },
  { key: 'history_first_render_ms_0', label: 'history first render, empty DB (baseline)' },
  { key: 'history_first_render_ms_100k', label: 'history first render, 100k exposures' },
  { key: 'history_first_render_ratio_100k', label: 'history 100k ÷ empty', budget: { op: '<=', value: 2 } },
  { key: 'history_filter_ms_100k', label: 'history filter change (slowest filter or search), 100k exposures', budget: { op: '<=', value: 100 } },
  { key: 'history_sort_ms_100k', label: 'history order change, 100k exposures', budget: { op: '<=', value: 100 } },
  { key: 'history_heap_mb_0', label: 'history page JS heap after first render, empty DB' },
  { key: 'history_heap_mb_100k', label: 'history page JS heap after first render, 100k exposures', budget: { op: '<=', value: 30 } },
  { key: 'badge_count_ms_100k', label: 'badge count read, 100k exposures' },
  { key: 'bytes_per_exposure', label: 'storage per exposure (storage.estimate)' },
  { key: 'bytes_per_exposure_disk', label: 'storage per exposure (IndexedDB dir on disk)' },
  { key: 'transactions_per_check_50', label: 'readwrite transactions, check finding 50' },
  { key: 'transactions_total_per_check_50', label: 'all transactions, check finding 50' },
];

export type Verdict = 'pass' | 'FAIL' | 'n/a' | '';

export function judge(figure: Figure, value: number | null): Verdict {
  if (!figure.budget) return '';
  if (value === null || Number.isNaN(value)) return 'n/a';
  const ok = figure.budget.op === '<=' ? value <= figure.budget.value : value >= figure.budget.value;
  return ok ? 'pass' : 'FAIL';
}

export function emptyResults(): Results {
  return Object.fromEntries(FIGURES.map((f) => [f.key, null]));
}
