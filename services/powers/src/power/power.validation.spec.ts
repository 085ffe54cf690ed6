import { CheckpointKind, type CheckpointParams } from '@sunlight/shared';
import { generateDemoData } from '../demo/demo-data';
import { aPower } from '../testing/power-input.builder';
import type { Department } from '../unit/department.entity';
import type { Post } from '../unit/post.entity';
import type { PowerContent } from './power-content';
import { powerContentOf } from './power-content-of';
import { validatePowerContent, type UnitDirectory } from './power.validation';

const UNIT = '139901000000';
const data = generateDemoData();

const directory: UnitDirectory = {
  departments: new Map(
    data.departments.filter((d) => d.unitCode === UNIT).map((d): [string, Department] => [d.id, { ...d }]),
  ),
  posts: new Map(data.posts.filter((p) => directoryHas(p.departmentId)).map((p): [string, Post] => [p.id, { ...p }])),
};

function directoryHas(departmentId: string): boolean {
  return data.departments.some((d) => d.id === departmentId && d.unitCode === UNIT);
}

/** Valid content of a 3-step power with one checkpoint of `kind` on `stepNo`. */
function contentWith(kind: CheckpointKind, params: CheckpointParams, stepNo = 3): PowerContent {
  const input = aPower().inUnit(data, UNIT).withFlow(2, 3, 3).build();
  return {
    ...powerContentOf(input),
    fees: '',
    checkpoints: [{ id: 'c1', stepNo, kind, params, legalBasis: '《测试条例》第三条', description: '' }],
  };
}

/** The fields validation complains about (empty when the content is valid). */
function problemsOf(content: PowerContent): string[] {
  try {
    validatePowerContent(content, directory);
    return [];
  } catch (e) {
    expect(e).toMatchObject({ extensions: { code: 'VALIDATION_FAILED' } });
    return (e as { extensions: { problems: { field: string }[] } }).extensions.problems.map((p) => p.field);
  }
}

const P = 'checkpoints.0.params';

describe('validatePowerContent: checkpoint params', () => {
  it('accepts the builder’s content as it is', () => {
    expect(problemsOf(contentWith(CheckpointKind.PAYMENT_WITHIN_PROGRESS, {}))).toEqual([]);
    expect(directory.departments.size).toBe(7);
  });

  type Case = [string, CheckpointParams, string[]];
  const table: Record<CheckpointKind, Case[]> = {
    [CheckpointKind.REQUIRED_ATTACHMENTS]: [
      ['named materials', { attachments: ['申请表', '身份证明'] }, []],
      ['no list', {}, [`${P}.attachments`]],
      ['an empty list', { attachments: [] }, [`${P}.attachments`]],
      ['a blank name', { attachments: ['申请表', '  '] }, [`${P}.attachments`]],
    ],
    [CheckpointKind.AMOUNT_LIMIT]: [
      ['a field and a maximum', { field: 'amount', max: 8000 }, []],
      ['no field', { max: 8000 }, [`${P}.field`]],
      ['a field that is not a name', { field: '1amount', max: 8000 }, [`${P}.field`]],
      ['a zero maximum', { field: 'amount', max: 0 }, [`${P}.max`]],
      ['an infinite maximum', { field: 'amount', max: Infinity }, [`${P}.max`]],
      ['nothing', {}, [`${P}.field`, `${P}.max`]],
    ],
    [CheckpointKind.PAYMENT_WITHIN_PROGRESS]: [['no params', {}, []]],
    [CheckpointKind.CONTRACT_CHANGE_LIMIT]: [
      ['a maximum and a share', { max: 500000, maxRatio: 0.2 }, []],
      ['a share of exactly 1', { max: 500000, maxRatio: 1 }, []],
      ['a share above 1', { max: 500000, maxRatio: 1.2 }, [`${P}.maxRatio`]],
      ['a zero share', { max: 500000, maxRatio: 0 }, [`${P}.maxRatio`]],
      ['a negative maximum', { max: -1, maxRatio: 0.2 }, [`${P}.max`]],
      ['nothing', {}, [`${P}.max`, `${P}.maxRatio`]],
    ],
    [CheckpointKind.PENALTY_RANGE]: [
      ['a range from zero', { min: 0, max: 500 }, []],
      ['a single amount', { min: 200, max: 200 }, []],
      ['min above max', { min: 500, max: 100 }, [`${P}.max`]],
      ['a negative min', { min: -1, max: 100 }, [`${P}.min`]],
      ['no min', { max: 100 }, [`${P}.min`]],
      ['a zero max', { min: 0, max: 0 }, [`${P}.max`]],
    ],
    [CheckpointKind.MIN_DAYS_BETWEEN_STEPS]: [
      ['an earlier step and whole days', { fromStepNo: 1, days: 2 }, []],
      ['the step itself', { fromStepNo: 3, days: 2 }, [`${P}.fromStepNo`]],
      ['a later step', { fromStepNo: 4, days: 2 }, [`${P}.fromStepNo`]],
      ['step 0', { fromStepNo: 0, days: 2 }, [`${P}.fromStepNo`]],
      ['zero days', { fromStepNo: 1, days: 0 }, [`${P}.days`]],
      ['part of a day', { fromStepNo: 1, days: 1.5 }, [`${P}.days`]],
      ['nothing', {}, [`${P}.fromStepNo`, `${P}.days`]],
    ],
  };

  describe.each(Object.entries(table) as [CheckpointKind, Case[]][])('%s', (kind, cases) => {
    it.each(cases)('with %s', (_name, params, fields) => {
      expect(problemsOf(contentWith(kind, params))).toEqual(fields);
    });
  });

  it('refuses MIN_DAYS_BETWEEN_STEPS on the first step, which has no earlier one', () => {
    expect(problemsOf(contentWith(CheckpointKind.MIN_DAYS_BETWEEN_STEPS, { fromStepNo: 1, days: 1 }, 1))).toEqual([
      `${P}.fromStepNo`,
    ]);
  });

  // BUG (minor): fromStepNo is compared but never checked to be a whole number, unlike `days`.
  it('refuses a fromStepNo that is not a step number', () => {
    expect(problemsOf(contentWith(CheckpointKind.MIN_DAYS_BETWEEN_STEPS, { fromStepNo: 1.5, days: 1 }))).toEqual([
      `${P}.fromStepNo`,
    ]);
  });

  it('refuses a checkpoint on a step the flow lacks, and one without a legal basis', () => {
    const content = contentWith(CheckpointKind.PAYMENT_WITHIN_PROGRESS, {}, 4);
    content.checkpoints.push({
      id: 'c2',
      stepNo: 1,
      kind: CheckpointKind.PAYMENT_WITHIN_PROGRESS,
      params: {},
      legalBasis: ' ',
      description: '',
    });
    expect(problemsOf(content)).toEqual(['checkpoints.0.stepNo', 'checkpoints.1.legalBasis']);
  });

  it('names the position of the faulty checkpoint in the path', () => {
    const content = contentWith(CheckpointKind.PAYMENT_WITHIN_PROGRESS, {});
    content.checkpoints.push({
      id: 'c2',
      stepNo: 2,
      kind: CheckpointKind.PENALTY_RANGE,
      params: { min: 9, max: 1 },
      legalBasis: '《测试条例》第四条',
      description: '',
    });
    expect(problemsOf(content)).toEqual(['checkpoints.1.params.max']);
  });
});
