import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Tracer } from '@opentelemetry/api';
import { AppError } from '../errors/app-error';
import { platformError, PlatformErrorCode } from '../errors/platform-error';
import type { Logger } from '../logging/logger';
import { accessNotes } from '../observability/access-note';
import { openRequestSpan, type RequestSpan } from '../observability/request-span';
import { sendJsonError } from './json-error';

/** An extra plain-HTTP route, such as `GET /health`. */
export type HttpRoute = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface GraphQLHttpHandlerOptions<C extends BaseContext> {
  server: ApolloServer<C>;
  /**
   * Builds the per-request context; may throw an AppError, answered with its HTTP status. `span`
   * is the request's place in its trace: its trace id is the request's id.
   */
  context: (req: IncomingMessage, span: Pick<RequestSpan, 'traceId' | 'spanContext'>) => Promise<C>;
  maxBodyBytes: number;
  /** Writes the handler's failures and one access line per GraphQL request. */
  logger: Logger;
  /** Records a span per GraphQL request (tracing on); without one, requests still get trace ids. */
  tracer?: Tracer | undefined;
  /** The caller's role and unit for the access line (nothing else of the principal is logged). */
  caller?: (context: C) => { role: string; unit?: string | undefined };
  /** Routes by "METHOD /path". */
  routes?: Record<string, HttpRoute>;
  /**
   * A finished JSON answer for this request without running Apollo (a response cache's fresh
   * entry), or undefined to run it. Only asked for POSTs with a JSON content type, which Apollo's
   * CSRF prevention would let through as well.
   */
  answered?: (body: unknown, context: C) => string | undefined;
}

/** How much of a refused body is read and dropped before the socket is closed instead. */
const DRAIN_LIMIT_FACTOR = 4;

/**
 * Reads at most `limit` bytes of body. A larger body (by its Content-Length, or as it arrives) is
 * refused with `PAYLOAD_TOO_LARGE`, which the handler answers 413; the rest of it is read and
 * dropped (up to {@link DRAIN_LIMIT_FACTOR} times the limit, then the socket is closed) so that
 * the client reads the 413 instead of a connection reset.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = () =>
    platformError(
      PlatformErrorCode.PAYLOAD_TOO_LARGE,
      `请求体超过 ${limit} 字节的上限（附件较多时请分次提交）`,
      'body',
    );
  const drain = () => {
    let dropped = 0;
    req.removeAllListeners('data');
    req.on('data', (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > DRAIN_LIMIT_FACTOR * limit) req.destroy();
    });
    req.resume();
  };
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      drain();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        drain();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A Node `http` request handler serving an Apollo Server at `/graphql` plus a few plain routes.
 * Kept small on purpose: no framework, a body-size limit, and the context built before Apollo
 * runs so that authentication failures get a proper HTTP status. Each GraphQL request runs in its
 * trace (W3C `traceparent`, see {@link openRequestSpan}) and leaves one access line; its logs carry
 * its trace id.
 */
export function createGraphQLHttpHandler<C extends BaseContext>(o: GraphQLHttpHandlerOptions<C>) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('bad request');
      return;
    }
    const route = o.routes?.[`${req.method} ${url.pathname}`];
    if (route) return void route(req, res).catch((error: unknown) => failed(res, error));
    if (url.pathname !== '/graphql') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const span = openRequestSpan(req, res, o);
    span.run(() => {
      void handle(req, res, url, span).catch((error: unknown) => {
        span.note.errors = 1;
        span.note.codes = [error instanceof AppError ? error.code : 'INTERNAL_SERVER_ERROR'];
        failed(res, error);
      });
    });
  };

  function failed(res: ServerResponse, error: unknown): void {
    if (!(error instanceof Error && 'extensions' in error))
      o.logger.error('http handler failed', { error: error instanceof Error ? error.stack : String(error) });
    if (!res.headersSent) sendJsonError(res, error);
    else res.end();
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, span: RequestSpan): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = undefined;
    if (req.method === 'POST') {
      const text = await readBody(req, o.maxBodyBytes);
      try {
        body = text.length > 0 ? JSON.parse(text) : undefined;
      } catch {
        throw platformError(PlatformErrorCode.VALIDATION_FAILED, '请求体不是有效的 JSON', 'body');
      }
    }
    const context = await o.context(req, span);
    const caller = o.caller?.(context);
    if (caller) {
      span.note.role = caller.role;
      if (caller.unit) span.note.unit = caller.unit;
    }
    accessNotes.attach(context, span.note);
    const json =
      req.method === 'POST' && /^application\/json\b/i.test(req.headers['content-type'] ?? '')
        ? o.answered?.(body, context)
        : undefined;
    if (json !== undefined) {
      span.note.cached = true;
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(json);
      return;
    }
    const response = await o.server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => context,
    });
    const outHeaders: Record<string, string> = {};
    for (const [key, value] of response.headers) outHeaders[key] = value;
    res.writeHead(response.status ?? 200, outHeaders);
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}
