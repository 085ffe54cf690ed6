import { buildSchema, parse } from 'graphql';
import { firstRefusedField } from './screen-reads.plugin';

const schema = buildSchema(`
  type Query { unit(code: ID!): Unit! alerts: [Alert!]! complaints: [Int!]! viewer: Viewer! }
  type Mutation { changeMyPassword: Boolean! fileCase: Boolean! }
  type Viewer { subject: String! role: String! }
  type Unit { code: ID! name: String! caseStats: CaseStats cases: [Case!]! children: [Unit!]! }
  type CaseStats { filed: Int! overdue: Int! }
  type Alert { id: ID! title: String! case: Case }
  type Case { number: String! powerName: String! applicantName: String! details: String! }
`);
const refused = (q: string) => firstRefusedField(schema, parse(q));

describe('what a screen account may read', () => {
  it('allows the screen figures, alerts with case numbers and its own password', () => {
    expect(refused('{ unit(code: "1") { code name caseStats { filed overdue } children { name } } }')).toBeUndefined();
    expect(refused('{ alerts { __typename id title case { number powerName } } viewer { role } }')).toBeUndefined();
    expect(refused('mutation { changeMyPassword }')).toBeUndefined();
  });

  it('refuses personal data, case lists, complaints and every other mutation, through fragments too', () => {
    expect(refused('{ alerts { case { applicantName } } }')).toBe('Case.applicantName');
    expect(refused('{ alerts { ...A } } fragment A on Alert { case { details } }')).toBe('Case.details');
    expect(refused('{ unit(code: "1") { cases { number } } }')).toBe('Unit.cases');
    expect(refused('{ complaints }')).toBe('Query.complaints');
    expect(refused('mutation { fileCase }')).toBe('Mutation.fileCase');
  });
});
