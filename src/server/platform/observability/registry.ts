// A small Prometheus text-format (0.0.4) registry: counters, gauges and histograms with labels.
// The whole format we need is a few lines, so no client library (and its global default registry,
// which would mix the counts of several apps in one test process) is pulled in.

type Labels = Readonly<Record<string, string>>;

interface Series {
  labels: Labels;
}

/** Label values escaped as the text format wants: backslash, double quote and newline. */
function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labelText(labels: Labels, extra?: [string, string]): string {
  const pairs = Object.entries(labels);
  if (extra) {
    pairs.push(extra);
  }
  if (pairs.length === 0) {
    return '';
  }
  return `{${pairs.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
}

function num(n: number): string {
  if (Number.isNaN(n)) {
    return 'NaN';
  }
  if (n === Number.POSITIVE_INFINITY) {
    return '+Inf';
  }
  if (n === Number.NEGATIVE_INFINITY) {
    return '-Inf';
  }
  return String(n);
}

/** The key of one label set, independent of the order the labels were given in. */
function keyOf(names: readonly string[], labels: Labels): string {
  return names.map((n) => labels[n] ?? '').join('\u0000');
}

abstract class Metric<S extends Series> {
  protected readonly series = new Map<string, S>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
  ) {}

  protected get(labels: Labels, create: (labels: Labels) => S): S {
    const key = keyOf(this.labelNames, labels);
    let s = this.series.get(key);
    if (!s) {
      const clean: Record<string, string> = {};
      for (const n of this.labelNames) {
        clean[n] = labels[n] ?? '';
      }
      s = create(clean);
      this.series.set(key, s);
    }
    return s;
  }

  abstract type: 'counter' | 'gauge' | 'histogram';
  protected abstract lines(): string[];

  render(): string {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.type}`, ...this.lines()].join(
      '\n',
    );
  }
}

export class Counter extends Metric<Series & { value: number }> {
  type = 'counter' as const;
  inc(labels: Labels = {}, by = 1): void {
    this.get(labels, (l) => ({ labels: l, value: 0 })).value += by;
  }
  /** For a counter that mirrors a total kept elsewhere (the process's CPU time). */
  setTotal(labels: Labels, total: number): void {
    this.get(labels, (l) => ({ labels: l, value: 0 })).value = total;
  }
  protected lines(): string[] {
    return [...this.series.values()].map((s) => `${this.name}${labelText(s.labels)} ${num(s.value)}`);
  }
}

export class Gauge extends Metric<Series & { value: number }> {
  type = 'gauge' as const;
  set(labels: Labels, value: number): void {
    this.get(labels, (l) => ({ labels: l, value: 0 })).value = value;
  }
  inc(labels: Labels = {}, by = 1): void {
    this.get(labels, (l) => ({ labels: l, value: 0 })).value += by;
  }
  /** Forgets every series (for gauges refilled from the database at each scrape). */
  reset(): void {
    this.series.clear();
  }
  protected lines(): string[] {
    return [...this.series.values()].map((s) => `${this.name}${labelText(s.labels)} ${num(s.value)}`);
  }
}

export class Histogram extends Metric<Series & { counts: number[]; sum: number; count: number }> {
  type = 'histogram' as const;
  constructor(
    name: string,
    help: string,
    labelNames: readonly string[],
    /** Upper bounds, ascending; +Inf is implied. */
    readonly buckets: readonly number[],
  ) {
    super(name, help, labelNames);
  }
  observe(labels: Labels, value: number): void {
    const s = this.get(labels, (l) => ({ labels: l, counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    // Stored per bucket, made cumulative on rendering.
    const i = this.buckets.findIndex((b) => value <= b);
    if (i >= 0) {
      s.counts[i] = (s.counts[i] ?? 0) + 1;
    }
    s.sum += value;
    s.count++;
  }
  protected lines(): string[] {
    const out: string[] = [];
    for (const s of this.series.values()) {
      let cumulative = 0;
      this.buckets.forEach((b, i) => {
        cumulative += s.counts[i] ?? 0;
        out.push(`${this.name}_bucket${labelText(s.labels, ['le', num(b)])} ${cumulative}`);
      });
      out.push(`${this.name}_bucket${labelText(s.labels, ['le', '+Inf'])} ${s.count}`);
      out.push(`${this.name}_sum${labelText(s.labels)} ${num(s.sum)}`);
      out.push(`${this.name}_count${labelText(s.labels)} ${s.count}`);
    }
    return out;
  }
}

/** Metrics in registration order; `collect` hooks refresh gauges just before rendering. */
export class Registry {
  private readonly metrics: Metric<Series>[] = [];
  private readonly collectors: (() => Promise<void> | void)[] = [];

  counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
    return this.add(new Counter(name, help, labelNames));
  }
  gauge(name: string, help: string, labelNames: readonly string[] = []): Gauge {
    return this.add(new Gauge(name, help, labelNames));
  }
  histogram(
    name: string,
    help: string,
    labelNames: readonly string[],
    buckets: readonly number[],
  ): Histogram {
    return this.add(new Histogram(name, help, labelNames, buckets));
  }
  onCollect(fn: () => Promise<void> | void): void {
    this.collectors.push(fn);
  }

  private add<M extends Metric<Series>>(m: M): M {
    this.metrics.push(m);
    return m;
  }

  async render(): Promise<string> {
    for (const c of this.collectors) {
      await c();
    }
    return `${this.metrics.map((m) => m.render()).join('\n')}\n`;
  }
}
