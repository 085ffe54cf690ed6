import { Arg, Ctx, Directive, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AlertsContext } from '../alerts.context';
import { Alert, AlertConnection, AlertFeedItem, AlertFilter, DisposalKind } from './alert.type';

const KEY = { description: 'Idempotency key (8-128 chars).' };

@Resolver(() => Alert)
export class AlertResolver {
  @Query(() => Alert)
  alert(@Arg('id', () => ID) id: string, @Ctx() ctx: AlertsContext): Promise<Alert> {
    return ctx.alerts.get(ctx.principal, id);
  }

  @Query(() => AlertConnection, {
    description:
      "Alerts of a subtree (default your unit's), newest first: inspectors see all they may; leaders see case and rating alerts.",
  })
  alerts(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => AlertFilter, { nullable: true }) filter: AlertFilter | null,
    @Ctx() ctx: AlertsContext,
  ): Promise<AlertConnection> {
    return ctx.alerts.list(ctx.principal, filter ?? {}, first, after);
  }

  @Directive('@inaccessible')
  @Query(() => [AlertFeedItem], { description: 'For the gateway: alerts after a position, in order.' })
  alertFeed(
    @Arg('afterSeq', () => String, { nullable: true }) afterSeq: string | null,
    @Arg('afterId', () => ID, { nullable: true }) afterId: string | null,
    @Arg('limit', () => Int) limit: number,
    @Ctx() ctx: AlertsContext,
  ): Promise<AlertFeedItem[]> {
    return ctx.alerts.feed(ctx.principal, afterSeq, afterId, limit);
  }

  @Directive('@inaccessible')
  @Query(() => String, { description: 'For the gateway: the seq of the newest alert ("0" when none).' })
  async alertFeedHead(@Ctx() ctx: AlertsContext): Promise<string> {
    return ctx.alerts.head(ctx.principal);
  }

  @Mutation(() => Alert)
  acknowledgeAlert(
    @Arg('id', () => ID) id: string,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: AlertsContext,
  ): Promise<Alert> {
    return ctx.alerts.acknowledge(ctx.principal, id, key);
  }

  @Mutation(() => Alert, {
    description: 'Dispose of an alert (处置): dismissed, notice issued, or accountability started, with a note.',
  })
  disposeAlert(
    @Arg('id', () => ID) id: string,
    @Arg('kind', () => DisposalKind) kind: DisposalKind,
    @Arg('note') note: string,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: AlertsContext,
  ): Promise<Alert> {
    return ctx.alerts.dispose(ctx.principal, id, kind, note, key);
  }
}
