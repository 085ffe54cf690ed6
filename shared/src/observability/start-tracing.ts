import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
// Types only: the SDK itself is loaded by `startTracing`, when asked for.
import type * as OtlpHttp from '@opentelemetry/exporter-trace-otlp-http';
import type * as Resources from '@opentelemetry/resources';
import type * as SdkTraceBase from '@opentelemetry/sdk-trace-base';
import type * as SdkTraceNode from '@opentelemetry/sdk-trace-node';

/** A component's OpenTelemetry tracing, exported by OTLP/HTTP. */
export interface Tracing {
  /** The component's tracer: spans it starts carry `service.name` = the component. */
  tracer: Tracer;
  /** Exports the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

/** Whether the standard OpenTelemetry variables ask for traces to be exported. */
export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['OTEL_SDK_DISABLED'] === 'true' || env['OTEL_TRACES_EXPORTER'] === 'none') return false;
  return Boolean(env['OTEL_EXPORTER_OTLP_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']);
}

/**
 * Starts tracing for `component` when `OTEL_EXPORTER_OTLP_ENDPOINT` (or
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set, and returns undefined otherwise: the SDK is not
 * even loaded then. Spans are batched (`OTEL_BSP_*`) and sent by OTLP/HTTP as JSON to
 * `<endpoint>/v1/traces`; the exporter reads the other `OTEL_EXPORTER_OTLP_*` variables itself.
 *
 * `global` registers the provider, the W3C propagator and an AsyncLocalStorage context manager
 * with the OpenTelemetry API: the gateway needs it, since @apollo/gateway records its own spans
 * (`gateway.request`, `gateway.plan`, `gateway.fetch`…) through the API's global tracer. Only one
 * component of a process may ask for it.
 */
export function startTracing(component: string, options: { global?: boolean } = {}): Tracing | undefined {
  if (!tracingConfigured()) return undefined;
  // Loaded here, not imported: a process without an endpoint never pays for the SDK.
  const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node') as typeof SdkTraceNode;
  const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof SdkTraceBase;
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof OtlpHttp;
  const { Resource } = require('@opentelemetry/resources') as typeof Resources;
  const provider = new NodeTracerProvider({
    resource: new Resource({ 'service.name': component }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  if (options.global) provider.register({ propagator: new W3CTraceContextPropagator() });
  return {
    tracer: provider.getTracer('@sunlight/shared'),
    async shutdown() {
      await provider.shutdown();
      if (!options.global) return;
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
