import { generateDemoData, powerCode, type DemoData } from '@sunlight/powers';
import { Tier, unitCode } from '@sunlight/shared';
import { QuotedText } from './bulk-writer';
import type { CatalogPower } from './catalog-power';
import { apportion, type CityTree, type CityUnit } from './city-units';
import type { Organization } from './organization';
import { powerSnapshotJson } from './power-snapshot';
import { hash32, type Random } from './random';
import { stableId } from './stable-id';

type DemoPower = DemoData['powers'][number];

/** Demo catalogs drawn to copy powers from: more draws, more variety of flows and texts. */
const TEMPLATE_DRAWS = 6;
/** Share of all powers held by the city and counties, the townships, the villages. */
const TIER_SHARE = { bureau: 0.6, township: 0.16, village: 0.24 };
/** How much a category is used: confirmations and licences are filed every day, adjudications rarely (the demo history weighs its catalog so too). */
export const CATEGORY_USE: Record<string, number> = {
  LICENSING: 3,
  CONFIRMATION: 4,
  BENEFIT: 2.5,
  PENALTY: 0.8,
  INSPECTION: 1,
  COERCION: 0.2,
  LEVY: 1,
  REWARD: 0.15,
  ADJUDICATION: 0.15,
  OTHER: 0.6,
};
/** Short flows dominate real volumes (and keep the trace near four events per case). */
const FLOW_USE: Record<number, number> = { 3: 24, 4: 1, 5: 0.3 };
const QUALIFIERS: Record<string, string[]> = {
  LICENSING: [
    '（新办）',
    '（变更）',
    '（延续）',
    '（注销）',
    '（补办）',
    '（告知承诺制）',
    '（跨区域通办）',
    '（容缺受理）',
  ],
  PENALTY: ['（一般情节）', '（较重情节）', '（严重情节）', '（首次违法）', '（再次违法）'],
  INSPECTION: ['（日常检查）', '（专项检查）', '（双随机抽查）', '（投诉核查）'],
  CONFIRMATION: ['（首次办理）', '（变更）', '（补证）', '（注销）'],
  BENEFIT: ['（新申请）', '（复核）', '（调整标准）', '（停发恢复）'],
};

interface Template {
  power: DemoPower;
  departmentCode: string;
  postCodes: Map<string, { department: string; post: string }>;
}

/** Powers of the demo catalogs by the tier of the unit that published them. */
function templates(seed: number): Record<'bureau' | 'township' | 'village', Template[]> {
  const out: Record<'bureau' | 'township' | 'village', Template[]> = { bureau: [], township: [], village: [] };
  for (let k = 0; k < TEMPLATE_DRAWS; k++) {
    const demo = generateDemoData(hash32(seed, 'demo-catalog', k));
    const deptCode = new Map(demo.departments.map((d) => [d.id, d.code]));
    const postCodes = new Map(
      demo.posts.map((p) => [p.id, { department: deptCode.get(p.departmentId)!, post: p.code }]),
    );
    for (const power of demo.powers) {
      const tier = unitCode.tierOf(power.unitCode);
      const key = tier === Tier.TOWNSHIP ? 'township' : tier === Tier.VILLAGE ? 'village' : 'bureau';
      out[key].push({ power, departmentCode: deptCode.get(power.departmentId)!, postCodes });
    }
  }
  return out;
}

/**
 * The demo builder lets a publicity checkpoint (MIN_DAYS_BETWEEN_STEPS) demand more working days of
 * the step after the notice than that step's own limit, so every case of such a power would end up
 * overdue. The copy gives that step room (the rule's days plus two) and lifts the promised and
 * statutory limits to cover the flow, as the powers service's validation requires.
 */
function fitPublicityStep(p: CatalogPower): void {
  const oldPromised = p.promisedDays;
  const oldStatutory = p.statutoryDays;
  for (const c of p.checkpoints) {
    if (c.kind !== 'MIN_DAYS_BETWEEN_STEPS' || c.params.days === undefined) continue;
    const step = p.flow[c.stepNo - 1];
    if (!step || step.timeLimitDays >= c.params.days + 2) continue;
    step.timeLimitDays = c.params.days + 2;
    for (const e of p.efficiencyPoints) {
      if (e.stepNo === step.stepNo)
        Object.assign(e, {
          description: `${step.name}环节${step.timeLimitDays}个工作日内完成`,
          timeLimitDays: step.timeLimitDays,
        });
    }
  }
  const total = p.flow.reduce((a, s) => a + s.timeLimitDays, 0);
  p.promisedDays = Math.max(p.promisedDays, total);
  p.statutoryDays = Math.max(p.statutoryDays, p.promisedDays);
  if (p.promisedDays === oldPromised && p.statutoryDays === oldStatutory) return;
  for (const e of p.efficiencyPoints) {
    if (e.stepNo === null && e.timeLimitDays === oldPromised) {
      Object.assign(e, {
        description: `办理时限由法定${p.statutoryDays}个工作日压缩至${p.promisedDays}个工作日`,
        timeLimitDays: p.promisedDays,
      });
    }
  }
}

