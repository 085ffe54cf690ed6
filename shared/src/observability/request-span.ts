import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  context as otelContext,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type SpanContext,
  type Tracer,
} from '@opentelemetry/api';
import { logContext } from '../logging/log-context';
import type { Logger } from '../logging/logger';
import type { AccessNote } from './access-note';
import { childSpanContext, incomingSpanContext, newTraceSpanContext } from './trace-context';

/** A GraphQL HTTP request's place in its trace, and what its access line will say. */
export interface RequestSpan {
  /** The request's trace id: the caller's (a valid `traceparent`), else a new one. Its id in every log. */
  traceId: string;
  /** The request's own span (recorded or not): the parent of what it calls. */
  spanContext: SpanContext;
  /** The context to run the request in (its span active, for spans started inside). */
  context: Context;
  note: AccessNote;
  /**
   * Runs the request's handling in its trace: its span active (OpenTelemetry), its trace id on
   * every log line ({@link logContext}), its span the parent of calls to other services
   * ({@link currentRequestSpan}).
   */
  run<T>(fn: () => T): T;
}

const requestSpans = new AsyncLocalStorage<SpanContext>();

/** The span of the request being served here, if any: what a call to another service names as its parent. */
export function currentRequestSpan(): SpanContext | undefined {
  return requestSpans.getStore();
}

/**
 * Opens a request's span: a child of the caller's `traceparent` when it is valid, else the root of
 * a new trace. With a tracer the span is recorded (`POST /graphql`, kind server); without one it
 * only carries ids. When the response closes, the span ends and one access line is written at
 * info: trace id, operation, type, HTTP status, duration in ms, errors and their codes, the
 * caller's role and unit; never variables, query text or anything a person typed.
 */
export function openRequestSpan(
  req: IncomingMessage,
  res: ServerResponse,
  o: { logger: Logger; tracer?: Tracer | undefined },
): RequestSpan {
  const started = process.hrtime.bigint();
  const parent = incomingSpanContext(req.headers);
  const parentContext = parent ? trace.setSpanContext(ROOT_CONTEXT, parent) : ROOT_CONTEXT;
  const span = o.tracer
    ? o.tracer.startSpan(
        'POST /graphql',
        { kind: SpanKind.SERVER, root: !parent, attributes: { 'http.request.method': req.method ?? 'GET' } },
        parentContext,
      )
    : trace.wrapSpanContext(parent ? childSpanContext(parent) : newTraceSpanContext());
  const traceId = span.spanContext().traceId;
  const note: AccessNote = { errors: 0, codes: [] };
  res.once('close', () => {
    const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
    const status = res.statusCode;
    const aborted = !res.writableFinished;
    if (span.isRecording()) {
      if (note.operation) span.updateName(`${note.type ?? 'graphql'} ${note.operation}`);
      span.setAttributes({
        'http.response.status_code': status,
        ...(note.operation ? { 'graphql.operation.name': note.operation } : {}),
        ...(note.type ? { 'graphql.operation.type': note.type } : {}),
        ...(note.codes.length ? { 'sunlight.error_codes': note.codes } : {}),
      });
      if (note.errors > 0 || status >= 500 || aborted) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
    o.logger.info('graphql request', {
      traceId,
      operation: note.operation ?? null,
      ...(note.type ? { type: note.type } : {}),
      status,
      ms,
      errors: note.errors,
      codes: note.codes,
      role: note.role ?? null,
      unit: note.unit ?? null,
      ...(note.cached ? { cached: true } : {}),
      ...(aborted ? { aborted: true } : {}),
    });
  });
  const spanContext = span.spanContext();
  const context = trace.setSpan(parentContext, span);
  return {
    traceId,
    spanContext,
    context,
    note,
    run: (fn) => otelContext.with(context, () => requestSpans.run(spanContext, () => logContext.run({ traceId }, fn))),
  };
}
