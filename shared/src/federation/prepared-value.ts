/**
 * A value a subgraph builds in its `prepare` step (its configuration, its month sums) and reads on
 * every request afterwards. Reading it before `prepare` has set it throws instead of handing
 * `undefined` on; `get` is bound, so it can be passed on as it is (`config: config.get`).
 */
export class PreparedValue<T> {
  private value: T | undefined;

  /** @param subgraph the subgraph's name, for the error message. */
  constructor(private readonly subgraph: string) {}

  /** Sets the value (once `prepare` has built it) and returns it. */
  set(value: T): T {
    this.value = value;
    return value;
  }

  /**
   * The value.
   * @throws Error when `prepare` has not set it yet.
   */
  readonly get = (): T => {
    if (this.value === undefined) throw new Error(`the ${this.subgraph} subgraph is not prepared yet`);
    return this.value;
  };
}
