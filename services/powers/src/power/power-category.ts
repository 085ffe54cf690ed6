import { registerEnumType } from 'type-graphql';

/** Category of an administrative power (职权类别). */
export enum PowerCategory {
  LICENSING = 'LICENSING',
  PENALTY = 'PENALTY',
  COERCION = 'COERCION',
  LEVY = 'LEVY',
  BENEFIT = 'BENEFIT',
  INSPECTION = 'INSPECTION',
  CONFIRMATION = 'CONFIRMATION',
  REWARD = 'REWARD',
  ADJUDICATION = 'ADJUDICATION',
  OTHER = 'OTHER',
}

/** The Chinese name of each category, as shown to citizens. */
export const POWER_CATEGORY_LABEL: Record<PowerCategory, string> = {
  LICENSING: '行政许可',
  PENALTY: '行政处罚',
  COERCION: '行政强制',
  LEVY: '行政征收',
  BENEFIT: '行政给付',
  INSPECTION: '行政检查',
  CONFIRMATION: '行政确认',
  REWARD: '行政奖励',
  ADJUDICATION: '行政裁决',
  OTHER: '其他行政权力',
};

registerEnumType(PowerCategory, {
  name: 'PowerCategory',
  description:
    'Category of a power (职权类别): 行政许可, 行政处罚, 行政强制, 行政征收, 行政给付, 行政检查, 行政确认, 行政奖励, 行政裁决, 其他行政权力.',
});
