import { createHash, createHmac } from 'node:crypto';
import { Tier } from '@sunlight/shared';
import type { BulkWriter } from './bulk-writer';
import type { CityTree } from './city-units';
import type { FilingCalendar } from './filing-calendar';
import type { Organization } from './organization';
import { Random } from './random';
import type { RatingMaker } from './rating-maker';
import { stableId } from './stable-id';
import { TABLES } from './table-specs';
import type { WorseUnits } from './worse-units';

/**
 * Window rating devices (评价器), one at the service window of the city, each county and each
 * township, registered as the evaluations service registers them (the key hash of
 * HMAC(deviceKey, `device:<id>`)), and `count` ratings given on them, in proportion to each unit's
 * case volume.
 */
export async function writeDeviceRatings(
  x: {
    tree: CityTree;
    org: Organization;
    writer: BulkWriter;
    ratings: RatingMaker;
    filing: FilingCalendar;
    worse: WorseUnits;
    deviceKey: Uint8Array;
    seed: number;
    createdAt: string;
  },
  casesPerUnit: Map<string, number>,
  count: number,
): Promise<void> {
  const units = x.tree.units.filter((u) => u.tier !== Tier.VILLAGE);
  const devices = units.map((u) => {
    const department = x.org.serviceDepartment(u.code);
    const id = stableId('rating-device', u.code);
    const key = createHmac('sha256', x.deviceKey).update(`device:${id}`).digest('base64url');
    x.writer.add(TABLES.ratingDevice, [
      id,
      u.code,
      department.id,
      `${department.name}窗口评价器`,
      createHash('sha256').update(key).digest('hex'),
      `admin.${u.code}`,
      x.createdAt,
    ]);
    const post = x.org.postsOf(department.id).find((p) => p.code === 'SL') ?? null;
    return {
      id,
      unit: u.code,
      department: department.id,
      post: post?.id ?? null,
      weight: casesPerUnit.get(u.code) ?? 1,
    };
  });
  const random = Random.fork(x.seed, 'device-ratings');
  const weights = devices.map((d) => d.weight);
  for (let i = 0; i < count; i++) {
    const d = devices[random.weighted(weights)]!;
    const at = x.filing.instant(random) + random.int(0, 600) * 1000;
    x.ratings.write(
      {
        source: 'DEVICE',
        unitCode: d.unit,
        departmentId: d.department,
        postId: random.chance(0.5) ? d.post : null,
        powerId: null,
        stepNo: null,
        stageKey: null,
        deviceId: d.id,
      },
      at,
      Math.min(8, x.worse.factor(d.unit)),
      random,
    );
    if (i % 1000 === 999) await x.writer.pace();
  }
}
