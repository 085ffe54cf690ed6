import { Role } from './role';

/** The name of a role as officials and citizens read it (zh-CN), e.g. in a refusal. */
export function roleLabel(role: Role): string {
  switch (role) {
    case Role.CLERK:
      return '经办人员';
    case Role.LEADER:
      return '单位领导';
    case Role.INSPECTOR:
      return '纪检监察人员';
    case Role.ADMIN:
      return '系统管理员';
    case Role.SCREEN:
      return '大屏账号';
    case Role.PUBLIC:
      return '公众';
    case Role.SERVICE:
      return '系统服务';
  }
}
