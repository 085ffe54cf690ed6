/** Chinese messages for the API's stable error codes (extensions.code); the code stays in English. */
const MESSAGES: Record<string, string> = {
  BAD_INPUT: '输入有误，请检查后重试。',
  BAD_USER_INPUT: '输入有误，请检查后重试。',
  VALIDATION_FAILED: '输入有误，请检查标红的字段。',
  BAD_CURSOR: '分页位置已失效，请回到第一页。',
  BAD_REQUEST: '请求无效。',
  NOT_FOUND: '未找到相关信息，请核对后重试。',
  FORBIDDEN: '您无权查看或办理此项。',
  OUT_OF_SCOPE: '此项不在您的管辖范围内。',
  UNAUTHENTICATED: '请先登录。',
  TOKEN_EXPIRED: '登录已过期，请重新登录。',
  RATE_LIMITED: '查询过于频繁，请稍后再试。',
  CONFLICT: '数据已被他人修改，请刷新后重试。',
  UNAVAILABLE: '服务暂时不可用，请稍后再试。',
  PAYLOAD_TOO_LARGE: '提交的内容过大。',
  ATTACHMENT_TOO_LARGE: '附件过大。',
  QUERY_TOO_COSTLY: '查询范围过大，请缩小条件。',
  QUERY_TOO_DEEP: '查询范围过大，请缩小条件。',
  TOO_MANY_ALIASES: '查询范围过大，请缩小条件。',
  INTERNAL_SERVER_ERROR: '系统内部错误，请稍后再试。',
  NETWORK: '网络连接失败，请检查网络后重试。',
  CASE_NOT_FOUND: '未找到该办件，请核对办件编号和查询码。',
  POWER_NOT_FOUND: '未找到该权力事项，可能已调整或下线。',
  UNIT_NOT_FOUND: '未找到该单位。',
  COMPLAINT_NOT_FOUND: '未找到该投诉，请核对编号和查询码。',
  CASE_CLOSED: '该办件已办结或已撤回。',
  ALREADY_RATED: '该环节已评价过，感谢您的参与。',
  ACCOUNT_DISABLED: '该账号已停用，请联系管理员。',
  ACCOUNT_LOCKED: '登录失败次数过多，账号已暂时锁定，请稍后再试。',
  CLIENT_LOCKED: '登录失败次数过多，请稍后再试。',
};

/** The message shown for an error code; unknown codes get a general message, never English text. */
export function messageFor(code: string | undefined): string {
  if (code && MESSAGES[code]) return MESSAGES[code];
  if (code?.endsWith('_NOT_FOUND')) return MESSAGES['NOT_FOUND']!;
  return '操作失败，请稍后再试。';
}
