import type { Principal } from '@sunlight/shared';
import { print, type DocumentNode, type ExecutionResult } from 'graphql';
import type { RunAs } from './run-as';

/**
 * One execution per alert for every subscriber with the same scope and selection: the answer
 * depends on role, unit, department and post, not on who asks, so it is run once and shared for
 * `keepMs` (the time every subscriber's delivery needs to ask for it).
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
      result = this.run(principal, query, variables);
      this.results.set(key, result);
      setTimeout(() => this.results.delete(key), this.keepMs).unref();
    }
    return result;
  }
}