/** A copy of a demo power published by `unit`, its departments and posts mapped by code. */
function copyPower(
  t: Template,
  unit: CityUnit,
  code: string,
  name: string,
  org: Organization,
  random: Random,
): CatalogPower {
  const id = stableId('power', unit.code, code);
  const department = org.department(unit.code, t.departmentCode) ?? org.serviceDepartment(unit.code);
  const postOf = (postId: string | null): string | null => {
    if (postId === null) return null;
    const ref = t.postCodes.get(postId);
    const dept = ref && org.department(unit.code, ref.department);
    return (dept && org.postsOf(dept.id).find((p) => p.code === ref.post)?.id) ?? null;
  };
  const d = t.power;
  const p: CatalogPower = {
    id,
    unitCode: unit.code,
    code,
    name,
    category: d.category,
    legalBasis: d.legalBasis,
    departmentId: department.id,
    postId: postOf(d.postId),
    conditions: d.conditions,
    fees: d.fees,
    statutoryDays: d.statutoryDays,
    promisedDays: d.promisedDays,
    supervisorDepartmentId: org.supervisoryDepartment(unit.code).id,
    principalLeader: d.principalLeader,
    // Copies of the demo power's items: posts mapped, fresh stable ids, nothing shared.
    flow: d.flow.map((s) => ({ ...s, postId: postOf(s.postId) })),
    riskPoints: d.riskPoints.map((r, i) => ({ ...r, id: stableId('risk', id, i + 1), measures: [...r.measures] })),
    efficiencyPoints: d.efficiencyPoints.map((e, i) => ({ ...e, id: stableId('efficiency', id, i + 1) })),
    checkpoints: d.checkpoints.map((c, i) => ({
      ...c,
      id: stableId('checkpoint', id, i + 1),
      params: structuredClone(c.params),
    })),
    weight: 0,
    snapshotText: new QuotedText(''),
  };
  fitPublicityStep(p);
  p.weight = (CATEGORY_USE[p.category] ?? 1) * (FLOW_USE[p.flow.length] ?? 0.3) * Math.exp(1.1 * random.normal());
  p.snapshotText = new QuotedText(powerSnapshotJson(p));
  return p;
}

function tierKey(u: CityUnit): 'bureau' | 'township' | 'village' {
  return u.tier === Tier.TOWNSHIP ? 'township' : u.tier === Tier.VILLAGE ? 'village' : 'bureau';
}

/**
 * The published catalogs of every unit, copied from the demo catalogs (their flows, risk points
 * in the seeds' 358:472:727 proportions, efficiency points and checkpoints): many powers at the
 * city and county bureaus, a few dozen per township, one to a few per village.
 */
export function buildCatalog(
  tree: CityTree,
  org: Organization,
  total: number,
  seed: number,
  random: Random,
): CatalogPower[] {
  const pool = templates(seed);
  const powers: CatalogPower[] = [];
  for (const key of ['bureau', 'township', 'village'] as const) {
    const units = tree.units.filter((u) => tierKey(u) === key);
    const counts = apportion(
      Math.round(total * TIER_SHARE[key]),
      units.map(() => 0.6 + 0.8 * random.next()),
      1,
    );
    units.forEach((unit, i) => {
      const numbers = new Map<string, number>();
      const names = new Set<string>();
      let deck: Template[] = [];
      for (let n = 0; n < counts[i]!; n++) {
        if (deck.length === 0) deck = random.shuffle(pool[key]);
        const t = deck.pop()!;
        const category = t.power.category;
        const no = (numbers.get(category) ?? 0) + 1;
        numbers.set(category, no);
        let name = t.power.name;
        for (const q of QUALIFIERS[category] ?? []) {
          if (!names.has(name)) break;
          name = t.power.name + q;
        }
        for (let k = 2; names.has(name); k++) name = `${t.power.name}（第${k}项）`;
        names.add(name);
        powers.push(copyPower(t, unit, powerCode(category, no), name, org, random));
      }
    });
  }
  return powers;
}
