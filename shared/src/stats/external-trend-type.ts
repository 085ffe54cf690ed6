import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { TREND_CATALOG, type TrendLists, type TrendMeasure, type TrendName } from './trend-catalog';
import type { ObjectTypeClass } from './trend-object-types';
import { trendMeasures } from './trend-measures';

/**
 * A consumer's `@external` stub of another subgraph's trend `name`, declaring only `months` and
 * the `measures` it requires (e.g. for a `@requires` on `Unit`), typed as the owner declares them.
 */
export function externalTrendType<T extends TrendName, M extends TrendMeasure<T>>(
  name: T,
  measures: readonly M[],
): ObjectTypeClass<TrendLists<T, M>> {
  const spec = TREND_CATALOG[name];
  const Stub = class {};
  Object.defineProperty(Stub, 'name', { value: `${spec.typeName}Ref` });
  Field(() => [String])(Stub.prototype, 'months');
  for (const measure of trendMeasures(name).filter((m) => (measures as readonly string[]).includes(m))) {
    const m: { average?: true } = spec.measures[measure as keyof typeof spec.measures];
    if (m.average) Field(() => [Float], { nullable: 'items' })(Stub.prototype, measure);
    else Field(() => [Int])(Stub.prototype, measure);
  }
  Directive('@external')(Stub);
  ObjectType(spec.typeName)(Stub);
  return Stub as ObjectTypeClass<TrendLists<T, M>>;
}
