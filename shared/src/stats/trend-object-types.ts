import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { TREND_CATALOG, type TrendLists, type TrendName } from './trend-catalog';

/** A class type-graphql knows as an object type whose instances have the shape `T`. */
export type ObjectTypeClass<T> = new () => T;

/**
 * The owning subgraph's GraphQL types of trend `name`, built from the catalog: the trend
 * (`months` then one list per measure, with the catalog's descriptions) and the service-only row
 * of a tier-wide query (`code`, `trend`). Call once per process, in the owner's trend type file.
 */
export function trendObjectTypes<T extends TrendName>(
  name: T,
): { Trend: ObjectTypeClass<TrendLists<T>>; Row: ObjectTypeClass<{ code: string; trend: TrendLists<T> }> } {
  const spec = TREND_CATALOG[name];
  const Trend = class {};
  Object.defineProperty(Trend, 'name', { value: spec.typeName });
  Field(() => [String], { description: spec.months })(Trend.prototype, 'months');
  for (const [measure, m] of Object.entries(spec.measures) as [string, { description: string; average?: true }][]) {
    if (m.average) Field(() => [Float], { nullable: 'items', description: m.description })(Trend.prototype, measure);
    else Field(() => [Int], { description: m.description })(Trend.prototype, measure);
  }
  ObjectType(spec.typeName, { description: spec.description })(Trend);

  const Row = class {};
  Object.defineProperty(Row, 'name', { value: `Unit${spec.typeName}` });
  Field(() => ID)(Row.prototype, 'code');
  Field(() => Trend)(Row.prototype, 'trend');
  ObjectType(`Unit${spec.typeName}`, { description: spec.rowDescription })(Row);

  return {
    Trend: Trend as ObjectTypeClass<TrendLists<T>>,
    Row: Row as ObjectTypeClass<{ code: string; trend: TrendLists<T> }>,
  };
}
