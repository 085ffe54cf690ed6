/**
 * `createPower`'s input for the power the benches file their cases under: a confirmation of three
 * steps (受理 2, 审查 3, 决定 2 working days) in 20 statutory and 10 promised days, handled by
 * `departmentId` of `unitCode`.
 */
export function benchPowerInput(power: {
  unitCode: string;
  code: string;
  departmentId: string | null;
  legalBasis: string;
}): Record<string, unknown> {
  return {
    unitCode: power.unitCode,
    code: power.code,
    name: '压测事项',
    category: 'CONFIRMATION',
    legalBasis: power.legalBasis,
    departmentId: power.departmentId,
    statutoryDays: 20,
    promisedDays: 10,
    flow: [
      { name: '受理', timeLimitDays: 2 },
      { name: '审查', timeLimitDays: 3 },
      { name: '决定', timeLimitDays: 2 },
    ],
  };
}
