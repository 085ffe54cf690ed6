import { canSeeAlert } from './alert-audience';
import { Role } from './role';

const card = {
  kind: 'CARD',
  unitCode: '139901002001',
  accusedUnit: null,
  accusedDepartment: null,
  againstLeadership: false,
};
const complaint = {
  kind: 'COMPLAINT_OVERDUE',
  unitCode: '139901000000',
  accusedUnit: '139901002000',
  accusedDepartment: null,
  againstLeadership: true,
};

describe('canSeeAlert', () => {
  it('lets inspectors and leaders above a unit see its case alerts, nobody else', () => {
    expect(canSeeAlert({ subject: 'i', role: Role.INSPECTOR, unit: '139901000000' }, card)).toBe(true);
    expect(canSeeAlert({ subject: 'l', role: Role.LEADER, unit: '139901002000' }, card)).toBe(true);
    expect(canSeeAlert({ subject: 'c', role: Role.CLERK, unit: '139901002001' }, card)).toBe(false);
    expect(canSeeAlert({ subject: 'i2', role: Role.INSPECTOR, unit: '139902000000' }, card)).toBe(false);
    expect(canSeeAlert({ subject: 'p', role: Role.PUBLIC }, card)).toBe(false);
  });

  it('keeps complaint alerts from leaders and from the accused leadership', () => {
    expect(canSeeAlert({ subject: 'i', role: Role.INSPECTOR, unit: '139901000000' }, complaint)).toBe(true);
    expect(canSeeAlert({ subject: 'l', role: Role.LEADER, unit: '139901000000' }, complaint)).toBe(false);
    expect(
      canSeeAlert(
        { subject: 'ti', role: Role.INSPECTOR, unit: '139901002000' },
        { ...complaint, unitCode: '139901002000' },
      ),
    ).toBe(false);
    expect(
      canSeeAlert(
        { subject: 'd', role: Role.INSPECTOR, unit: '139901000000', department: 'dep' },
        { ...complaint, againstLeadership: false, accusedUnit: '139901000000', accusedDepartment: 'dep' },
      ),
    ).toBe(false);
  });
});
