import { computed, reactive } from 'vue';

/** The signed-in account, as `/auth/login` and `/auth/refresh` describe it. */
export interface SessionAccount {
  subject: string;
  name: string;
  role: 'CLERK' | 'LEADER' | 'INSPECTOR' | 'ADMIN' | 'SCREEN';
  unit: string;
  department?: string | null;
  post?: string | null;
}

interface Grant {
  accessToken: string;
  expiresIn: number;
  mustChangePassword: boolean;
  account: SessionAccount;
}

/** A refusal from `/auth/*`: its stable code and the Chinese message the gateway gave. */
export class SignInError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The console's session. The access token lives only in memory (never in storage, so a script
 * injected into the page cannot carry it off later); the refresh token is the gateway's httpOnly
 * cookie. Tabs share fresh tokens over a BroadcastChannel, and a refresh runs under a Web Lock, so
 * two tabs never present the same rotated refresh token (the registry would take that for theft).
 */
export const session = reactive({
  accessToken: undefined as string | undefined,
  expiresAt: 0,
  account: undefined as SessionAccount | undefined,
  mustChangePassword: false,
  /** True once the first silent refresh (restoring a session from the cookie) has answered. */
  restored: false,
});

export const signedIn = computed(() => session.account !== undefined);

const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('sunlight-session');
const HINT = 'sunlight-signed-in';
let renewTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

/** Called whenever the access token changes (the live client reconnects with the new one). */
export function onTokenChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function apply(grant: Grant | undefined, announce: boolean): void {
  session.accessToken = grant?.accessToken;
  session.expiresAt = grant ? Date.now() + grant.expiresIn * 1000 : 0;
  session.account = grant?.account;
  session.mustChangePassword = grant?.mustChangePassword ?? false;
  if (renewTimer) clearTimeout(renewTimer);
  renewTimer = undefined;
  // Renew a minute before expiry (at least 10 s from now), whether or not the tab is in use.
  if (grant)
    renewTimer = setTimeout(
      () => void refresh().catch(() => undefined),
      Math.max(10_000, grant.expiresIn * 1000 - 60_000),
    );
  // Only a hint that a refresh cookie may exist, so a visitor who never signed in makes no request
  // to /auth/refresh; the token itself never reaches storage.
  try {
    if (grant) localStorage.setItem(HINT, '1');
    else localStorage.removeItem(HINT);
  } catch {
    // storage may be off (private mode); the session then lasts as long as the tab
  }
  if (announce) channel?.postMessage(grant ? { type: 'grant', grant } : { type: 'signed-out' });
  for (const listener of listeners) listener();
}

channel?.addEventListener('message', (event: MessageEvent<{ type: string; grant?: Grant }>) => {
  if (event.data.type === 'grant' && event.data.grant) apply(event.data.grant, false);
  if (event.data.type === 'signed-out') apply(undefined, false);
});

async function post(path: string, body: Record<string, unknown>): Promise<Grant | { ok: true }> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
      // A hung request must not hold the cross-tab lock for ever.
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new SignInError('NETWORK', '网络连接失败，请检查网络后重试。');
  }
  const answer = (await response.json().catch(() => undefined)) as
    (Grant & { ok?: true; error?: { code: string; message: string } }) | undefined;
  if (!response.ok || !answer) {
    const code = answer?.error?.code ?? (response.status === 429 ? 'RATE_LIMITED' : 'UNAVAILABLE');
    throw new SignInError(code, answer?.error?.message ?? '暂时无法登录，请稍后重试。');
  }
  return answer;
}

/** Runs `work` while holding the cross-tab refresh lock (or directly where Web Locks are missing). */
function exclusively<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? (locks.request('sunlight-refresh', work) as Promise<T>) : work();
}

let inFlight: Promise<boolean> | undefined;

/**
 * Renews the access token with the refresh cookie; resolves false when there is no valid session
 * (the person is then signed out). Concurrent callers in one tab share one renewal, and a tab that
 * finds, once it holds the lock, that another tab has just renewed keeps that token instead.
 */
export function refresh(): Promise<boolean> {
  const asked = session.expiresAt;
  inFlight ??= exclusively(async () => {
    if (session.accessToken && session.expiresAt > asked && session.expiresAt - Date.now() > 60_000) return true;
    try {
      apply((await post('/auth/refresh', {})) as Grant, true);
      return true;
    } catch (e) {
      if (
        e instanceof SignInError &&
        (e.code === 'NETWORK' || e.code === 'UNAVAILABLE' || e.code === 'ACCOUNTS_UNAVAILABLE')
      ) {
        // Not a refusal: keep the session and try again in 15 s while the token may still be valid.
        if (session.account) {
          if (renewTimer) clearTimeout(renewTimer);
          renewTimer = setTimeout(() => void refresh().catch(() => undefined), 15_000);
        }
        throw e;
      }
      apply(undefined, true);
      return false;
    }
  }).finally(() => {
    inFlight = undefined;
    session.restored = true;
  });
  return inFlight;
}

/** Signs in with an account and password; a refusal throws SignInError with the gateway's message. */
export async function signIn(subject: string, password: string): Promise<SessionAccount> {
  const grant = (await post('/auth/login', { subject, password })) as Grant;
  apply(grant, true);
  return grant.account;
}

/** Signs out here and in every tab, and revokes the refresh token. */
export async function signOut(): Promise<void> {
  // Under the refresh lock, so no tab's renewal can finish after this and sign the tabs back in.
  await exclusively(async () => {
    try {
      await post('/auth/logout', {});
    } finally {
      apply(undefined, true);
    }
  });
}

/** Marks the password as changed (after `changeMyPassword` succeeded). */
export function passwordChanged(): void {
  session.mustChangePassword = false;
}

/** Restores a session from the refresh cookie once, at start; never throws. */
export async function restoreSession(): Promise<void> {
  if (session.restored) return;
  let hinted = false;
  try {
    hinted = localStorage.getItem(HINT) === '1';
  } catch {
    hinted = false;
  }
  if (!hinted) {
    session.restored = true;
    return;
  }
  await refresh().catch(() => {
    session.restored = true;
  });
}
