import http from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { createProxyServer } from 'http-proxy-3';
import type { Logger } from '@sunlight/shared';

/** One process behind a balancer. */
export interface BalancerTarget {
  host: string;
  port: number;
}

export interface BalancerOptions {
  /** What its log lines and its answers name: a subgraph's name, or `gateway`. */
  name: string;
  host: string;
  port: number;
  targets: BalancerTarget[];
  logger: Logger;
  /** The largest request body it buffers (a larger one is refused with 413). */
  maxBodyBytes: number;
  /** How long a target that refused a connection is passed over before it is tried again. */
  downMs?: number;
  /** How long to keep trying when every target refuses (a replica may be between its stop and its start). */
  giveUpMs?: number;
  /** A readiness path every target answers (`/readyz`): polled every `checkMs`; a target not ready is out of turn. */
  readyPath?: string;
  checkMs?: number;
}

/** What a balancer has done since it started (the rolling-restart test prints them). */
export interface BalancerCounts {
  requests: number;
  upgrades: number;
  /** Attempts that a target refused and that went to another one. */
  passedOver: number;
  /** Requests answered 503 because no target took them within `giveUpMs`. */
  unavailable: number;
}

/** Errors that mean the target never received the request: another target may take it. */
const NOT_RECEIVED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENOTFOUND', 'EADDRNOTAVAIL']);

/**
 * A round-robin HTTP and WebSocket balancer on loopback over a subgraph's or the gateway's
 * replicas (`npm run start:cluster`), proxying with http-proxy-3. Invariants:
 * - requests go to the targets in turn; a target that refuses a connection (stopped, or draining:
 *   a draining server no longer listens) is passed over for `downMs`, and the request goes to the
 *   next one. Its body is buffered first, so the same bytes can be sent again;
 * - only a refused connection is retried here: once a target accepted a request, its answer (or
 *   its failure) is the client's, so nothing is ever run twice by the balancer;
 * - when every target refuses for `giveUpMs` the answer is 503 with a GraphQL error
 *   SERVICE_UNAVAILABLE (a WebSocket upgrade: the socket is closed), which clients retry;
 * - with `readyPath`, each target's readiness is polled every `checkMs`; one that is not ready (a
 *   draining replica answers 503 for a while before it stops listening: `DRAIN_DELAY_MS`) gets
 *   no new request while another is ready. So none waits in the queue of a listening socket that
 *   is about to close, where the kernel would reset it;
 * - connections to targets are not kept alive: a draining target closes its idle sockets, and a
 *   kept-alive one could be reused at the moment it closes.
 */
export class Balancer {
  readonly counts: BalancerCounts = { requests: 0, upgrades: 0, passedOver: 0, unavailable: 0 };
  private readonly proxy = createProxyServer({ agent: new http.Agent({ keepAlive: false }), xfwd: true });
  private readonly downUntil: number[];
  private readonly ready: boolean[];
  private checks: NodeJS.Timeout | undefined;
  private next = 0;
  private server: http.Server | undefined;

  constructor(private readonly o: BalancerOptions) {
    this.downUntil = o.targets.map(() => 0);
    this.ready = o.targets.map(() => true);
    // An error the per-call callbacks did not take (none should reach here) must not crash the launcher.
    this.proxy.on('error', (e) => o.logger.warn('balancer proxy error', { name: o.name, error: e.message }));
  }

