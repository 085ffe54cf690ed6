import type { AppError } from '../errors/app-error';
import { Role } from './role';
import { scope } from './scope';

function refusal(run: () => void): { code: unknown; message: string } {
  try {
    run();
  } catch (e) {
    return { code: (e as AppError).extensions['code'], message: (e as AppError).message };
  }
  throw new Error('expected a refusal');
}

describe('scope refusals read zh-CN with English codes', () => {
  const clerk = { subject: 'u1', role: Role.CLERK, unit: '139901000000' };

  it('names the role refused, the action and the roles that may act', () => {
    expect(refusal(() => scope.assertRole(clerk, [Role.INSPECTOR, Role.LEADER], '查看预警'))).toEqual({
      code: 'FORBIDDEN',
      message: '经办人员无权查看预警，须由纪检监察人员或单位领导办理',
    });
    expect(refusal(() => scope.assertRole(clerk, [Role.INSPECTOR, Role.LEADER, Role.ADMIN], '处置预警')).message).toBe(
      '经办人员无权处置预警，须由纪检监察人员、单位领导或系统管理员办理',
    );
  });

  it('asks the public to sign in, and names a unit outside the scope', () => {
    expect(
      refusal(() => scope.assertRole({ subject: 'public', role: Role.PUBLIC }, [Role.ADMIN], '管理权力清单')),
    ).toEqual({
      code: 'UNAUTHENTICATED',
      message: '请先登录再管理权力清单',
    });
    expect(refusal(() => scope.assertCanRead(clerk, '139902000000'))).toEqual({
      code: 'OUT_OF_SCOPE',
      message: '单位 139902000000 不在您的管辖范围内',
    });
  });
});
