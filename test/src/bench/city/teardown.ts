const STEP_TIMEOUT_MS = 30_000;

/**
 * What the benchmark must undo (stop the stack and the peer, drop the copy, stop PostgreSQL), run
 * last-in first-out at the end, after a failure, and on Ctrl-C or SIGTERM.
 */
export class Teardown {
  private readonly steps: { name: string; run: () => Promise<void> }[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly log: (s: string) => void) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        this.log(`${signal}: cleaning up…`);
        void this.run().finally(() => process.exit(130));
      });
    }
  }

  add(name: string, run: () => Promise<void>): void {
    this.steps.push({ name, run });
  }

  /** Runs every step once, even when one fails (its error is logged). */
  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        // A step that hangs must not keep the later ones (dropping the copy) from running.
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>(
          (_, reject) =>
            (timer = setTimeout(() => reject(new Error(`no end in ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS)),
        );
        await Promise.race([step.run(), timeout])
          .catch((e: unknown) =>
            this.log(`cleanup: ${step.name} failed: ${e instanceof Error ? e.message : String(e)}`),
          )
          .finally(() => clearTimeout(timer));
      }
    })();
    return this.running;
  }
}
