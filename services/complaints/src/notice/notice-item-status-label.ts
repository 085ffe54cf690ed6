/** A notice item's status as a refusal states it (zh-CN): `第2项整改事项已通过审核`. */
export function noticeItemStatusLabel(status: string): string {
  const labels: Record<string, string> = {
    PENDING: '尚待整改',
    ANSWERED: '已报告整改情况，待审核',
    RETURNED: '已退回重新整改',
    ACCEPTED: '已通过审核',
  };
  return labels[status] ?? `状态为 ${status}`;
}
