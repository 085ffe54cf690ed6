import { Role } from '@sunlight/shared';
import { generateDemoData } from './demo-data';
import { demoPrincipal, DemoPrincipalError } from './demo-principal';

const TOWNSHIP = '139901001000';

describe('demoPrincipal', () => {
  const data = generateDemoData();
  const finance = data.departments.find((d) => d.unitCode === TOWNSHIP && d.code === 'CZS')!;

  it('keeps the window clerk as the default clerk', () => {
    const { principal } = demoPrincipal(data, { role: Role.CLERK, unit: TOWNSHIP });
    expect(principal.subject).toBe(`clerk.${TOWNSHIP}`);
    expect(principal.department).toBe(data.departments.find((d) => d.unitCode === TOWNSHIP)!.id);
    expect(principal.post).toBeUndefined();
  });

  it('gives the clerk of a department by code or name, with a post of that department', () => {
    const byCode = demoPrincipal(data, { role: Role.CLERK, unit: TOWNSHIP, department: 'czs', post: 'SH' });
    expect(byCode.principal).toMatchObject({
      subject: `clerk.${TOWNSHIP}.CZS`,
      unit: TOWNSHIP,
      department: finance.id,
    });
    expect(byCode.principal.post).toBe(data.posts.find((p) => p.departmentId === finance.id && p.code === 'SH')!.id);
    expect(demoPrincipal(data, { role: Role.CLERK, unit: TOWNSHIP, department: '财政所' }).account).toBe(
      byCode.account,
    );
  });

  it('refuses what the demo does not have, saying what it has', () => {
    expect(() => demoPrincipal(data, { role: Role.CLERK, unit: TOWNSHIP, department: 'XYZ' })).toThrow(
      /no department "XYZ".*CZS \(财政所\)/,
    );
    expect(() => demoPrincipal(data, { role: Role.CLERK, unit: TOWNSHIP, department: 'JW' })).toThrow(
      DemoPrincipalError,
    );
    expect(() => demoPrincipal(data, { role: Role.CLERK, unit: TOWNSHIP, department: 'CZS', post: 'ZF' })).toThrow(
      /财政所 of unit 139901001000 has no post "ZF"; its posts are SL \(受理岗\)/,
    );
    expect(() => demoPrincipal(data, { role: Role.LEADER, unit: TOWNSHIP, department: 'CZS' })).toThrow(
      /for CLERK tokens/,
    );
    expect(() => demoPrincipal(data, { role: Role.CLERK, unit: '139999999999' })).toThrow(/no demo CLERK/);
  });

  it('has a clerk for every non-supervisory department of every unit', () => {
    for (const d of data.departments.filter((x) => !x.supervisory)) {
      const clerks = data.accounts.filter((a) => a.role === Role.CLERK && a.departmentId === d.id);
      expect(clerks).toHaveLength(1);
    }
  });
});
