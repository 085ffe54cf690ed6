import { Tier, unitCode } from '@sunlight/shared';
import { BUREAU_CATALOG } from './demo-catalog-bureau';
import { TOWNSHIP_CATALOG, VILLAGE_CATALOG } from './demo-catalog-local';
import { generateDemoData } from './demo-data';
import { DEMO_PRINCIPAL_LEADER_POWERS } from './demo-principal-leader';

describe('一把手 powers of the demo (issue 16)', () => {
  const data = generateDemoData();
  const marked = data.powers.filter((p) => p.principalLeader);

  it('names only templates the catalogs hold', () => {
    const names = new Set([...BUREAU_CATALOG, ...TOWNSHIP_CATALOG, ...VILLAGE_CATALOG].map((t) => t.name));
    for (const name of Object.keys(DEMO_PRINCIPAL_LEADER_POWERS)) expect(names).toContain(name);
  });

  it('marks exactly the powers of the kinds seed 001 counts, at every tier, in a share near the seed’s 65 of 492', () => {
    for (const p of data.powers) expect(p.principalLeader).toBe(DEMO_PRINCIPAL_LEADER_POWERS[p.name] !== undefined);
    const tiers = new Set(marked.map((p) => unitCode.tierOf(p.unitCode)));
    expect(tiers.has(Tier.TOWNSHIP) && tiers.has(Tier.VILLAGE)).toBe(true);
    expect(tiers.has(Tier.CITY) || tiers.has(Tier.COUNTY)).toBe(true);
    const share = marked.length / data.powers.length;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.25);
  });

  it('gives each marked power to its department’s head (负责人) as responsible post', () => {
    const posts = new Map(data.posts.map((p) => [p.id, p]));
    for (const p of marked) {
      const post = posts.get(p.postId ?? '');
      expect(post).toMatchObject({ departmentId: p.departmentId, code: 'FZR', name: '负责人' });
    }
  });
});
