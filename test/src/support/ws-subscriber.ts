import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A real graphql-ws client that records what it receives and how its socket closed. */
export class Subscriber {
  readonly received: { data: Record<string, unknown>; at: number }[] = [];
  readonly errors: unknown[] = [];
  closeCode: number | undefined;
  private readonly client: Client;
  private stop: (() => void) | undefined;

  constructor(
    url: string,
    token: string | undefined,
    private readonly query: string,
    private readonly variables: Record<string, unknown> = {},
  ) {
    this.client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: false,
      on: { closed: (e) => (this.closeCode = (e as { code?: number }).code) },
    });
  }

  /** Starts the subscription and resolves once the server has acknowledged the connection. */
  async start(): Promise<this> {
    const connected = new Promise<void>((resolve, reject) => {
      this.client.on('connected', () => resolve());
      this.client.on('closed', (e) => reject(new Error(`closed ${(e as { code?: number }).code}`)));
    });
    this.stop = this.client.subscribe(
      { query: this.query, variables: this.variables },
      {
        // A result with errors and no data (a refused subscription) counts as an error, not a delivery.
        next: (v) =>
          v.data
            ? this.received.push({ data: v.data as Record<string, unknown>, at: Date.now() })
            : this.errors.push(...(v.errors ?? [])),
        error: (e) => this.errors.push(e),
        complete: () => undefined,
      },
    );
    await connected;
    await new Promise((r) => setTimeout(r, 100)); // the subscribe message reaches the server
    return this;
  }

  async waitFor(count: number, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }

  async close(): Promise<void> {
    this.stop?.();
    await this.client.dispose();
  }
}
