import { Role, type Principal } from '@sunlight/shared';
import { openSeededCatalog, type SeededCatalog } from '../testing/seeded-catalog';

const COUNTY = '139901000000';
const OTHER_COUNTY = '139902000000';

interface Ref {
  powerId: string;
  version: number;
  stepNo: number;
}
interface Shown {
  stepNo: number | null;
  level: number;
  colour: string;
  description: string;
  measures: string[];
}

describe('StepRiskHints references (the risk points a case shows at its current step)', () => {
  let c: SeededCatalog;
  let ref: Ref;
  beforeAll(async () => {
    c = await openSeededCatalog();
    // A published county power with a risk point on a step and one on the power as a whole.
    const [row] = (await c.ds.query(
      `SELECT s.power_id AS "powerId", s.version, s.step_no AS "stepNo"
         FROM risk_point s JOIN power p ON p.id = s.power_id AND p.published_version = s.version
        WHERE p.unit_code = $1 AND s.step_no IS NOT NULL
          AND EXISTS (SELECT 1 FROM risk_point w WHERE w.power_id = s.power_id AND w.version = s.version AND w.step_no IS NULL)
        ORDER BY s.power_id LIMIT 1`,
      [COUNTY],
    )) as Ref[];
    if (!row) throw new Error('the demo catalog has no county power with step and power-wide risk points');
    ref = row;
  });
  afterAll(() => c.close());

  const resolve = async (principal: Principal, r: Ref) => {
    const result = await c.execute(
      principal,
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on StepRiskHints { powerId version stepNo riskPoints { stepNo level colour description measures } } } }`,
      { r: [{ __typename: 'StepRiskHints', ...r }] },
    );
    expect(result.errors).toBeUndefined();
    return (result.data?.['_entities'] as ({ riskPoints: Shown[] } | null)[])[0];
  };

  it('gives the risk points of that step and of the power as a whole, in that version, highest level first', async () => {
    const expected = (await c.ds.query(
      `SELECT step_no AS "stepNo", level, description, measures FROM risk_point
        WHERE power_id = $1 AND version = $2 AND (step_no = $3 OR step_no IS NULL) ORDER BY level, id`,
      [ref.powerId, ref.version, ref.stepNo],
    )) as Omit<Shown, 'colour'>[];
    const hints = await resolve(c.as(Role.CLERK, COUNTY), ref);
    expect(hints).toEqual({
      ...ref,
      riskPoints: expected.map((p) => ({ ...p, colour: ['RED', 'ORANGE', 'YELLOW'][p.level - 1] })),
    });
    expect(hints?.riskPoints.some((p) => p.stepNo === null)).toBe(true);
    expect(hints?.riskPoints.every((p) => p.stepNo === null || p.stepNo === ref.stepNo)).toBe(true);
  });

  it('resolves to null for a caller who cannot see the power, or for a version that does not exist', async () => {
    expect(await resolve(c.as(Role.CLERK, OTHER_COUNTY), ref)).toBeNull();
    expect(await resolve(c.as(Role.CLERK, COUNTY), { ...ref, version: ref.version + 50 })).toBeNull();
  });
});
