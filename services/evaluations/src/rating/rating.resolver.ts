import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { EvaluationsContext } from '../evaluations.context';
import { RateCaseInput, RateServiceInput } from './rating.input';
import { RatingReceipt } from './rating.type';

@InputType()
export class RegisterDeviceInput {
  @Field()
  unitCode: string;

  @Field(() => ID)
  departmentId: string;

  @Field({ description: 'e.g. 便民服务中心3号窗口评价器' })
  name: string;
}

@ObjectType()
export class RegisteredDevice {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'The key the device sends with each rating; shown only here.' })
  deviceKey: string;
}

const KEY = { description: 'Idempotency key (8-128 chars).' };

@Resolver()
export class RatingResolver {
  @Mutation(() => RatingReceipt, {
    description:
      'A citizen rates a finished stage of their case (no account; case number and query code). Once per stage.',
  })
  rateCase(
    @Arg('input') input: RateCaseInput,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: EvaluationsContext,
  ): Promise<RatingReceipt> {
    return ctx.ratings.rateCase(ctx.principal, input, key);
  }

  @Mutation(() => RatingReceipt, { description: 'A window rating device (评价器) records a rating.' })
  rateService(
    @Arg('input') input: RateServiceInput,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: EvaluationsContext,
  ): Promise<RatingReceipt> {
    return ctx.ratings.rateService(ctx.principal, input, key);
  }

  @Mutation(() => RegisteredDevice, { description: 'Register a rating device for a department (ADMIN in scope).' })
  registerRatingDevice(
    @Arg('input') input: RegisterDeviceInput,
    @Arg('idempotencyKey', KEY) key: string,
    @Ctx() ctx: EvaluationsContext,
  ): Promise<RegisteredDevice> {
    return ctx.ratings.registerDevice(ctx.principal, input, key);
  }
}
