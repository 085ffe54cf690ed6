import { ServiceClient, type TokenService } from '@sunlight/shared';

/** What the account registry (the powers service) says of a subject. */
export interface AccountStateAnswer {
  subject: string;
  standing: 'ACTIVE' | 'DISABLED' | 'DELETED' | 'UNKNOWN';
  /** ISO instant, or null: tokens issued before it are refused. */
  tokensValidAfter: string | null;
}

/** Answers, for a batch of subjects, each one's standing (in the order asked). */
export type AccountStateSource = (subjects: readonly string[]) => Promise<AccountStateAnswer[]>;

/** The powers subgraph's `accountStates`, asked directly as the gateway service. */
export function powersAccountStates(powersUrl: string, tokens: TokenService): AccountStateSource {
  const client = new ServiceClient(powersUrl, tokens, 'service:gateway');
  return async (subjects) =>
    (
      await client.query<{ accountStates: AccountStateAnswer[] }>(
        'query($s: [String!]!) { accountStates(subjects: $s) { subject standing tokensValidAfter } }',
        { s: subjects },
      )
    ).accountStates;
}
