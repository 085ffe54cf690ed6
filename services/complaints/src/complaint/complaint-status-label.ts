/** A complaint's status as officials read it in a refusal (zh-CN); an unknown status shows as is. */
export function complaintStatusLabel(status: string): string {
  const labels: Record<string, string> = {
    RECEIVED: '待受理',
    TRANSFERRED: '已转办待受理',
    ACCEPTED: '已受理',
    INVESTIGATING: '调查核实中',
    CONCLUDED: '已办结',
    FEEDBACK_GIVEN: '已反馈',
  };
  return labels[status] ?? status;
}
