import { PUBLIC_PRINCIPAL, Role } from '@sunlight/shared';
import { aPower } from '../testing/power-input.builder';
import { useSeededCatalog } from '../testing/seeded-catalog';

const COUNTY = '139901000000';
const SIBLING = '139902000000';

describe('PowerService: versions and retirement', () => {
  const c = useSeededCatalog();

  const admin = () => c.as(Role.ADMIN, COUNTY);
  let keys = 0;
  const key = () => `lifecycle-key-${++keys}`;
  const createPublished = async (code: string, build = aPower().inUnit(c.data, COUNTY).withCode(code)) => {
    const ref = await c.powers.create(admin(), build.withName(`${code} 原名`).build(), key());
    await c.powers.publish(admin(), ref.id, key());
    return ref.id;
  };
  const versionsOf = async (id: string) =>
    (await c.ds.query('SELECT version, state, name FROM power_version WHERE power_id = $1 ORDER BY version', [id])) as {
      version: number;
      state: string;
      name: string;
    }[];
  const riskIds = async (id: string, version: number) =>
    (
      (await c.ds.query('SELECT id FROM risk_point WHERE power_id = $1 AND version = $2 ORDER BY id', [
        id,
        version,
      ])) as { id: string }[]
    ).map((r) => r.id);

  describe('editing', () => {
    let id: string;
    beforeAll(async () => {
      id = await createPublished('T-VERSIONS');
    });

    it('opens version 2 as a DRAFT when a published power is edited; the public keeps version 1', async () => {
      expect(await c.powers.update(admin(), id, { name: 'T-VERSIONS 新名' }, key())).toEqual({ id, version: 2 });
      expect(await c.reads().get(admin(), id)).toMatchObject({
        version: 2,
        state: 'DRAFT',
        name: 'T-VERSIONS 新名',
        status: 'PUBLISHED',
        publishedVersion: 1,
        latestVersion: 2,
      });
      expect(await c.reads().get(PUBLIC_PRINCIPAL, id)).toMatchObject({
        version: 1,
        state: 'PUBLISHED',
        name: 'T-VERSIONS 原名',
      });
      await expect(c.reads().get(PUBLIC_PRINCIPAL, id, 2)).rejects.toMatchObject({
        extensions: { code: 'POWER_NOT_FOUND' },
      });
      expect(await versionsOf(id)).toEqual([
        { version: 1, state: 'PUBLISHED', name: 'T-VERSIONS 原名' },
        { version: 2, state: 'DRAFT', name: 'T-VERSIONS 新名' },
      ]);
    });

    it('changes a draft in place instead of opening version 3', async () => {
      expect(await c.powers.update(admin(), id, { name: 'T-VERSIONS 再改', promisedDays: 9 }, key())).toEqual({
        id,
        version: 2,
      });
      expect(await versionsOf(id)).toHaveLength(2);
      expect(await c.reads().get(admin(), id)).toMatchObject({
        version: 2,
        state: 'DRAFT',
        name: 'T-VERSIONS 再改',
        promisedDays: 9,
      });
      expect(await c.reads().get(PUBLIC_PRINCIPAL, id)).toMatchObject({ version: 1, promisedDays: 10 });
    });

    it('refuses an edit that breaks the content and leaves the draft as it was', async () => {
      await expect(c.powers.update(admin(), id, { promisedDays: 5 }, key())).rejects.toMatchObject({
        extensions: { code: 'VALIDATION_FAILED', field: 'flow' },
      });
      expect(await c.reads().get(admin(), id)).toMatchObject({ version: 2, promisedDays: 9, name: 'T-VERSIONS 再改' });
    });

    it('supersedes version 1 when version 2 is published; version 1 stays readable by id and version', async () => {
      expect(await c.powers.publish(admin(), id, key())).toEqual({ id, version: 2 });
      expect(await c.reads().get(PUBLIC_PRINCIPAL, id)).toMatchObject({
        version: 2,
        state: 'PUBLISHED',
        name: 'T-VERSIONS 再改',
        publishedVersion: 2,
      });
      expect(await c.reads().get(PUBLIC_PRINCIPAL, id, 1)).toMatchObject({
        version: 1,
        state: 'SUPERSEDED',
        name: 'T-VERSIONS 原名',
      });
      expect(await c.reads().get(admin(), id, 1)).toMatchObject({ version: 1, state: 'SUPERSEDED' });
      expect((await versionsOf(id)).map((v) => v.state)).toEqual(['SUPERSEDED', 'PUBLISHED']);
      await expect(c.powers.publish(admin(), id, key())).rejects.toMatchObject({
        extensions: { code: 'NOTHING_TO_PUBLISH' },
      });
      const topics = (
        (await c.ds.query('SELECT topic FROM outbox WHERE aggregate_id = $1 ORDER BY id', [id])) as { topic: string }[]
      ).map((r) => r.topic);
      expect(topics).toEqual(['power.created', 'power.published', 'power.edited', 'power.edited', 'power.published']);
    });

    it('returns the first result for a retried edit and writes no new version', async () => {
      const k = key();
      expect(await c.powers.update(admin(), id, { fees: '按标准收费' }, k)).toEqual({ id, version: 3 });
      expect(await c.powers.update(admin(), id, { fees: '按标准收费' }, k)).toEqual({ id, version: 3 });
      expect(await versionsOf(id)).toHaveLength(3);
      await expect(c.powers.update(admin(), id, { fees: '另一标准' }, k)).rejects.toMatchObject({
        extensions: { code: 'IDEMPOTENCY_KEY_REUSED' },
      });
    });
  });

  describe('risk points', () => {
    let id: string;
    let original: string[];
    beforeAll(async () => {
      id = await createPublished(
        'T-RISKS',
        aPower().inUnit(c.data, COUNTY).withCode('T-RISKS').withRiskPoint(1, 2).withRiskPoint(2),
      );
      original = await riskIds(id, 1);
    });

    it('adds a risk point to a new draft version, keeping the ids of the existing ones', async () => {
      expect(original).toHaveLength(2);
      const added = await c.powers.addItem(
        admin(),
        id,
        'riskPoints',
        { stepNo: 3, level: 3, description: '拨付环节', measures: ['双人复核'] },
        key(),
      );
      expect(added).toMatchObject({ id, version: 2 });
      expect(await riskIds(id, 2)).toEqual([...original, added.itemId].sort());
      expect(await riskIds(id, 1)).toEqual(original);
    });

    it('removes a risk point from the draft in place', async () => {
      const removed = original[0]!;
      expect(await c.powers.removeItem(admin(), id, 'riskPoints', removed, key())).toEqual({ id, version: 2 });
      const left = await riskIds(id, 2);
      expect(left).toHaveLength(2);
      expect(left).not.toContain(removed);
      expect(left).toContain(original[1]);
      expect(await riskIds(id, 1)).toEqual(original);
      await expect(c.powers.removeItem(admin(), id, 'riskPoints', removed, key())).rejects.toMatchObject({
        extensions: { code: 'ITEM_NOT_FOUND', field: 'itemId' },
      });
    });

    it('validates an added risk point like the rest of the content', async () => {
      await expect(
        c.powers.addItem(
          admin(),
          id,
          'riskPoints',
          { stepNo: null, level: 4, description: '越级', measures: ['无'] },
          key(),
        ),
      ).rejects.toMatchObject({
        extensions: { code: 'VALIDATION_FAILED', field: 'riskPoints.2.level' },
      });
      expect(await riskIds(id, 2)).toHaveLength(2);
    });

    it('carries the risk point ids into the next published version', async () => {
      const draft = await riskIds(id, 2);
      await c.powers.publish(admin(), id, key());
      const next = await c.powers.addItem(
        admin(),
        id,
        'efficiencyPoints',
        { stepNo: 1, description: '当场受理', timeLimitDays: 1 },
        key(),
      );
      expect(next.version).toBe(3);
      expect(await riskIds(id, 3)).toEqual(draft);
    });

    // BUG: addItem draws the new item's id outside runIdempotent, so a retry returns a fresh id
    // that was never written instead of the id of the item the first call added.
    it('returns the id of the item it added when the call is retried', async () => {
      const k = key();
      const item = { stepNo: null, level: 2, description: '重试', measures: ['留痕'] };
      const first = await c.powers.addItem(admin(), id, 'riskPoints', item, k);
      const retry = await c.powers.addItem(admin(), id, 'riskPoints', item, k);
      expect(await riskIds(id, first.version)).toContain(first.itemId);
      expect(retry.itemId).toBe(first.itemId);
    });
  });

  describe('retirement', () => {
    let id: string;
    beforeAll(async () => {
      id = await createPublished('T-RETIRE');
    });

    it('refuses a retirement without a real reason', async () => {
      // Inside then(): retire() throws this synchronously (see power.service.spec.ts).
      await expect(Promise.resolve().then(() => c.powers.retire(admin(), id, ' ', key()))).rejects.toMatchObject({
        extensions: { code: 'VALIDATION_FAILED', field: 'reason' },
      });
      expect(await c.reads().get(PUBLIC_PRINCIPAL, id)).toMatchObject({ status: 'PUBLISHED' });
    });

    it('hides a retired power from the public and shows it to staff in scope as RETIRED', async () => {
      expect(await c.powers.retire(admin(), id, '职能调整，事项取消', key())).toEqual({ id, version: 1 });
      await expect(c.reads().get(PUBLIC_PRINCIPAL, id)).rejects.toMatchObject({
        extensions: { code: 'POWER_NOT_FOUND' },
      });
      await expect(c.reads().get(PUBLIC_PRINCIPAL, id, 1)).rejects.toMatchObject({
        extensions: { code: 'POWER_NOT_FOUND' },
      });
      expect(await (await c.reads().list(PUBLIC_PRINCIPAL, undefined, { text: 'T-RETIRE' }, 10)).totalCount()).toBe(0);
      for (const staff of [c.as(Role.INSPECTOR, COUNTY), c.as(Role.ADMIN, '139900000000')]) {
        expect(await c.reads().get(staff, id)).toMatchObject({ id, status: 'RETIRED', version: 1 });
      }
      await expect(c.reads().get(c.as(Role.INSPECTOR, SIBLING), id)).rejects.toMatchObject({
        extensions: { code: 'POWER_NOT_FOUND' },
      });
      expect(await c.ds.query('SELECT retired_reason FROM power WHERE id = $1', [id])).toEqual([
        { retired_reason: '职能调整，事项取消' },
      ]);
      expect(
        await c.count("SELECT count(*) FROM outbox WHERE aggregate_id = $1 AND topic = 'power.retired'", [id]),
      ).toBe(1);
    });

    it('refuses to edit, publish or retire a retired power again', async () => {
      const retired = { extensions: { code: 'POWER_RETIRED', field: 'id' } };
      await expect(c.powers.update(admin(), id, { name: '复活' }, key())).rejects.toMatchObject(retired);
      await expect(
        c.powers.addItem(
          admin(),
          id,
          'riskPoints',
          { stepNo: null, level: 1, description: 'x', measures: ['y'] },
          key(),
        ),
      ).rejects.toMatchObject(retired);
      await expect(c.powers.publish(admin(), id, key())).rejects.toMatchObject(retired);
      await expect(c.powers.retire(admin(), id, '再次取消', key())).rejects.toMatchObject(retired);
      expect(await versionsOf(id)).toHaveLength(1);
    });
  });
});
