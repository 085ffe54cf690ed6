import type { Random } from './random';

const BASE = [0.012, 0.028, 0.05, 0.18, 0.73];
const LOW_TAGS = ['EFFICIENCY', 'ATTITUDE', 'FAIRNESS', 'TRANSPARENCY', 'ASKED_FOR_FAVOURS'] as const;
const LOW_TAG_WEIGHTS = [50, 30, 10, 5, 5];
const HIGH_TAGS = ['ATTITUDE', 'EFFICIENCY', 'ENVIRONMENT', 'TRANSPARENCY'] as const;
const LOW_COMMENTS = [
  '办理时间太长，多次催问才有回复',
  '窗口人员态度冷淡',
  '材料要求反复变化，跑了好几趟',
  '进度查询不到，希望及时告知',
  '办事效率有待提高',
];
const MID_COMMENTS = ['基本满意，等待时间稍长', '流程清楚，但排队较久'];
const HIGH_COMMENTS = [
  '办事效率高，服务态度好',
  '一次办结，很方便',
  '工作人员耐心细致',
  '网上申报方便快捷',
  '全程留痕，进度清楚',
];

/** A citizen's score and what they said: `worse` multiplies the chance of a dissatisfied score (1 or 2). */
export function drawRating(random: Random, worse: number): { score: number; tags: string[]; comment: string | null } {
  const p = [...BASE];
  const extra = (p[0]! + p[1]!) * (worse - 1) + p[2]! * (Math.sqrt(worse) - 1);
  p[0]! *= worse;
  p[1]! *= worse;
  p[2]! *= Math.sqrt(worse);
  p[4] = Math.max(0.05, p[4]! - extra);
  const score = random.weighted(p) + 1;
  let tags: string[] = [];
  let comment: string | null = null;
  if (score <= 2) {
    tags = [LOW_TAGS[random.weighted(LOW_TAG_WEIGHTS)]!];
    if (random.chance(0.3)) tags = [...new Set([...tags, LOW_TAGS[random.weighted(LOW_TAG_WEIGHTS)]!])];
    if (random.chance(0.45)) comment = random.pick(LOW_COMMENTS);
  } else if (score === 3) {
    if (random.chance(0.4)) tags = ['EFFICIENCY'];
    if (random.chance(0.15)) comment = random.pick(MID_COMMENTS);
  } else {
    if (random.chance(0.4)) tags = [random.pick(HIGH_TAGS)];
    if (random.chance(0.08)) comment = random.pick(HIGH_COMMENTS);
  }
  return { score, tags, comment };
}

/** A text[] literal for a list of enum tags (no quoting needed). */
export function tagsLiteral(tags: readonly string[]): string {
  return `{${tags.join(',')}}`;
}
