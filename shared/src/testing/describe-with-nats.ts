/** The variable naming the NATS server the JetStream specs use (CI sets it when 127.0.0.1:4222 answers). */
export const NATS_URL_ENV = 'NATS_URL';

/**
 * A suite that needs a real NATS with JetStream (`*.jetstream.spec.ts`): run against
 * `NATS_URL`, or, when that is unset, reported as skipped with the reason printed (never silently).
 */
export function describeWithNats(name: string, body: (natsUrl: string) => void): void {
  const url = process.env[NATS_URL_ENV];
  if (url) {
    describe(name, () => body(url));
    return;
  }
  process.stderr.write(
    `JetStream suite "${name}" skipped: ${NATS_URL_ENV} is unset (set ${NATS_URL_ENV}=nats://127.0.0.1:4222 to run it)\n`,
  );
  describe.skip(`${name} [skipped: ${NATS_URL_ENV} unset]`, () => body(''));
}
