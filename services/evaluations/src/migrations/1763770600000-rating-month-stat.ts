import { dropMonthRollupSql, monthRollupSql, type MonthRollupSpec } from '@sunlight/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Ratings by the unit rated and the month of their date. */
export const RATING_MONTH_STAT: MonthRollupSpec = {
  table: 'rating_month_stat',
  source: 'rating',
  unit: 'R.unit_code',
  month: "date_trunc('month', R.rated_on)::date",
  measures: {
    ratings: '1',
    score_sum: 'R.score',
    satisfied: '(R.score >= 4)::int',
    dissatisfied: '(R.score <= 2)::int',
  },
  watch: ['unit_code', 'rated_on', 'score'],
};

/** The monthly rating rollup that the barometer and the risk index read (kept by trigger). */
export class RatingMonthStat1763770600000 implements MigrationInterface {
  name = 'RatingMonthStat1763770600000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of monthRollupSql(RATING_MONTH_STAT)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropMonthRollupSql(RATING_MONTH_STAT)) await q.query(sql);
  }
}
