import { ComplaintClock, NoticeService } from '@sunlight/complaints';
import { createLogger, Role } from '@sunlight/shared';
import { startStack, type Stack } from '../support/start-stack';

const CITY = '139900000000';
const COUNTY = '139901000000';
const TOWNSHIP = '139901002000';
const OTHER_TOWNSHIP = '139901003000';
const REPORTER = { name: '赵举报人', phone: '13900001111' };
const FILE =
  'mutation($i: FileComplaintInput!, $k: String!) { fileComplaint(input: $i, idempotencyKey: $k) { number followUpCode receivedAt } }';

describe('complaints: protected reporting routed by jurisdiction', () => {
  let stack: Stack;
  const logged: string[] = [];
  const originalOut = process.stdout.write.bind(process.stdout);
  const originalErr = process.stderr.write.bind(process.stderr);

  beforeAll(async () => {
    process.env['LOG_LEVEL'] = 'info'; // log everything, then check the reporter's name is in none of it
    const capture = (chunk: unknown) => {
      logged.push(String(chunk));
      return true;
    };
    process.stdout.write = capture as typeof process.stdout.write;
    process.stderr.write = capture as typeof process.stderr.write;
    stack = await startStack();
  });
  afterAll(async () => {
    await stack.stop();
    process.stdout.write = originalOut;
    process.stderr.write = originalErr;
    process.env['LOG_LEVEL'] = 'silent';
  });

  it('lands an anonymous complaint against a township leadership with the county, invisible to the township', async () => {
    const filed = await stack.gql<{ fileComplaint: { number: string; followUpCode: string } }>(FILE, {
      variables: {
        k: 'cmp-anon-0001',
        i: {
          channel: 'WEB',
          category: 'ASKING_FAVOURS',
          accused: { kind: 'LEADERSHIP', unitCode: TOWNSHIP },
          description: '镇领导班子在项目审批中吃拿卡要，要求请客送礼。',
        },
      },
    });
    expect(filed.errors).toBeUndefined();
    const { number, followUpCode } = filed.data!.fileComplaint;
    expect(followUpCode).toHaveLength(12);

    const countyInspector = await stack.tokenFor(Role.INSPECTOR, COUNTY);
    const list = await stack.gql<{
      complaints: { edges: { node: { id: string; number: string; handlerUnit: string; anonymous: boolean } }[] };
    }>('{ complaints(first: 10) { edges { node { id number handlerUnit anonymous } } } }', { token: countyInspector });
    const mine = list.data!.complaints.edges.map((e) => e.node).find((n) => n.number === number)!;
    expect(mine).toMatchObject({ handlerUnit: COUNTY, anonymous: true });

    // the township's leader, inspector, clerk: nothing anywhere, counts included
    for (const role of [Role.LEADER, Role.INSPECTOR, Role.CLERK, Role.ADMIN]) {
      const token = await stack.tokenFor(role, TOWNSHIP);
      const direct = await stack.gql(`{ complaint(id: "${mine.id}") { number } }`, { token });
      expect(direct.errors?.[0]?.extensions?.code).toMatch(/COMPLAINT_NOT_FOUND|FORBIDDEN/);
      const listed = await stack.gql<{ complaints: { edges: unknown[] } }>(
        '{ complaints(first: 10) { edges { node { id } } } }',
        { token },
      );
      if (role === Role.INSPECTOR) expect(listed.data!.complaints.edges).toEqual([]);
      else expect(listed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      if (role === Role.LEADER || role === Role.INSPECTOR) {
        const stats = await stack.gql<{ unit: { complaintStats: { received: number } } }>(
          `{ unit(code: "${TOWNSHIP}") { complaintStats(from: "2020-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { received } } }`,
          { token },
        );
        expect(stats.errors).toBeUndefined();
        expect(stats.data!.unit.complaintStats.received).toBe(0);
      }
    }
    const countyStats = await stack.gql<{ unit: { complaintStats: { received: number } } }>(
      `{ unit(code: "${TOWNSHIP}") { complaintStats(from: "2020-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { received } } }`,
      { token: countyInspector },
    );
    expect(countyStats.data!.unit.complaintStats.received).toBe(1);
    // nor through _entities
    const entities = await stack.gql<{ _entities: unknown[] }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { number } } }',
      {
        url: stack.subgraphs['complaints']!.url,
        headers: {
          'x-sunlight-assertion': await stack.tokens.assert({
            subject: `leader.${TOWNSHIP}`,
            role: Role.LEADER,
            unit: TOWNSHIP,
          }),
        },
        variables: { r: [{ __typename: 'Complaint', id: mine.id }] },
      },
    );
    expect(entities.data!._entities).toEqual([null]);

    // the complainant follows it with the code; a wrong code looks like an unknown complaint
    const progress = await stack.gql<{ complaintProgress: { status: string; events: { kind: string }[] } }>(
      `{ complaintProgress(number: "${number}", followUpCode: "${followUpCode}") { status events { kind hash } } }`,
    );
    expect(progress.data!.complaintProgress.status).toBe('RECEIVED');
    const wrong = await stack.gql(
      `{ complaintProgress(number: "${number}", followUpCode: "AAAAAAAAAAAA") { status } }`,
    );
    const unknown = await stack.gql(
      '{ complaintProgress(number: "TS2026-999999", followUpCode: "AAAAAAAAAAAA") { status } }',
    );
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('COMPLAINT_NOT_FOUND');
  });

  it('handles a named complaint: accept, reveal with a recorded reason, investigate, conclude, feed back', async () => {
    const filed = await stack.gql<{ fileComplaint: { number: string; followUpCode: string } }>(FILE, {
      variables: {
        k: 'cmp-named-0001',
        i: {
          channel: 'HOTLINE',
          category: 'SLOW_ACTION',
          accused: { kind: 'UNIT', unitCode: OTHER_TOWNSHIP },
          description: '乡政府对低保申请拖延三个月未办理。',
          complainant: REPORTER,
        },
      },
    });
    const { number, followUpCode } = filed.data!.fileComplaint;
    const inspector = await stack.tokenFor(Role.INSPECTOR, COUNTY);
    const found = await stack.gql<{ complaints: { edges: { node: { id: string; number: string } }[] } }>(
      '{ complaints(first: 20) { edges { node { id number } } } }',
      { token: inspector },
    );
    const id = found.data!.complaints.edges.find((e) => e.node.number === number)!.node.id;
    const step = async (mutation: string, token = inspector) => {
      const r = await stack.gql<Record<string, { status?: string }>>(mutation, { token });
      expect(r.errors).toBeUndefined();
      return r.data!;
    };
    // the city's inspector sees it but does not handle it; revealing before accepting is refused
    const city = await stack.tokenFor(Role.INSPECTOR, CITY);
    const early = await stack.gql(
      `mutation { revealComplainant(id: "${id}", reason: "核实举报线索需要联系举报人", idempotencyKey: "cmp-reveal-0") { name } }`,
      { token: inspector },
    );
    expect(early.errors?.[0]?.extensions?.code).toBe('NOT_HANDLER');
    const cityAccept = await stack.gql(
      `mutation { acceptComplaint(id: "${id}", note: "受理", idempotencyKey: "cmp-acc-city") { status } }`,
      { token: city },
    );
    expect(cityAccept.errors?.[0]?.extensions?.code).toBe('NOT_HANDLER');
    expect(
      (
        await step(
          `mutation { acceptComplaint(id: "${id}", note: "予以受理", idempotencyKey: "cmp-acc-1") { status } }`,
        )
      )['acceptComplaint']!.status,
    ).toBe('ACCEPTED');
    const revealed = await stack.gql<{ revealComplainant: { name: string; phone: string } }>(
      `mutation { revealComplainant(id: "${id}", reason: "核实举报线索需要联系举报人", idempotencyKey: "cmp-reveal-1") { name phone } }`,
      { token: inspector },
    );
    expect(revealed.data!.revealComplainant).toEqual({ name: REPORTER.name, phone: REPORTER.phone });
    const cityReveal = await stack.gql(
      `mutation { revealComplainant(id: "${id}", reason: "上级核查需要联系举报人", idempotencyKey: "cmp-reveal-2") { name } }`,
      { token: city },
    );
    expect(cityReveal.errors?.[0]?.extensions?.code).toBe('NOT_HANDLER');
    const [reveal] = await stack.subgraphs['complaints']!.dataSource.query(
      'SELECT revealed_by, reason FROM identity_reveal WHERE complaint_id = $1',
      [id],
    );
    expect(reveal).toEqual({ revealed_by: `inspector.${COUNTY}`, reason: '核实举报线索需要联系举报人' });
    await step(
      `mutation { investigateComplaint(id: "${id}", note: "调取审批记录", idempotencyKey: "cmp-inv-1") { status } }`,
    );
    const ext = await stack.gql(
      `mutation { extendComplaint(id: "${id}", reason: "需调取跨部门材料", idempotencyKey: "cmp-ext-1") { extensionDays } }`,
      { token: inspector },
    );
    expect(ext.errors?.[0]?.extensions?.code).toBe('NOT_HANDLER'); // the handler may not approve their own extension
    const approved = await stack.gql<{ extendComplaint: { extensionDays: number } }>(
      `mutation { extendComplaint(id: "${id}", reason: "需调取跨部门材料", idempotencyKey: "cmp-ext-2") { extensionDays } }`,
      { token: city },
    );
    expect(approved.data!.extendComplaint.extensionDays).toBe(30);
    const again = await stack.gql(
      `mutation { extendComplaint(id: "${id}", reason: "再次延期", idempotencyKey: "cmp-ext-3") { extensionDays } }`,
      { token: city },
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('ALREADY_EXTENDED');
    await step(
      `mutation { concludeComplaint(id: "${id}", conclusion: SUBSTANTIATED, finding: "经查属实，已责令限期办结", idempotencyKey: "cmp-con-1") { status } }`,
    );
    await step(
      `mutation { giveComplaintFeedback(id: "${id}", feedback: "您反映的问题经查属实，已督促办理。", idempotencyKey: "cmp-fb-1") { status } }`,
    );
    const progress = await stack.gql<{
      complaintProgress: { status: string; conclusion: string; feedback: string; events: { kind: string }[] };
    }>(
      `{ complaintProgress(number: "${number}", followUpCode: "${followUpCode}") { status conclusion feedback events { kind } } }`,
    );
    expect(progress.data!.complaintProgress).toMatchObject({
      status: 'FEEDBACK_GIVEN',
      conclusion: 'SUBSTANTIATED',
      feedback: '您反映的问题经查属实，已督促办理。',
    });
    expect(progress.data!.complaintProgress.events.map((e) => e.kind)).not.toContain('REVEAL_IDENTITY');
    const trace = await stack.gql<{ complaint: { events: { kind: string; actor: string }[] } }>(
      `{ complaint(id: "${id}") { events { kind actor } } }`,
      { token: inspector },
    );
    expect(trace.data!.complaint.events.map((e) => e.kind)).toEqual([
      'FILED',
      'ACCEPT',
      'REVEAL_IDENTITY',
      'INVESTIGATE',
      'EXTEND',
      'CONCLUDE',
      'GIVE_FEEDBACK',
    ]);
  });

  it('raises an overdue event for an unaccepted complaint and later escalates it, once each (time injected)', async () => {
    const filed = await stack.gql<{ fileComplaint: { number: string } }>(FILE, {
      variables: {
        k: 'cmp-idle-0001',
        i: {
          channel: 'LETTER',
          category: 'INACTION',
          accused: { kind: 'DEPARTMENT', unitCode: COUNTY, departmentId: '00000000-0000-4000-8000-00000000000a' },
          description: '县某局对群众来信长期不予答复。',
        },
      },
    });
    const ds = stack.subgraphs['complaints']!.dataSource;
    const [c] = await ds.query('SELECT id, received_at, handler_unit FROM complaint WHERE number = $1', [
      filed.data!.fileComplaint.number,
    ]);
    expect(c.handler_unit).toBe(COUNTY);
    const config = stack.complaints.config();
    const at = (n: number) => new Date(`${config.calendar.addWorkingDays(c.received_at, n)}T12:00:00+08:00`);
    const clock = new ComplaintClock(ds, config, createLogger('test'));
    const other = new ComplaintClock(ds, config, createLogger('test'));
    // both clocks race; the alarms of this complaint are counted, not every complaint's
    const alarms = async () => {
      const rows: { kind: string; n: number }[] = await ds.query(
        'SELECT kind, count(*)::int AS n FROM complaint_alarm WHERE complaint_id = $1 GROUP BY kind',
        [c.id],
      );
      return {
        overdue: rows.find((r) => r.kind === 'OVERDUE')?.n ?? 0,
        escalated: rows.find((r) => r.kind === 'ESCALATED')?.n ?? 0,
      };
    };
    let seen = { overdue: 0, escalated: 0 };
    const both = async (now: Date) => {
      await Promise.all([clock.runOnce(now), other.runOnce(now)]);
      const now2 = await alarms();
      const delta = { overdue: now2.overdue - seen.overdue, escalated: now2.escalated - seen.escalated };
      seen = now2;
      return delta;
    };
    expect(await both(at(15))).toEqual({ overdue: 0, escalated: 0 });
    expect(await both(at(16))).toEqual({ overdue: 1, escalated: 0 });
    expect(await both(at(18))).toEqual({ overdue: 0, escalated: 0 });
    expect(await both(at(21))).toEqual({ overdue: 0, escalated: 1 });
    const [after] = await ds.query('SELECT handler_unit, status FROM complaint WHERE id = $1', [c.id]);
    expect(after).toEqual({ handler_unit: CITY, status: 'RECEIVED' });
    const topics = await ds.query(
      `SELECT topic, payload->>'handlerUnit' AS handler FROM outbox WHERE aggregate_id = $1 ORDER BY id`,
      [c.id],
    );
    expect(topics).toEqual([
      { topic: 'complaint.filed', handler: COUNTY },
      { topic: 'complaint.overdue', handler: COUNTY },
      { topic: 'complaint.escalated', handler: CITY },
    ]);
  });

  it('issues a notice that the unit answers and the inspector accepts', async () => {
    const inspector = await stack.tokenFor(Role.INSPECTOR, COUNTY);
    const leader = await stack.tokenFor(Role.LEADER, TOWNSHIP);
    const deadline = stack.complaints.config().calendar.addWorkingDays(new Date(), 20);
    const issued = await stack.gql<{
      issueNotice: { id: string; status: string; items: { itemNo: number; status: string }[] };
    }>(
      'mutation($i: IssueNoticeInput!) { issueNotice(input: $i, idempotencyKey: "ntc-issue-0001") { id status items { itemNo status } } }',
      {
        token: inspector,
        variables: {
          i: {
            unitCode: TOWNSHIP,
            kind: 'INSPECTION',
            title: '关于便民服务中心办件超时问题的检查建议书',
            body: '经检查发现……',
            deadline,
            items: ['建立办件时限预警台账', '对超时办件责任人进行约谈'],
          },
        },
      },
    );
    expect(issued.errors).toBeUndefined();
    const id = issued.data!.issueNotice.id;
    const seen = await stack.gql<{ notices: { id: string }[] }>('{ notices { id title } }', { token: leader });
    expect(seen.data!.notices.map((n) => n.id)).toContain(id);
    const other = await stack.gql<{ notices: { id: string }[] }>('{ notices { id } }', {
      token: await stack.tokenFor(Role.LEADER, OTHER_TOWNSHIP),
    });
    expect(other.data!.notices.map((n) => n.id)).not.toContain(id);
    const ANSWER =
      'mutation($n: ID!, $i: Int!, $k: String!) { answerNoticeItem(noticeId: $n, itemNo: $i, report: "已建立台账并每周通报", evidence: [{ name: "台账.pdf", mediaType: "application/pdf", contentBase64: "JVBERi0xLjQ=" }], idempotencyKey: $k) { items { itemNo status } } }';
    for (const item of [1, 2])
      expect(
        (await stack.gql(ANSWER, { token: leader, variables: { n: id, i: item, k: `ntc-ans-${item}` } })).errors,
      ).toBeUndefined();
    const REVIEW =
      'mutation($n: ID!, $i: Int!, $a: Boolean!, $k: String!) { reviewNoticeItem(noticeId: $n, itemNo: $i, accept: $a, comment: "审核", idempotencyKey: $k) { status items { itemNo status } } }';
    const returned = await stack.gql<{ reviewNoticeItem: { status: string; items: { status: string }[] } }>(REVIEW, {
      token: inspector,
      variables: { n: id, i: 2, a: false, k: 'ntc-rev-2a' },
    });
    expect(returned.data!.reviewNoticeItem.items.map((i) => i.status)).toEqual(['ANSWERED', 'RETURNED']);
    expect(
      (await stack.gql(ANSWER, { token: leader, variables: { n: id, i: 2, k: 'ntc-ans-2b' } })).errors,
    ).toBeUndefined();
    await stack.gql(REVIEW, { token: inspector, variables: { n: id, i: 1, a: true, k: 'ntc-rev-1' } });
    const closed = await stack.gql<{ reviewNoticeItem: { status: string } }>(REVIEW, {
      token: inspector,
      variables: { n: id, i: 2, a: true, k: 'ntc-rev-2b' },
    });
    expect(closed.data!.reviewNoticeItem.status).toBe('CLOSED');
    const notSelf = await stack.gql(REVIEW, { token: leader, variables: { n: id, i: 1, a: true, k: 'ntc-rev-x' } });
    expect(notSelf.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // an overdue notice publishes once
    const late = await stack.gql<{ issueNotice: { id: string } }>(
      'mutation($i: IssueNoticeInput!) { issueNotice(input: $i, idempotencyKey: "ntc-issue-0002") { id } }',
      {
        token: inspector,
        variables: {
          i: { unitCode: TOWNSHIP, kind: 'SUPERVISION', title: '监察建议书', body: '……', deadline, items: ['整改'] },
        },
      },
    );
    const notices = new NoticeService(stack.subgraphs['complaints']!.dataSource, stack.complaints.config());
    const after = new Date(`${stack.complaints.config().calendar.addWorkingDays(new Date(), 25)}T12:00:00+08:00`);
    expect(await notices.raiseOverdue(after)).toBe(1);
    expect(await notices.raiseOverdue(after)).toBe(0);
    const [{ n }] = await stack.subgraphs['complaints']!.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE topic = 'notice.overdue' AND aggregate_id = $1`,
      [late.data!.issueNotice.id],
    );
    expect(n).toBe(1);
  });

  it("never writes the reporter's name to a log line or an event payload", async () => {
    const everything = logged.join('');
    expect(everything.length).toBeGreaterThan(0);
    expect(everything).not.toContain(REPORTER.name);
    expect(everything).not.toContain(REPORTER.phone);
    for (const name of Object.keys(stack.subgraphs)) {
      const payloads = JSON.stringify(await stack.subgraphs[name]!.dataSource.query('SELECT payload FROM outbox'));
      expect(payloads).not.toContain(REPORTER.name);
      expect(payloads).not.toContain(REPORTER.phone);
    }
    const stored = JSON.stringify(
      await stack.subgraphs['complaints']!.dataSource.query(
        'SELECT c.*, e.payload FROM complaint c JOIN complaint_event e ON e.complaint_id = c.id',
      ),
    );
    expect(stored).not.toContain(REPORTER.name); // encrypted at rest
  });
});