  /** Listens on its port; resolves once it does. */
  async start(): Promise<void> {
    const server = http.createServer((req, res) => void this.web(req, res));
    server.on(
      'upgrade',
      (req: http.IncomingMessage, socket: Socket, head: Buffer) =>
        void this.ws(req, socket, head, Date.now() + (this.o.giveUpMs ?? 5000)),
    );
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.o.port, this.o.host, () => resolve());
    });
    if (this.o.readyPath) this.checks = setInterval(() => void this.checkReadiness(), this.o.checkMs ?? 200);
  }

  private async checkReadiness(): Promise<void> {
    const timeout = 4 * (this.o.checkMs ?? 200);
    await Promise.all(
      this.o.targets.map(async (t, i) => {
        this.ready[i] = await fetch(`http://${t.host}:${t.port}${this.o.readyPath}`, {
          signal: AbortSignal.timeout(timeout),
        }).then(
          async (r) => (await r.arrayBuffer(), r.status === 200),
          () => false,
        );
      }),
    );
  }

  get port(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? this.o.port;
  }

  /** Stops listening and closes every connection. */
  async stop(): Promise<void> {
    clearInterval(this.checks);
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /**
   * The next target in turn that is ready and not passed over; else the next not passed over;
   * else (all refused lately) the next in turn.
   */
  private pick(): number {
    const n = this.o.targets.length;
    const now = Date.now();
    for (const wantReady of [true, false])
      for (let i = 0; i < n; i++) {
        const index = (this.next + i) % n;
        if (this.downUntil[index]! <= now && (!wantReady || this.ready[index])) {
          this.next = (index + 1) % n;
          return index;
        }
      }
    const index = this.next;
    this.next = (index + 1) % n;
    return index;
  }

  private refused(index: number, error: NodeJS.ErrnoException): void {
    this.counts.passedOver += 1;
    this.downUntil[index] = Date.now() + (this.o.downMs ?? 500);
    const t = this.o.targets[index]!;
    this.o.logger.info('balancer passed over a target', { name: this.o.name, port: t.port, error: error.code });
  }

  private async web(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    this.counts.requests += 1;
    let body: Buffer;
    try {
      body = await readBody(req, this.o.maxBodyBytes);
    } catch {
      res.writeHead(413, { 'content-type': 'application/json', connection: 'close' }).end('{}');
      return;
    }
    const deadline = Date.now() + (this.o.giveUpMs ?? 5000);
    const attempt = (): void => {
      const index = this.pick();
      const t = this.o.targets[index]!;
      this.proxy.web(
        req,
        res,
        { target: { host: t.host, port: t.port }, buffer: Readable.from([body]) },
        (e: NodeJS.ErrnoException) => {
          if (NOT_RECEIVED.has(e.code ?? '') && !res.headersSent) {
            this.refused(index, e);
            if (Date.now() < deadline) {
              // A full round refused: wait a little for a replica to come back before the next one.
              const pause = this.downUntil.every((d) => d > Date.now()) ? 100 : 0;
              setTimeout(attempt, pause);
              return;
            }
          }
          this.unavailable(res, e);
        },
      );
    };
    attempt();
  }

  /**
   * A WebSocket upgrade: http-proxy-3 ends the client's socket when its target refuses, so the
   * target is first found by a TCP connection it accepts (passing over those that refuse).
   */
  private async ws(req: http.IncomingMessage, socket: Socket, head: Buffer, deadline: number): Promise<void> {
    this.counts.upgrades += 1;
    for (;;) {
      const index = this.pick();
      const t = this.o.targets[index]!;
      const refusal = await accepts(t);
      if (socket.destroyed) return;
      if (!refusal) {
        this.proxy.ws(req, socket, head, { target: { host: t.host, port: t.port } }, (e: NodeJS.ErrnoException) =>
          this.o.logger.warn('balancer: WebSocket to a target failed', {
            name: this.o.name,
            error: e.code ?? e.message,
          }),
        );
        return;
      }
      this.refused(index, refusal);
      if (Date.now() >= deadline) break;
      if (this.downUntil.every((d) => d > Date.now())) await new Promise((r) => setTimeout(r, 100));
    }
    this.counts.unavailable += 1;
    this.o.logger.warn('balancer: no target took a WebSocket', { name: this.o.name });
    socket.destroy();
  }

  private unavailable(res: http.ServerResponse, e: NodeJS.ErrnoException): void {
    this.counts.unavailable += 1;
    this.o.logger.warn('balancer: no target answered', { name: this.o.name, error: e.code ?? e.message });
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
    res.end(
      JSON.stringify({
        errors: [
          {
            message: '服务暂时不可用，请稍后重试',
            extensions: { code: 'SERVICE_UNAVAILABLE', kind: 'UNAVAILABLE', service: this.o.name },
          },
        ],
      }),
    );
  }
}

/** Resolves with the error of a refused TCP connection to `t`, or null when it accepts one. */
function accepts(t: BalancerTarget): Promise<NodeJS.ErrnoException | null> {
  return new Promise((resolve) => {
    const probe = net.connect({ host: t.host, port: t.port });
    probe.setTimeout(1000, () => probe.destroy(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' })));
    probe.once('connect', () => {
      probe.destroy();
      resolve(null);
    });
    probe.once('error', (e: NodeJS.ErrnoException) => resolve(e));
  });
}

/** The whole request body, refused past `max` bytes. */
function readBody(req: http.IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
