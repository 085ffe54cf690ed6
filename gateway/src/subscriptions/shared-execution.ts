import type { Principal } from '@sunlight/shared';
import { print, type DocumentNode, type ExecutionResult } from 'graphql';
import { isOutageResult } from './outage-result';
import type { RunAs } from './run-as';

/**
 * One execution per alert for every subscriber with the same scope and selection: the answer
 * depends on role, unit, department and post, not on who asks, so it is run once and shared for
 * `keepMs` (the time every subscriber's delivery needs to ask for it). An answer a subgraph outage
 * cut short is not kept: the next one to ask runs it again.
 */
export class SharedExecution {
  private readonly results = new Map<string, Promise<ExecutionResult>>();

  constructor(
    private readonly run: RunAs,
    private readonly keepMs = 30_000,
  ) {}

  get(
    principal: Principal,
    query: DocumentNode,
    variables: Record<string, unknown>,
    printed: string = print(query),
  ): Promise<ExecutionResult> {
    const key = `${principal.role}|${principal.unit ?? ''}|${principal.department ?? ''}|${principal.post ?? ''}|${printed}|${JSON.stringify(variables)}`;
    let result = this.results.get(key);
    if (!result) {
      const running = this.run(principal, query, variables);
      result = running;
      this.results.set(key, running);
      setTimeout(() => this.results.delete(key), this.keepMs).unref();
      void running.then(
        (r) => {
          if (isOutageResult(r) && this.results.get(key) === running) this.results.delete(key);
        },
        () => {
          if (this.results.get(key) === running) this.results.delete(key);
        },
      );
    }
    return result;
  }
}
