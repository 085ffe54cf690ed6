import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import {
  defaultTextMapGetter,
  defaultTextMapSetter,
  isSpanContextValid,
  ROOT_CONTEXT,
  trace,
  TraceFlags,
  type SpanContext,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/** The W3C Trace Context header: `00-<trace id>-<parent span id>-<flags>`. */
export const TRACEPARENT_HEADER = 'traceparent';

const propagator = new W3CTraceContextPropagator();

/**
 * The caller's position in a trace from a valid W3C `traceparent` header (parsed by
 * OpenTelemetry's propagator), or undefined when the header is absent or malformed (wrong
 * version, lengths, characters, or an all-zero id): the request then starts a trace of its own.
 */
export function incomingSpanContext(headers: IncomingHttpHeaders): SpanContext | undefined {
  const extracted = trace.getSpanContext(propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter));
  return extracted && isSpanContextValid(extracted) ? extracted : undefined;
}

/** A new trace (random ids), not sampled: nothing recorded its root. */
export function newTraceSpanContext(): SpanContext {
  return {
    traceId: randomBytes(16).toString('hex'),
    spanId: randomBytes(8).toString('hex'),
    traceFlags: TraceFlags.NONE,
  };
}

/** A new position in `parent`'s trace: the same trace id and flags, a new span id. */
export function childSpanContext(parent: SpanContext): SpanContext {
  return { traceId: parent.traceId, spanId: randomBytes(8).toString('hex'), traceFlags: parent.traceFlags };
}

/** The `traceparent` header naming `spanContext` as the parent of what the receiver does. */
export function traceparentOf(spanContext: SpanContext): string {
  const carrier: Record<string, string> = {};
  propagator.inject(trace.setSpanContext(ROOT_CONTEXT, spanContext), carrier, defaultTextMapSetter);
  const header = carrier[TRACEPARENT_HEADER];
  if (!header) throw new Error(`invalid span context ${spanContext.traceId}/${spanContext.spanId}`);
  return header;
}
