import { buildDemoAccounts, findDemoAccount } from './demo-accounts';
import { buildDemoPowers } from './demo-powers';
import { DemoRandom } from './demo-random';
import type { DemoData } from './demo-types';
import { buildDemoUnits, DemoOrganization } from './demo-units';

export type {
  DemoAccount,
  DemoCheckpoint,
  DemoData,
  DemoDepartment,
  DemoEfficiencyPoint,
  DemoFlowStep,
  DemoPost,
  DemoPower,
  DemoRiskPoint,
  DemoUnit,
} from './demo-types';
export { findDemoAccount };

/** The default seed: the same seed always gives the same data, ids included. */
export const DEMO_SEED = 20261122;

/**
 * Demo data for the fictional 清源市: 81 units (city, 5 counties, 15 townships, 60 villages), their
 * departments and posts, one CLERK/LEADER/INSPECTOR/ADMIN account per unit and about 300 powers
 * with flows, risk points, efficiency points and checkpoints. Pure and deterministic.
 */
export function generateDemoData(seed: number = DEMO_SEED): DemoData {
  const units = buildDemoUnits();
  const org = new DemoOrganization(units);
  const accounts = buildDemoAccounts(units, org, DemoRandom.fork(seed, 'accounts'));
  const powers = buildDemoPowers(units, org, seed);
  return { units, departments: org.departments, posts: org.posts, accounts, powers };
}
