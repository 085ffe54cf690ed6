import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Distinct operation names one process keeps as labels; later names are counted as `other`. */
export const MAX_OPERATION_LABELS = 200;

/**
 * One component's Prometheus metrics (prom-client): the process's own (CPU, memory, event loop,
 * handles) and GraphQL requests by operation. Each running component has a registry of its own,
 * so components that share a process (tests, the benchmark) each answer `/metrics` for themselves.
 */
export class ComponentMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<'operation' | 'outcome'>;
  readonly duration: Histogram<'operation'>;
  private readonly operations = new Set<string>();

  constructor(readonly component: string) {
    this.registry.setDefaultLabels({ component });
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'sunlight_graphql_requests_total',
      help: 'GraphQL requests by operation name and outcome (ok, or the first error code)',
      labelNames: ['operation', 'outcome'],
      registers: [this.registry],
    });
    this.duration = new Histogram({
      name: 'sunlight_graphql_request_duration_seconds',
      help: 'GraphQL request duration by operation name, from receipt to the answer',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
  }

  /** Records one GraphQL request: its operation name (see {@link operationLabel}), outcome and duration. */
  observe(operationName: string | null | undefined, outcome: string, seconds: number): void {
    const operation = this.operationLabel(operationName);
    this.requests.inc({ operation, outcome });
    this.duration.observe({ operation }, seconds);
  }

  /** A counter of the component's own (e.g. cards raised), in its registry. */
  counter<L extends string = never>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return new Counter<L>({ name, help, labelNames, registers: [this.registry] });
  }

  /** A histogram of the component's own, in seconds, in its registry. */
  histogram<L extends string = never>(
    name: string,
    help: string,
    labelNames: readonly L[] = [],
    buckets = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  ): Histogram<L> {
    return new Histogram<L>({ name, help, labelNames, buckets, registers: [this.registry] });
  }

  /**
   * The label for a client-chosen operation name: names are the client's, so an unbounded set of
   * them would grow the registry without limit. Anonymous operations are `anonymous`; a name
   * that is not a GraphQL name, or one beyond the first {@link MAX_OPERATION_LABELS}, is `other`.
   */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name)) return 'other';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(name);
    return name;
  }
}
