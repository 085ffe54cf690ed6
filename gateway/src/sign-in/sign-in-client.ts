import { ServiceClient, type TokenService } from '@sunlight/shared';

/** What the account registry (powers) answers when someone signs in or refreshes. */
export interface SignInGrant {
  subject: string;
  role: string;
  unit: string;
  department: string | null;
  post: string | null;
  name: string;
  /** The password was set by someone else: the console asks for a new one first. */
  mustChangePassword: boolean;
  refreshToken: string;
  refreshExpiresAt: string;
}

/** The powers subgraph's sign-in mutations (`@inaccessible`), called as the gateway service. */
export interface SignInClient {
  signIn(subject: string, password: string, client: string): Promise<SignInGrant>;
  refresh(refreshToken: string): Promise<SignInGrant>;
  signOut(refreshToken: string): Promise<boolean>;
}

const GRANT = 'subject role unit department post name mustChangePassword refreshToken refreshExpiresAt';

export function powersSignIn(powersUrl: string, tokens: TokenService): SignInClient {
  const client = new ServiceClient(powersUrl, tokens, 'service:gateway');
  return {
    async signIn(subject, password, address) {
      const data = await client.query<{ signIn: SignInGrant }>(
        `mutation($s: String!, $p: String!, $c: String!) { signIn(subject: $s, password: $p, client: $c) { ${GRANT} } }`,
        { s: subject, p: password, c: address },
      );
      return data.signIn;
    },
    async refresh(refreshToken) {
      const data = await client.query<{ refreshSignIn: SignInGrant }>(
        `mutation($t: String!) { refreshSignIn(refreshToken: $t) { ${GRANT} } }`,
        { t: refreshToken },
      );
      return data.refreshSignIn;
    },
    async signOut(refreshToken) {
      const data = await client.query<{ signOut: boolean }>('mutation($t: String!) { signOut(refreshToken: $t) }', {
        t: refreshToken,
      });
      return data.signOut;
    },
  };
}
