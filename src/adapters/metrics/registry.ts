/**
 * @module A small Prometheus registry: counters and gauges with labels, rendered in the text
 * exposition format 0.0.4 (HELP, TYPE, escaped label values). One process-wide `metrics`
 * registry is served at `/metrics`; areas register their own metrics on it once at import.
 *
 * @example
 * const probes = metrics.counter('dialtone_probe_results_total', 'Probe results.', ['kind', 'outcome']);
 * probes.inc({ kind: 'http', outcome: 'up' });
 * metrics.onCollect(async () => rtt.set({ monitor: 'x' }, 12)); // refreshed before each scrape
 */

export type Labels = Record<string, string>;
type MetricType = 'counter' | 'gauge';

const namePattern = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const labelPattern = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

class Metric {
  readonly name: string;
  readonly help: string;
  readonly type: MetricType;
  readonly labelNames: readonly string[];
  /** Label-set key (values joined) → [labels, value]. */
  protected readonly series = new Map<string, [Labels, number]>();

  constructor(name: string, help: string, type: MetricType, labelNames: readonly string[]) {
    if (!namePattern.test(name)) throw new Error(`invalid metric name ${name}`);
    for (const l of labelNames) {
      if (!labelPattern.test(l) || l.startsWith('__')) throw new Error(`invalid label name ${l}`);
    }
    this.name = name;
    this.help = help;
    this.type = type;
    this.labelNames = labelNames;
  }

  protected key(labels: Labels): string {
    // Label names are fixed per metric: a caller naming others is a programming error.
    for (const k of Object.keys(labels)) {
      if (!this.labelNames.includes(k)) throw new Error(`${this.name}: unknown label ${k}`);
    }
    return this.labelNames.map((l) => labels[l] ?? '').join('\u0000');
  }

  protected add(labels: Labels, n: number): void {
    const k = this.key(labels);
    const s = this.series.get(k);
    if (s) s[1] += n;
    else this.series.set(k, [{ ...labels }, n]);
  }

  /** Current value of one series (0 when never touched). */
  get(labels: Labels = {}): number {
    return this.series.get(this.key(labels))?.[1] ?? 0;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} ${this.type}`];
    for (const [labels, value] of this.series.values()) {
      lines.push(`${this.name}${renderLabels(this.labelNames, labels)} ${renderValue(value)}`);
    }
    return lines.join('\n');
  }
}

export class Counter extends Metric {
  constructor(name: string, help: string, labelNames: readonly string[] = []) {
    if (!name.endsWith('_total')) throw new Error(`counter ${name} must end in _total`);
    super(name, help, 'counter', labelNames);
  }

  inc(labels: Labels = {}, n = 1): void {
    if (!(n >= 0)) throw new Error(`${this.name}: counters only go up`);
    this.add(labels, n);
  }
}

export class Gauge extends Metric {
  constructor(name: string, help: string, labelNames: readonly string[] = []) {
    super(name, help, 'gauge', labelNames);
  }

  set(labels: Labels, value: number): void {
    this.series.set(this.key(labels), [{ ...labels }, value]);
  }

  inc(labels: Labels = {}, n = 1): void {
    this.add(labels, n);
  }

  /** Forget every series (before re-filling from current state, so gone peers disappear). */
  clear(): void {
    this.series.clear();
  }
}

export class MetricsRegistry {
  readonly #metrics = new Map<string, Metric>();
  readonly #collectors: (() => void | Promise<void>)[] = [];

  counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
    return this.#register(name, () => new Counter(name, help, labelNames), Counter);
  }

  gauge(name: string, help: string, labelNames: readonly string[] = []): Gauge {
    return this.#register(name, () => new Gauge(name, help, labelNames), Gauge);
  }

  /** Runs before each render (e.g. to read KPI gauges from the store). */
  onCollect(fn: () => void | Promise<void>): () => void {
    this.#collectors.push(fn);
    return () => {
      const i = this.#collectors.indexOf(fn);
      if (i >= 0) this.#collectors.splice(i, 1);
    };
  }

  async render(): Promise<string> {
    await Promise.all(this.#collectors.map((fn) => fn()));
    return this.renderSync();
  }

  /** The exposition as it stands, without running collectors. */
  renderSync(): string {
    const blocks = [...this.#metrics.values()].map((m) => m.render());
    return blocks.length > 0 ? `${blocks.join('\n')}\n` : '';
  }

  // Registering the same name twice returns the first (modules may be imported by several apps
  // in one test process); a different type under one name is a programming error.
  #register<T extends Metric>(name: string, make: () => T, type: new (...a: never[]) => T): T {
    const existing = this.#metrics.get(name);
    if (existing) {
      if (!(existing instanceof type)) throw new Error(`metric ${name} exists with another type`);
      return existing;
    }
    const m = make();
    this.#metrics.set(name, m);
    return m;
  }
}

/** The process-wide registry served at `/metrics`. */
export const metrics = new MetricsRegistry();

/** Content type of the text exposition format. */
export const metricsContentType = 'text/plain; version=0.0.4; charset=utf-8';

function escapeHelp(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function escapeLabel(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function renderLabels(names: readonly string[], labels: Labels): string {
  if (names.length === 0) return '';
  return `{${names.map((n) => `${n}="${escapeLabel(labels[n] ?? '')}"`).join(',')}}`;
}

function renderValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return '+Inf';
  if (v === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(v);
}
