import { onBeforeUnmount, ref } from 'vue';
import { liveClient, subscribe, type ApiError } from '../../api/graphql-client';
import { refresh, session } from '../../session/session';

/** After a subscription ends with an error, subscribe again after this long. */
const RESUBSCRIBE_MS = 5_000;
/** A socket down for longer than this makes the screen say its data may be stale (a token renewal's reconnect is shorter). */
const STALE_GRACE_MS = 3_000;

/**
 * The screen's live connection, for days: graphql-ws reconnects forever (the console's live
 * client), and each subscription is sent again with its variables as they are at that moment, so
 * a feed that keeps its last alert id in its variables resumes from there. `stale` is true while
 * the socket is down (after a short grace) or a subscription has failed and waits to start again.
 */
export function useLive() {
  const connected = ref(false);
  const failed = ref(false);
  const stale = ref(false);
  const lastUpdate = ref<Date>();
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const stops = new Set<() => void>();

  const recompute = () => {
    if (graceTimer) clearTimeout(graceTimer);
    graceTimer = undefined;
    if (connected.value && !failed.value) stale.value = false;
    else graceTimer = setTimeout(() => (stale.value = !connected.value || failed.value), STALE_GRACE_MS);
  };

  const client = liveClient();
  const offs = [
    client.on('connected', () => {
      connected.value = true;
      recompute();
    }),
    client.on('closed', () => {
      connected.value = false;
      recompute();
      // a token that lapsed while the network was down: renew it before the next attempt
      if (session.account && session.expiresAt - Date.now() < 60_000) void refresh().catch(() => undefined);
    }),
  ];

  // The session renews itself a minute before expiry; if that renewal met a network failure it
  // is not scheduled again, so check the clock (no request unless the token is about to lapse).
  const renewal = setInterval(() => {
    if (session.account && session.expiresAt - Date.now() < 60_000) void refresh().catch(() => undefined);
  }, 30_000);

  /**
   * Follows a subscription until the screen closes; `variables` is kept by reference (graphql-ws
   * sends it again on each reconnect), so the caller may update it, e.g. the last alert id.
   */
  function follow<T>(query: string, variables: Record<string, unknown>, next: (data: T) => void): () => void {
    let stop: (() => void) | undefined;
    let closed = false;
    const start = () => {
      stop = subscribe<T>(query, variables, {
        next: (data) => {
          failed.value = false;
          lastUpdate.value = new Date();
          recompute();
          next(data);
        },
        error: (e: ApiError) => {
          if (closed) return;
          failed.value = true;
          recompute();
          stop?.();
          const t = setTimeout(() => {
            timers.delete(t);
            if (!closed) start();
          }, RESUBSCRIBE_MS);
          timers.add(t);
          void e;
        },
      });
    };
    start();
    const end = () => {
      closed = true;
      stop?.();
      stops.delete(end);
    };
    stops.add(end);
    return end;
  }

  onBeforeUnmount(() => {
    for (const off of offs) off();
    for (const stop of [...stops]) stop();
    for (const t of timers) clearTimeout(t);
    if (graceTimer) clearTimeout(graceTimer);
    clearInterval(renewal);
  });

  return { connected, stale, lastUpdate, follow };
}
