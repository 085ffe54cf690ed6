import { registerEnumType } from 'type-graphql';
import { Tier } from '../auth/tier';

/** Registers `Tier` with type-graphql once, for every subgraph that exposes it. */
export function registerTierEnum(): void {
  registerEnumType(Tier, {
    name: 'Tier',
    description: 'Administrative tier: 市 CITY, 县/区 COUNTY, 乡/镇/街道 TOWNSHIP, 村/社区 VILLAGE.',
  });
}

registerTierEnum();
