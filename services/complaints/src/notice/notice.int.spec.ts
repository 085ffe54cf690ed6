import { NoticeKind, type IssueNoticeInput } from './notice.type';
import { openComplaintsDatabase, people, type ComplaintsDatabase } from '../testing/complaints-database';

const COUNTY = '139901000000';
const TOWNSHIP = '139901001000';
const OTHER_TOWNSHIP = '139901002000';
const MONDAY = new Date('2026-03-09T09:00:00+08:00');

describe('NoticeService on PostgreSQL: a notice through answer, return and acceptance', () => {
  let db: ComplaintsDatabase;
  beforeAll(async () => {
    db = await openComplaintsDatabase(MONDAY);
  });
  afterAll(() => db.close());

  const inspector = people.inspector(COUNTY, 'inspector-county');
  const leader = people.leader(TOWNSHIP, 'leader-township');
  const notice = (overrides: Partial<IssueNoticeInput> = {}): IssueNoticeInput => ({
    unitCode: TOWNSHIP,
    kind: NoticeKind.INSPECTION,
    title: '关于窗口服务问题的检查建议书',
    body: '经查，存在以下问题，请限期整改。',
    deadline: '2026-03-31',
    items: ['规范窗口受理流程', '公开办事指南'],
    ...overrides,
  });
  const evidence = [
    {
      name: '整改报告.pdf',
      mediaType: 'application/pdf',
      contentBase64: Buffer.from('%PDF report').toString('base64'),
    },
  ];
  const items = async (id: string) => (await db.notices.get(inspector, id)).items.map((i) => [i.itemNo, i.status]);

  it('is issued only by an inspector, to a unit in scope, with a future deadline', async () => {
    await expect(db.notices.issue(leader, notice(), db.key())).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    await expect(db.notices.issue(people.inspector(OTHER_TOWNSHIP), notice(), db.key())).rejects.toMatchObject({
      extensions: { code: 'VALIDATION_FAILED', field: 'unitCode' },
    });
    await expect(db.notices.issue(inspector, notice({ deadline: '2026-03-09' }), db.key())).rejects.toMatchObject({
      extensions: { code: 'VALIDATION_FAILED', field: 'deadline' },
    });
  });

  describe('one notice', () => {
    let id: string;
    beforeAll(async () => {
      id = await db.notices.issue(inspector, notice(), db.key());
    });

    it('is numbered by its issuer, published to the notified unit, and a retry issues nothing new', async () => {
      const key = db.key();
      const again = await db.notices.issue(inspector, notice({ title: '第二份建议书' }), key);
      expect(await db.notices.issue(inspector, notice({ title: '第二份建议书' }), key)).toBe(again);
      expect((await db.notices.get(leader, id)).number).toBe(`JC-${COUNTY}-0001`);
      expect((await db.notices.get(leader, again)).number).toBe(`JC-${COUNTY}-0002`);
      expect(
        await db.count("SELECT count(*) FROM outbox WHERE topic = 'notice.issued' AND unit_code = $1", [TOWNSHIP]),
      ).toBe(2);
    });

    it("is answered only by the notified unit's leader, and reviewed only once answered", async () => {
      await expect(
        db.notices.answer(people.leader(OTHER_TOWNSHIP), id, 1, '已整改', evidence, db.key()),
      ).rejects.toMatchObject({ extensions: { code: 'NOTICE_NOT_FOUND' } });
      await expect(db.notices.review(inspector, id, 1, true, '同意', db.key())).rejects.toMatchObject({
        extensions: { code: 'INVALID_TRANSITION', field: 'itemNo' },
      });
      await expect(db.notices.answer(leader, id, 9, '已整改', evidence, db.key())).rejects.toMatchObject({
        extensions: { code: 'ITEM_NOT_FOUND' },
      });
      await db.notices.answer(leader, id, 1, '已规范受理流程', evidence, db.key());
      await db.notices.answer(leader, id, 2, '已公开办事指南', [], db.key());
      await expect(db.notices.answer(leader, id, 1, '再次答复', [], db.key())).rejects.toMatchObject({
        extensions: { code: 'INVALID_TRANSITION' },
      });
      expect(await items(id)).toEqual([
        [1, 'ANSWERED'],
        [2, 'ANSWERED'],
      ]);
    });

    it('goes back to the unit when an answer is returned, and closes once every item is accepted', async () => {
      await db.notices.review(inspector, id, 1, false, '证据不足', db.key());
      await db.notices.review(inspector, id, 2, true, '同意', db.key());
      expect(await items(id)).toEqual([
        [1, 'RETURNED'],
        [2, 'ACCEPTED'],
      ]);
      expect((await db.notices.get(leader, id)).status).toBe('OPEN');
      await db.notices.answer(leader, id, 1, '补充整改报告', evidence, db.key());
      await db.notices.review(inspector, id, 1, true, '同意', db.key());
      const closed = await db.notices.get(leader, id);
      expect(closed.status).toBe('CLOSED');
      expect(closed.items[0]?.evidenceHashes).toHaveLength(1);
      expect(
        await db.count("SELECT count(*) FROM outbox WHERE topic = 'notice.closed' AND aggregate_id = $1", [id]),
      ).toBe(1);
      await expect(db.notices.answer(leader, id, 1, '再改', [], db.key())).rejects.toMatchObject({
        extensions: { code: 'INVALID_TRANSITION', field: 'noticeId' },
      });
    });
  });

  it('publishes notice.overdue once for an open notice past its deadline', async () => {
    const late = await db.notices.issue(inspector, notice({ deadline: '2026-03-13' }), db.key());
    expect(await db.notices.raiseOverdue(new Date('2026-03-13T20:00:00+08:00'))).toBe(0);
    expect(await db.notices.raiseOverdue(new Date('2026-03-16T09:00:00+08:00'))).toBe(1);
    expect(await db.notices.raiseOverdue(new Date('2026-03-17T09:00:00+08:00'))).toBe(0);
    expect(
      await db.count("SELECT count(*) FROM outbox WHERE topic = 'notice.overdue' AND aggregate_id = $1", [late]),
    ).toBe(1);
    db.setNow(new Date('2026-03-16T09:00:00+08:00'));
    expect((await db.notices.get(leader, late)).overdue).toBe(true);
  });
});
