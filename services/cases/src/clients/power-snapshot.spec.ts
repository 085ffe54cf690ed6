import { aPowerSnapshot } from '../testing/power-snapshot.builder';
import { powerSnapshot } from './power-snapshot';

describe('powerSnapshot', () => {
  it('keeps exactly the snapshot fields, in the stored key order, whatever else its source carries', () => {
    const source = aPowerSnapshot().withFlow(2, 3).requiringAt(1, '营业执照').build();
    const extra = {
      ...source,
      state: 'PUBLISHED',
      department: { id: source.departmentId },
      flow: source.flow.map((s) => ({ ...s, post: null, description: '受理' })),
    };
    const snapshot = powerSnapshot(extra);
    expect(Object.keys(snapshot)).toEqual([
      'id',
      'version',
      'code',
      'name',
      'category',
      'unitCode',
      'departmentId',
      'statutoryDays',
      'promisedDays',
      'flow',
      'checkpoints',
    ]);
    expect(Object.keys(snapshot.flow[0]!)).toEqual(['stepNo', 'name', 'timeLimitDays', 'postId', 'departmentId']);
    expect(Object.keys(snapshot.checkpoints[0]!)).toEqual([
      'id',
      'stepNo',
      'kind',
      'params',
      'legalBasis',
      'description',
    ]);
    expect(snapshot).toEqual(source);
  });
});
