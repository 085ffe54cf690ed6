import type { ApolloServerPlugin } from '@apollo/server';
import { platformError, PlatformErrorCode, Role } from '@sunlight/shared';
import { getNamedType, Kind, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../gateway-context';

const ANY = '*';

/**
 * What a screen account (大屏, role SCREEN) may read: its subtree's units with their aggregate
 * figures, trends, risk index and ranking, and alerts with the case's number and matter, never a
 * person's data (no applicant fields, no case details, no complaints, notices or accounts).
 * `*` allows every field of an aggregate type.
 */
export const SCREEN_READS: Readonly<Record<string, ReadonlySet<string> | typeof ANY>> = {
  Query: new Set(['unit', 'alerts', 'alert', 'viewer']),
  Mutation: new Set(['changeMyPassword']),
  Viewer: ANY,
  Unit: new Set([
    'code',
    'name',
    'tier',
    'parent',
    'children',
    'caseStats',
    'caseTrend',
    'satisfaction',
    'satisfactionTrend',
    'satisfactionSeries',
    'complaintStats',
    'complaintTrend',
    'alertTrend',
    'riskIndex',
    'ranking',
    'riskSeries',
  ]),
  CaseStats: ANY,
  CaseTrend: ANY,
  Satisfaction: ANY,
  SatisfactionTrend: ANY,
  SatisfactionMonth: ANY,
  ComplaintStats: ANY,
  ComplaintTrend: ANY,
  AlertTrend: ANY,
  RiskIndex: ANY,
  RiskIndicator: ANY,
  RiskMonth: ANY,
  RiskIndicatorValue: ANY,
  TierRanking: ANY,
  AlertConnection: ANY,
  AlertEdge: ANY,
  PageInfo: ANY,
  Alert: new Set(['id', 'seq', 'kind', 'level', 'unit', 'subjectType', 'case', 'title', 'raisedAt', 'status']),
  Case: new Set(['id', 'number', 'status', 'powerName', 'power', 'unit', 'cardLevel', 'receivedAt']),
  Power: new Set(['id', 'code', 'name']),
};

/** The first field of `document` a screen account may not read, as `Type.field`, or undefined. */
export function firstRefusedField(schema: GraphQLSchema, document: DocumentNode): string | undefined {
  const typeInfo = new TypeInfo(schema);
  let refused: string | undefined;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (refused || node.name.value === '__typename') return;
        const parent = typeInfo.getParentType();
        const type = parent ? getNamedType(parent).name : '?';
        const allowed = SCREEN_READS[type];
        if (allowed === ANY) return;
        if (!allowed?.has(node.name.value)) refused = `${type}.${node.name.value}`;
      },
    }),
  );
  return refused;
}

/**
 * Limits screen accounts to {@link SCREEN_READS} before anything is planned: every other field,
 * and every mutation except changing their own password, is refused with FORBIDDEN. Subscription
 * deliveries run through the gateway as the subscriber, so they are held to the same list.
 */
export function screenReadsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, contextValue, response }) {
          if (contextValue.principal.role !== Role.SCREEN) return;
          const refused = document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION)
            ? firstRefusedField(schema, document)
            : undefined;
          if (!refused) return;
          response.http.status = 403;
          throw platformError(PlatformErrorCode.FORBIDDEN, `大屏账号只能查看大屏数据，无权读取或操作 ${refused}`);
        },
      };
    },
  };
}
