import { createHash } from 'node:crypto';
import { CheckpointKind, Role, Tier } from '@sunlight/shared';
import { PowerCategory } from '../power/power-category';
import { BUREAU_CATALOG } from './demo-catalog-bureau';
import { TOWNSHIP_CATALOG, VILLAGE_CATALOG } from './demo-catalog-local';
import { DEMO_LEGAL_ARTICLES } from './demo-legal-articles';
import {
  DEMO_SEED,
  findDemoAccount,
  generateDemoData,
  type DemoCheckpoint,
  type DemoData,
  type DemoPower,
} from './demo-data';

const TIER_ABOVE: Record<Tier, Tier | null> = {
  [Tier.CITY]: null,
  [Tier.COUNTY]: Tier.CITY,
  [Tier.TOWNSHIP]: Tier.COUNTY,
  [Tier.VILLAGE]: Tier.TOWNSHIP,
};
const CODE_PATTERN: Record<Tier, RegExp> = {
  [Tier.CITY]: /^\d{4}0{8}$/,
  [Tier.COUNTY]: /^\d{6}0{6}$/,
  [Tier.TOWNSHIP]: /^\d{9}000$/,
  [Tier.VILLAGE]: /^\d{12}$/,
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[45][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PERSON_ROLES = [Role.CLERK, Role.LEADER, Role.INSPECTOR, Role.ADMIN];

function riskShares(data: DemoData): Record<1 | 2 | 3, number> {
  const levels = data.powers.flatMap((p) => p.riskPoints.map((r) => r.level));
  const share = (level: number) => (100 * levels.filter((l) => l === level).length) / levels.length;
  return { 1: share(1), 2: share(2), 3: share(3) };
}

/** The reasons a checkpoint's params do not fit its kind and flow (empty when they fit). */
function checkpointProblems(power: DemoPower, c: DemoCheckpoint): string[] {
  const p = c.params;
  const problems: string[] = [];
  const fail = (why: string) => problems.push(`${power.unitCode}/${power.code} ${c.kind}: ${why}`);
  if (!power.flow.some((s) => s.stepNo === c.stepNo)) fail(`step ${c.stepNo} does not exist`);
  if (!/《.+》/.test(c.legalBasis) || c.description.length === 0) fail('legal basis or description missing');
  switch (c.kind) {
    case CheckpointKind.REQUIRED_ATTACHMENTS:
      if (c.stepNo !== 1 || !p.attachments?.length || p.attachments.some((a) => a.length === 0)) fail('attachments');
      break;
    case CheckpointKind.PENALTY_RANGE:
      if (
        power.category !== PowerCategory.PENALTY ||
        p.min === undefined ||
        p.max === undefined ||
        !(p.min >= 0 && p.min < p.max)
      )
        fail('penalty range');
      break;
    case CheckpointKind.AMOUNT_LIMIT:
      if (p.field !== 'amount' || !(p.max !== undefined && p.max > 0)) fail('amount limit');
      break;
    case CheckpointKind.CONTRACT_CHANGE_LIMIT:
      if (p.max !== 500000 || p.maxRatio !== 0.2) fail('contract change limit');
      break;
    case CheckpointKind.PAYMENT_WITHIN_PROGRESS:
      if (Object.keys(p).length !== 0) fail('payment params should be empty');
      break;
    case CheckpointKind.MIN_DAYS_BETWEEN_STEPS: {
      const from = power.flow.find((s) => s.stepNo === p.fromStepNo);
      if (!from || from.stepNo >= c.stepNo || !(p.days !== undefined && p.days >= 1 && from.timeLimitDays >= p.days))
        fail('min days');
      break;
    }
  }
  return problems;
}

describe('generateDemoData', () => {
  const data = generateDemoData();
  const unitByCode = new Map(data.units.map((u) => [u.code, u]));
  const departmentById = new Map(data.departments.map((d) => [d.id, d]));
  const postById = new Map(data.posts.map((p) => [p.id, p]));
  const supervisoryOf = (unitCode: string) => data.departments.filter((d) => d.unitCode === unitCode && d.supervisory);

  it('seeds 81 units, 4 accounts per unit plus a clerk per other department, and 480 powers', () => {
    // Issue 16 added two counties (丰禾县, 临湖区) with their townships and villages: 49 units became 81.
    expect(data.units).toHaveLength(81);
    const perTier = (tier: Tier) => data.units.filter((u) => u.tier === tier).length;
    expect([perTier(Tier.CITY), perTier(Tier.COUNTY), perTier(Tier.TOWNSHIP), perTier(Tier.VILLAGE)]).toEqual([
      1, 5, 15, 60,
    ]);
    // 324 = 4 per unit; issue 16 adds a clerk for each non-window, non-supervisory department:
    // 5 in the city and each county (6 x 5), 3 in each township (15 x 3), none in a village
    expect(data.accounts).toHaveLength(324 + 30 + 45);
    // 40 in the city and each county, 12 per township, 1 per village
    expect(data.powers).toHaveLength(6 * 40 + 15 * 12 + 60);
    const expectedPowers: Record<Tier, number> = { CITY: 40, COUNTY: 40, TOWNSHIP: 12, VILLAGE: 1 };
    for (const unit of data.units) {
      expect(data.powers.filter((p) => p.unitCode === unit.code)).toHaveLength(expectedPowers[unit.tier]);
    }
  });

  it('keeps the first 49 units, their accounts (subjects and names) and powers as they were before two counties were added', () => {
    // Scripts and docs rely on today's codes and accounts (city 139900000000, counties 139901000000-139903000000,
    // clerk.139901001000, clerk.<unit>.<dept>): the added counties come after them and draw after them.
    const first = new Set(data.units.slice(0, 49).map((u) => u.code));
    expect([...first].pop()).toBe('139903003004');
    const kept = JSON.stringify({
      units: data.units.filter((u) => first.has(u.code)),
      accounts: data.accounts
        .filter((a) => first.has(a.unitCode))
        .map((a) => [a.subject, a.name, a.role, a.departmentId])
        .sort(),
      powers: data.powers.filter((p) => first.has(p.unitCode)).map((p) => [p.id, p.unitCode, p.code, p.name]),
    });
    // The digest of the same selection from the 49-unit demo (commit 77b2620).
    expect(createHash('sha256').update(kept).digest('hex')).toBe(
      'b6c0a8d1d77d06d99c703907135ff893c2cca59861e5b87d6d8f22681c04ed69',
    );
  });

  it('links every unit to an existing unit of the tier above, by 12-digit codes', () => {
    for (const unit of data.units) {
      expect(unit.code).toMatch(CODE_PATTERN[unit.tier]);
      const above = TIER_ABOVE[unit.tier];
      if (above === null) {
        expect(unit.parentCode).toBeNull();
        continue;
      }
      const parent = unit.parentCode === null ? undefined : unitByCode.get(unit.parentCode);
      expect(parent?.tier).toBe(above);
      expect(unit.code.startsWith(parent?.code.replace(/0+$/, '') ?? '-')).toBe(true);
    }
  });

  it('is deterministic for a seed and varies with the seed', () => {
    expect(generateDemoData(DEMO_SEED)).toEqual(data);
    expect(generateDemoData()).toEqual(data);
    const other = generateDemoData(DEMO_SEED + 1);
    expect(other.units).toEqual(data.units);
    expect(other.powers).not.toEqual(data.powers);
  });

  it('gives every record a unique uuid', () => {
    const ids = [
      ...data.departments.map((d) => d.id),
      ...data.posts.map((p) => p.id),
      ...data.powers.flatMap((p) => [
        p.id,
        ...p.riskPoints.map((r) => r.id),
        ...p.efficiencyPoints.map((e) => e.id),
        ...p.checkpoints.map((c) => c.id),
      ]),
    ];
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps codes unique within their owner', () => {
    const powerKeys = data.powers.map((p) => `${p.unitCode}/${p.code}`);
    expect(new Set(powerKeys).size).toBe(powerKeys.length);
    const departmentKeys = data.departments.map((d) => `${d.unitCode}/${d.code}`);
    expect(new Set(departmentKeys).size).toBe(departmentKeys.length);
    const postKeys = data.posts.map((p) => `${p.departmentId}/${p.code}`);
    expect(new Set(postKeys).size).toBe(postKeys.length);
    expect(data.accounts.map((a) => a.subject)).toEqual(
      expect.arrayContaining(['inspector.139901000000', 'clerk.139901001001']),
    );
    expect(new Set(data.accounts.map((a) => a.subject)).size).toBe(data.accounts.length);
  });

  it('gives every unit a service window first and exactly one supervisory department', () => {
    for (const unit of data.units) {
      const departments = data.departments.filter((d) => d.unitCode === unit.code);
      expect(departments[0]?.supervisory).toBe(false);
      expect(departments[0]?.name).toMatch(/行政审批局|便民服务中心|[村居]民委员会/);
      expect(supervisoryOf(unit.code)).toHaveLength(1);
      for (const department of departments) {
        expect(data.posts.some((p) => p.departmentId === department.id)).toBe(true);
      }
    }
  });

  it('places each account in its unit, clerks at the window and inspectors in the supervisory body', () => {
    for (const unit of data.units) {
      const accounts = data.accounts.filter((a) => a.unitCode === unit.code && !/^clerk\.\d{12}\./.test(a.subject));
      expect(accounts.map((a) => a.role).sort()).toEqual([...PERSON_ROLES].sort());
      for (const account of accounts) {
        expect(account.subject).toBe(`${account.role.toLowerCase()}.${unit.code}`);
        expect(account.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
        const department = account.departmentId === null ? null : departmentById.get(account.departmentId);
        if (account.role === Role.CLERK)
          expect(department).toBe(data.departments.find((d) => d.unitCode === unit.code));
        if (account.role === Role.INSPECTOR) expect(department).toBe(supervisoryOf(unit.code)[0]);
        if (account.role === Role.LEADER || account.role === Role.ADMIN) expect(department).toBeNull();
      }
    }
  });

  it('assigns each power to a department, post and supervisor of its own unit', () => {
    for (const power of data.powers) {
      const department = departmentById.get(power.departmentId);
      expect(department?.unitCode).toBe(power.unitCode);
      expect(department?.supervisory).toBe(false);
      const postIds = [power.postId, ...power.flow.map((s) => s.postId)].filter((id): id is string => id !== null);
      for (const postId of postIds) expect(postById.get(postId)?.departmentId).toBe(power.departmentId);
      expect(power.supervisorDepartmentId).toBe(supervisoryOf(power.unitCode)[0]?.id);
      expect(power.name.length).toBeGreaterThan(0);
      // issue 16: an article only where verified (DEMO_LEGAL_ARTICLES), else the statute alone
      expect(power.legalBasis).toMatch(/^《.+》(第.+条)?$/);
    }
  });

  it('cites only verified articles: 虚假广告 under 《广告法》第五十五条, none invented (issue 16)', () => {
    const advertising = data.powers.filter((p) => p.name === '对发布虚假广告的处罚');
    expect(advertising.length).toBeGreaterThan(0);
    for (const p of advertising) expect(p.legalBasis).toBe('《中华人民共和国广告法》第五十五条');
    const lowIncome = data.powers.filter((p) => p.name === '最低生活保障金给付');
    for (const p of lowIncome) expect(p.legalBasis).toBe('《社会救助暂行办法》第九条');
    const names = new Set([...BUREAU_CATALOG, ...TOWNSHIP_CATALOG, ...VILLAGE_CATALOG].map((t) => t.name));
    expect(Object.keys(DEMO_LEGAL_ARTICLES).filter((name) => !names.has(name))).toEqual([]);
    for (const p of data.powers) {
      const cited = p.legalBasis.replace(/^《.+》/, '');
      expect(cited).toBe(DEMO_LEGAL_ARTICLES[p.name] ?? '');
    }
    // checkpoints citing the power's own statute cite no made-up article either
    for (const p of data.powers) {
      const law = p.legalBasis.replace(/第.+条$/, '');
      for (const c of p.checkpoints)
        if (c.legalBasis.startsWith(law) && c.legalBasis !== '《政府投资条例》第二十一条')
          expect(c.legalBasis).toBe(law);
    }
  });

  it('fits each flow into the promised days, and the promise into the statutory days', () => {
    for (const power of data.powers) {
      expect(power.flow.length).toBeGreaterThanOrEqual(3);
      expect(power.flow.length).toBeLessThanOrEqual(5);
      expect(power.flow.map((s) => s.stepNo)).toEqual(power.flow.map((_, i) => i + 1));
      for (const step of power.flow) expect(step.timeLimitDays).toBeGreaterThanOrEqual(1);
      const total = power.flow.reduce((sum, s) => sum + s.timeLimitDays, 0);
      expect(total).toBeLessThanOrEqual(power.promisedDays);
      expect(power.promisedDays).toBeLessThanOrEqual(power.statutoryDays);
      expect(power.statutoryDays).toBeGreaterThanOrEqual(5);
      expect(power.statutoryDays).toBeLessThanOrEqual(60);
    }
  });

  it('attaches 2-4 risk points and 1-2 efficiency points to existing steps', () => {
    for (const power of data.powers) {
      const stepNos = new Set(power.flow.map((s) => s.stepNo));
      expect(power.riskPoints.length).toBeGreaterThanOrEqual(2);
      expect(power.riskPoints.length).toBeLessThanOrEqual(4);
      for (const risk of power.riskPoints) {
        if (risk.stepNo !== null) expect(stepNos.has(risk.stepNo)).toBe(true);
        expect(risk.measures.length).toBeGreaterThanOrEqual(1);
        expect(risk.measures.length).toBeLessThanOrEqual(3);
      }
      expect(power.efficiencyPoints.length).toBeGreaterThanOrEqual(1);
      expect(power.efficiencyPoints.length).toBeLessThanOrEqual(2);
      for (const point of power.efficiencyPoints)
        if (point.stepNo !== null) expect(stepNos.has(point.stepNo)).toBe(true);
    }
  });

  it.each([DEMO_SEED, 1, 42])('keeps risk levels within 5 points of 23/30/47 per cent (seed %d)', (seed) => {
    const shares = riskShares(seed === DEMO_SEED ? data : generateDemoData(seed));
    expect(Math.abs(shares[1] - 23)).toBeLessThanOrEqual(5);
    expect(Math.abs(shares[2] - 30)).toBeLessThanOrEqual(5);
    expect(Math.abs(shares[3] - 47)).toBeLessThanOrEqual(5);
  });

  it('puts 1-3 checkpoints on existing steps with params that fit their kind', () => {
    const problems: string[] = [];
    for (const power of data.powers) {
      expect(power.checkpoints.length).toBeGreaterThanOrEqual(1);
      expect(power.checkpoints.length).toBeLessThanOrEqual(3);
      for (const checkpoint of power.checkpoints) problems.push(...checkpointProblems(power, checkpoint));
      if (power.category === PowerCategory.PENALTY) {
        expect(power.checkpoints.some((c) => c.kind === CheckpointKind.PENALTY_RANGE)).toBe(true);
      }
    }
    expect(problems).toEqual([]);
    const kinds = new Set(data.powers.flatMap((p) => p.checkpoints.map((c) => c.kind)));
    expect([...kinds].sort()).toEqual(Object.values(CheckpointKind).sort());
  });

  it('finds the seeded account of a role at a unit', () => {
    const inspector = findDemoAccount(data, Role.INSPECTOR, '139901000000');
    expect(inspector).toMatchObject({
      subject: 'inspector.139901000000',
      role: Role.INSPECTOR,
      unitCode: '139901000000',
    });
    expect(inspector?.departmentId).toBe(supervisoryOf('139901000000')[0]?.id);
    expect(findDemoAccount(data, Role.INSPECTOR, '139999000000')).toBeUndefined();
    expect(findDemoAccount(data, Role.PUBLIC, '139901000000')).toBeUndefined();
  });
});
