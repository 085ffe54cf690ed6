import { LOW_RATING, lowRatingPayload, ratedOnOf, stageKeyOf, type RatingPlace } from '@sunlight/evaluations';
import type { AlertBook } from './alert-book';
import type { BulkWriter } from './bulk-writer';
import type { CaseHead } from './case-timeline';
import type { CaseStory } from './case-story';
import type { Random } from './random';
import { drawRating, tagsLiteral } from './rating-scores';
import { TABLES } from './table-specs';

/**
 * Citizens' ratings as the evaluations service stores them: a case stage rated once (keyed by
 * the HMAC of case and step under the service's stage key, nothing about the rater), or a window
 * device's rating; a score of 2 or less also raises a LOW_RATING alert.
 */
export class RatingMaker {
  count = 0;

  constructor(
    private readonly writer: BulkWriter,
    private readonly alerts: AlertBook,
    private readonly stageKey: Uint8Array,
    private readonly now: number,
  ) {}

  write(place: RatingPlace, at: number, worse: number, random: Random): void {
    const { score, tags, comment } = drawRating(random, worse);
    const id = random.uuid();
    this.writer.add(TABLES.rating, [
      id,
      place.source,
      place.unitCode,
      place.departmentId,
      place.postId,
      place.powerId,
      place.stepNo,
      place.stageKey,
      place.deviceId,
      score,
      tagsLiteral(tags),
      comment,
      ratedOnOf(at),
      new Date(at).toISOString(),
    ]);
    this.count++;
    if (score > LOW_RATING) return;
    this.alerts.raise(
      'evaluations',
      place.unitCode,
      { topic: 'rating.low', payload: lowRatingPayload(id, { ...place, score, tags }) },
      at,
    );
  }

  /** Rates finished stages of a case, each with probability `share`, some minutes to days after it finished. */
  fromCase(head: CaseHead, story: CaseStory, share: number, worse: number, random: Random): void {
    const rated = new Set<number>();
    const mood =
      worse *
      (story.cardLevel === 'YELLOW' || story.cardLevel === 'RED' ? 3 : 1) *
      (head.outcome === 'REJECTED' && story.status === 'COMPLETED' ? 2 : 1);
    for (const e of story.entries) {
      if (e.finishedAt === null || rated.has(e.stepNo) || !random.chance(share)) continue;
      const at = e.finishedAt + Math.floor(random.next() * random.next() * 3 * 86_400_000) + 60_000;
      if (at > this.now) continue;
      rated.add(e.stepNo);
      const step = head.power.flow[e.stepNo - 1]!;
      const stageKey = stageKeyOf(this.stageKey, head.id, e.stepNo);
      this.write(
        {
          source: 'CASE',
          unitCode: head.unitCode,
          departmentId: head.power.departmentId,
          postId: step.postId,
          powerId: head.power.id,
          stepNo: e.stepNo,
          stageKey,
          deviceId: null,
        },
        at,
        mood,
        random,
      );
    }
  }
}
