import { lowRatingPayload, ratedOnOf, stageKeyOf } from './rating-place';

describe('rating place', () => {
  it('keys a case stage by the HMAC of case and step, the same for the service and the generator', () => {
    const key = new TextEncoder().encode('stage-key');
    expect(stageKeyOf(key, 'c1', 2)).toBe('eb3ec22e9d2b4f03a2942863d24fcc28a7afcf4d7934796307c6cf3c27f734fd');
    expect(stageKeyOf(key, 'c1', 3)).not.toBe(stageKeyOf(key, 'c1', 2));
  });

  it('dates a rating by the local (UTC+8) day', () => {
    expect(ratedOnOf(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(ratedOnOf(Date.parse('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });

  it('publishes where and how badly, never the device, the stage key or a comment', () => {
    const rating = {
      source: 'DEVICE' as const,
      unitCode: '139901000000',
      departmentId: 'd1',
      postId: null,
      powerId: null,
      stepNo: null,
      stageKey: null,
      deviceId: 'device-1',
      score: 1,
      tags: ['ATTITUDE'],
      comment: '太慢',
    };
    expect(lowRatingPayload('r1', rating)).toEqual({
      ratingId: 'r1',
      unitCode: '139901000000',
      departmentId: 'd1',
      postId: null,
      powerId: null,
      stepNo: null,
      score: 1,
      tags: ['ATTITUDE'],
      source: 'DEVICE',
    });
  });
});
