import { groupByKeys, orderByKeys } from '@sunlight/shared';
import DataLoader from 'dataloader';
import { In, IsNull, type DataSource } from 'typeorm';
import { Department } from './department.entity';
import { Post } from './post.entity';
import { Unit } from './unit.entity';

/** Per-request loaders for the unit tree; results in key order, one query per batch. */
export function createUnitLoaders(ds: DataSource) {
  return {
    /** The top of the tree (units without a parent). */
    roots: () => ds.getRepository(Unit).find({ where: { parentCode: IsNull() }, order: { code: 'ASC' } }),
    unit: new DataLoader<string, Unit | null>(async (codes) =>
      orderByKeys(codes, await ds.getRepository(Unit).findBy({ code: In([...codes]) }), (u) => u.code),
    ),
    children: new DataLoader<string, Unit[]>(async (codes) =>
      groupByKeys(
        codes,
        await ds.getRepository(Unit).find({ where: { parentCode: In([...codes]) }, order: { code: 'ASC' } }),
        (u) => u.parentCode ?? '',
      ),
    ),
    departmentsOfUnit: new DataLoader<string, Department[]>(async (codes) =>
      groupByKeys(
        codes,
        await ds.getRepository(Department).find({ where: { unitCode: In([...codes]) }, order: { code: 'ASC' } }),
        (d) => d.unitCode,
      ),
    ),
    department: new DataLoader<string, Department | null>(async (ids) =>
      orderByKeys(ids, await ds.getRepository(Department).findBy({ id: In([...ids]) }), (d) => d.id),
    ),
    postsOfDepartment: new DataLoader<string, Post[]>(async (ids) =>
      groupByKeys(
        ids,
        await ds.getRepository(Post).find({ where: { departmentId: In([...ids]) }, order: { code: 'ASC' } }),
        (p) => p.departmentId,
      ),
    ),
    post: new DataLoader<string, Post | null>(async (ids) =>
      orderByKeys(ids, await ds.getRepository(Post).findBy({ id: In([...ids]) }), (p) => p.id),
    ),
  };
}

export type UnitLoaders = ReturnType<typeof createUnitLoaders>;
