import { NoticeKind } from '../notice/notice.type';
import { aComplaint } from '../testing/complaint-input.builder';
import { openComplaintsDatabase, people, type ComplaintsDatabase } from '../testing/complaints-database';

const COUNTY = '139901000000';
const TOWNSHIP = '139901001000';
const NO_SUCH_UNIT = '139901999000';
const MONDAY = new Date('2026-03-09T09:00:00+08:00');

describe('filing a complaint: inputs checked before anything is written', () => {
  let db: ComplaintsDatabase;
  beforeAll(async () => {
    db = await openComplaintsDatabase(MONDAY);
    db.config.knownUnits = async (codes) => new Set(codes.filter((c) => c === COUNTY || c === TOWNSHIP));
  });
  afterAll(() => db.close());

  const citizen = people.citizen();
  const complaints = async () =>
    ((await db.ds.query('SELECT count(*)::int AS n FROM complaint')) as { n: number }[])[0]!.n;
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: { extensions: Record<string, unknown>; message: string }) => ({ ...e.extensions, message: e.message }),
    );

  it('files against a unit the powers service knows', async () => {
    await db.filing.file(citizen, aComplaint().againstLeadershipOf(TOWNSHIP).build(), db.key());
    expect(await complaints()).toBe(1);
  });

  it('refuses a well-formed code that is no unit, naming the field in Chinese', async () => {
    const refused = await refusal(
      db.filing.file(citizen, aComplaint().againstLeadershipOf(NO_SUCH_UNIT).build(), db.key()),
    );
    expect(refused).toEqual({
      code: 'VALIDATION_FAILED',
      kind: 'BAD_INPUT',
      field: 'accused.unitCode',
      problems: [{ field: 'accused.unitCode', message: `没有代码为 ${NO_SUCH_UNIT} 的单位` }],
      message: `accused.unitCode: 没有代码为 ${NO_SUCH_UNIT} 的单位`,
    });
    expect(await complaints()).toBe(1);
  });

  it('refuses to file unchecked when the unit directory does not answer', async () => {
    const known = db.config.knownUnits;
    db.config.knownUnits = () => Promise.reject(new Error('connect ECONNREFUSED'));
    try {
      const refused = await refusal(
        db.filing.file(citizen, aComplaint().againstLeadershipOf(TOWNSHIP).build(), db.key()),
      );
      expect(refused).toMatchObject({ code: 'UNITS_UNAVAILABLE', kind: 'UNAVAILABLE', field: 'accused.unitCode' });
    } finally {
      db.config.knownUnits = known;
    }
    expect(await complaints()).toBe(1);
  });

  it("refuses a complainant's phone that is neither a mobile nor a landline with its area code", async () => {
    for (const phone of ['abcdefghijk', '12345', '12812345678']) {
      const refused = await refusal(
        db.filing.file(citizen, aComplaint().againstLeadershipOf(TOWNSHIP).from('张三', phone).build(), db.key()),
      );
      expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', field: 'complainant.phone' });
    }
    await db.filing.file(
      citizen,
      aComplaint().againstLeadershipOf(TOWNSHIP).from('张三', '0318-2345678').build(),
      db.key(),
    );
    expect(await complaints()).toBe(2);
  });

  it('refuses to transfer a complaint, or issue a notice, to a unit that does not exist', async () => {
    const filed = await db.filing.file(citizen, aComplaint().againstLeadershipOf(TOWNSHIP).build(), db.key());
    const [row] = (await db.ds.query('SELECT id FROM complaint WHERE number = $1', [filed.number])) as { id: string }[];
    const inspector = people.inspector(COUNTY);
    const transfer = await refusal(db.handling.transfer(inspector, row!.id, NO_SUCH_UNIT, '移交下级办理', db.key()));
    expect(transfer).toMatchObject({ code: 'VALIDATION_FAILED', field: 'toUnit' });
    const notice = await refusal(
      db.notices.issue(
        inspector,
        {
          unitCode: NO_SUCH_UNIT,
          kind: NoticeKind.INSPECTION,
          title: '关于窗口服务问题的检查建议书',
          body: '经查，存在以下问题，请限期整改。',
          deadline: '2026-03-31',
          items: ['规范窗口受理流程'],
        },
        db.key(),
      ),
    );
    expect(notice).toMatchObject({ code: 'VALIDATION_FAILED', field: 'unitCode' });
    expect(await db.ds.query('SELECT count(*)::int AS n FROM notice')).toEqual([{ n: 0 }]);
  });
});
