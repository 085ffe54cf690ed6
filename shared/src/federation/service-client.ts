import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import type { TokenService } from '../auth/token-service';
import { currentRequestSpan } from '../observability/request-span';
import { newTraceSpanContext, TRACEPARENT_HEADER, traceparentOf } from '../observability/trace-context';
import { ASSERTION_HEADER } from '../service/start-subgraph';

/** A GraphQL error as another service answered it. */
export class ServiceCallError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'ServiceCallError';
  }
}

/**
 * Calls another subgraph directly with a service credential (role SERVICE), for the few facts a
 * service must fetch to decide (a power's flow when filing a case, a case when rating it). The
 * caller's client address can be passed on so per-client limits still apply. A call made while
 * serving a request goes in that request's trace (`traceparent`), so both services log it under
 * one id; a background job's call starts a trace of its own.
 */
export class ServiceClient {
  constructor(
    private readonly url: string,
    private readonly tokens: TokenService,
    private readonly subject: string,
  ) {}

  async query<T>(
    query: string,
    variables: Record<string, unknown>,
    onBehalfOf?: Pick<Principal, 'client'>,
  ): Promise<T> {
    const assertion = await this.tokens.assert({
      subject: this.subject,
      role: Role.SERVICE,
      ...(onBehalfOf?.client ? { client: onBehalfOf.client } : {}),
    });
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [ASSERTION_HEADER]: assertion,
        [TRACEPARENT_HEADER]: traceparentOf(currentRequestSpan() ?? newTraceSpanContext()),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(5000),
    });
    const body = (await res.json()) as {
      data?: T | null;
      errors?: { extensions?: { code?: string }; message: string }[];
    };
    const first = body.errors?.[0];
    if (first) throw new ServiceCallError(first.message, first.extensions?.code);
    if (!res.ok || !body.data) throw new ServiceCallError(`service answered ${res.status} without data`, undefined);
    return body.data;
  }
}
