import { Tier } from '@sunlight/shared';
import type { Client } from 'pg';
import type { CityTree, CityUnit } from './city-units';
import type { Random } from './random';
import { DAY_MS, dayDate, dayOf } from './time-window';
import type { WorkingDays } from './working-days';

/** When notices are issued: about every other month, and one in the last fortnight (still open). */
const ISSUED_DAYS_AGO = [330, 270, 210, 150, 90, 40, 12];
const ISSUES = [
  {
    title: '关于办件超期问题的检查建议书',
    body: '经电子监察系统核查，你单位部分行政权力事项办件超过承诺时限，存在“红黄牌”预警未及时处置的情况。请对照所列事项认真整改，并按期报告整改情况。',
    items: ['逐件核查超期办件原因，明确责任人', '完善限时办结和超期预警处置制度', '对相关承办人员开展提醒谈话'],
  },
  {
    title: '关于群众满意度偏低问题的监察建议书',
    body: '根据群众评价和投诉举报情况，你单位窗口服务群众不满意率高于同级平均水平。请查找原因，制定整改措施并按期报告。',
    items: ['回访不满意评价群众，逐一说明处理情况', '公开办事指南和一次性告知清单', '将窗口服务纳入作风效能考核'],
  },
  {
    title: '关于规范权力运行流程的检查建议书',
    body: '抽查发现你单位部分事项办理环节留痕不全、审核把关不严。请严格按照公开的权力运行流程图办理，并报告整改情况。',
    items: ['对照流程图自查近三个月办件', '落实审批与监督分离', '补齐办件过程材料并上传平台'],
  },
] as const;

/**
 * The 检查（监察）建议书 of the demo's history: about every other month the city's inspectors issue one
 * to a county, and each county's to one of its townships, citing cases of that unit; the unit's
 * leader reports on each item and the issuer accepts it, closing the notice, before its deadline,
 * except the notices issued in the last weeks, still open (their deadlines ahead, kept by the
 * complaints service's clock from then on). Written as the complaints service writes them; the
 * same rows `issueNotice`, `answerNoticeItem` and `reviewNoticeItem` leave. Returns how many.
 */
export async function writeDemoNotices(
  client: Client,
  x: {
    tree: CityTree;
    wd: WorkingDays;
    now: number;
    citable: Map<string, { caseId: string }[]>;
    random: Random;
  },
): Promise<number> {
  const issuers: { issuer: CityUnit; targets: CityUnit[] }[] = [
    { issuer: x.tree.city, targets: x.tree.counties },
    ...x.tree.counties.map((c) => ({
      issuer: c,
      targets: x.tree.childrenOf(c.code).filter((u) => u.tier === Tier.TOWNSHIP),
    })),
  ];
  const lastDay = dayOf(x.now);
  let written = 0;
  for (const { issuer, targets } of issuers) {
    let n = 0;
    for (const ago of ISSUED_DAYS_AGO) {
      const day = x.wd.after(lastDay - ago, 1);
      if (day >= lastDay) continue;
      const target = x.random.pick(targets);
      const issue = x.random.pick(ISSUES);
      const issuedAt = day * DAY_MS - 8 * 3_600_000 + x.random.int(9 * 60, 16 * 60) * 60_000;
      const deadlineDay = x.wd.after(day, 20);
      const answered = x.wd.after(day, x.random.int(8, 15));
      const closed = answered < lastDay - 5;
      const id = x.random.uuid();
      n++;
      const cited = x.random.sample(x.citable.get(target.code) ?? [], 2).map((c) => c.caseId);
      await client.query(
        `INSERT INTO complaints.notice (id, number, kind, unit_code, issuer_unit, issued_by, title, body, deadline, status,
           cited_cases, issued_at, closed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          id,
          `JC-${issuer.code}-${String(n).padStart(4, '0')}`,
          issue.title.includes('监察') ? 'SUPERVISION' : 'INSPECTION',
          target.code,
          issuer.code,
          `inspector.${issuer.code}`,
          issue.title,
          issue.body,
          dayDate(deadlineDay),
          closed ? 'CLOSED' : 'OPEN',
          cited,
          new Date(issuedAt).toISOString(),
          closed ? new Date(issuedAt + (answered - day + 2) * DAY_MS).toISOString() : null,
        ],
      );
      for (const [i, description] of issue.items.entries()) {
        const answeredAt = new Date(issuedAt + (answered - day) * DAY_MS + i * 3_600_000).toISOString();
        const reviewedAt = new Date(issuedAt + (answered - day + 2) * DAY_MS).toISOString();
        await client.query(
          `INSERT INTO complaints.notice_item (notice_id, item_no, description, status, report, answered_by, answered_at,
             reviewed_by, review_comment, reviewed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          closed
            ? [
                id,
                i + 1,
                description,
                'ACCEPTED',
                '已按要求完成整改，相关制度和台账已建立。',
                `leader.${target.code}`,
                answeredAt,
                `inspector.${issuer.code}`,
                '整改到位，予以认可。',
                reviewedAt,
              ]
            : [id, i + 1, description, 'PENDING', null, null, null, null, null, null],
        );
      }
      written++;
    }
  }
  return written;
}
