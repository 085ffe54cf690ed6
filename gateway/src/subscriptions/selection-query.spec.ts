import { getOperationAST, Kind, parse, print, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { selectionAsQuery } from './selection-query';

describe('selectionAsQuery', () => {
  const rewrite = (source: string) => {
    const document = parse(source);
    const op = getOperationAST(document) as OperationDefinitionNode;
    const root = op.selectionSet.selections[0] as FieldNode;
    return print(
      selectionAsQuery(document, op, root, {
        operationName: 'DashboardUpdate',
        field: 'unit',
        argument: 'code',
        variable: 'sunlightUnit',
        type: 'ID!',
      }),
    );
  };

  it("moves the subscriber's selection, fragments and the variables it uses onto the query field", () => {
    const printed = rewrite(`subscription($unit: ID!, $from: DateTimeISO!, $unused: Int) {
      dashboardUpdated(unit: $unit) { code ...F caseStats(from: $from, to: $from) { filed } }
    }
    fragment F on Unit { name }`);
    expect(printed).toBe(
      print(
        parse(`query DashboardUpdate($from: DateTimeISO!, $sunlightUnit: ID!) {
          unit(code: $sunlightUnit) { code ...F caseStats(from: $from, to: $from) { filed } }
        }
        fragment F on Unit { name }`),
      ),
    );
  });

  it("keeps none of the subscription's own arguments", () => {
    const printed = rewrite('subscription($unit: ID!) { dashboardUpdated(unit: $unit) { code } }');
    expect(printed).not.toContain('$unit');
    expect(parse(printed).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)).toHaveLength(1);
  });
});
