import { groupByKeys, orderByKeys } from '@sunlight/shared';
import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { PowerRecord, PowerVersionRecord } from './power.entity';
import { Checkpoint, EfficiencyPoint, FlowStep, RiskPoint } from './power-items.entity';

/** Key of one version: `${powerId}:${version}`. */
export const versionKey = (powerId: string, version: number) => `${powerId}:${version}`;

function splitKeys(keys: readonly string[]): { powerId: string; version: number }[] {
  return keys.map((k) => {
    const [powerId = '', version = '0'] = k.split(':');
    return { powerId, version: Number(version) };
  });
}

/** Loads rows of `entity` for many (power, version) pairs in one query, grouped per pair. */
function itemsLoader<T extends { powerId: string; version: number }>(
  ds: DataSource,
  entity: new () => T,
  order: string,
) {
  return new DataLoader<string, T[]>(async (keys) => {
    const pairs = splitKeys(keys);
    const rows = await ds
      .getRepository(entity)
      .createQueryBuilder('i')
      .where('(i.power_id, i.version) IN (SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:versions AS int[])))', {
        ids: pairs.map((p) => p.powerId),
        versions: pairs.map((p) => p.version),
      })
      .orderBy(order)
      .getMany();
    return groupByKeys(keys, rows, (r) => versionKey(r.powerId, r.version));
  });
}

/** Per-request loaders for powers, their versions and their items. */
export function createPowerLoaders(ds: DataSource) {
  return {
    power: new DataLoader<string, PowerRecord | null>(async (ids) =>
      orderByKeys(ids, await ds.getRepository(PowerRecord).findBy({ id: In([...ids]) }), (p) => p.id),
    ),
    version: new DataLoader<string, PowerVersionRecord | null>(async (keys) => {
      const pairs = splitKeys(keys);
      const rows = await ds
        .getRepository(PowerVersionRecord)
        .createQueryBuilder('v')
        .where('(v.power_id, v.version) IN (SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:versions AS int[])))', {
          ids: pairs.map((p) => p.powerId),
          versions: pairs.map((p) => p.version),
        })
        .getMany();
      return orderByKeys(keys, rows, (r) => versionKey(r.powerId, r.version));
    }),
    versionsOf: new DataLoader<string, PowerVersionRecord[]>(async (ids) =>
      groupByKeys(
        ids,
        await ds
          .getRepository(PowerVersionRecord)
          .find({ where: { powerId: In([...ids]) }, order: { version: 'ASC' } }),
        (v) => v.powerId,
      ),
    ),
    flow: itemsLoader(ds, FlowStep, 'i.step_no'),
    riskPoints: itemsLoader(ds, RiskPoint, 'i.level, i.id'),
    efficiencyPoints: itemsLoader(ds, EfficiencyPoint, 'i.id'),
    checkpoints: itemsLoader(ds, Checkpoint, 'i.step_no, i.id'),
  };
}

export type PowerLoaders = ReturnType<typeof createPowerLoaders>;
