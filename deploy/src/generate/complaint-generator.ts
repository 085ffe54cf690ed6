import { hashFollowUpCode, IdentityCipher, newFollowUpCode } from '@sunlight/complaints';
import { chainHash, GENESIS_HASH, unitCode } from '@sunlight/shared';
import type { AlertBook, BookedEvent } from './alert-book';
import type { BulkWriter } from './bulk-writer';
import type { CityTree } from './city-units';
import { handleComplaint, type ComplaintHead, type ComplaintState } from './complaint-lifecycle';
import { complaintTexts } from './complaint-texts';
import type { FilingCalendar } from './filing-calendar';
import type { Organization } from './organization';
import { mobileNumber, personName } from './person-names';
import { Random } from './random';
import { TABLES } from './table-specs';
import type { WorkingDays } from './working-days';
import type { WorseUnits } from './worse-units';

/**
 * The scrypt cost of the follow-up hashes stored for complaints nobody will follow up (not in the
 * manifest): the service's format and check at a cheaper cost, which the stored hash names
 * itself. 50,000 hashes at the service's cost would take half an hour of CPU.
 */
const BULK_COST = 2 ** 8;

/** A routing rule as stored in `complaints.routing_rule`. */
export interface RoutingRow {
  accusedTier: string;
  againstLeadership: boolean;
  routeTo: 'SAME_UNIT' | 'PARENT_UNIT';
}

export interface ComplaintInputs {
  tree: CityTree;
  org: Organization;
  wd: WorkingDays;
  filing: FilingCalendar;
  writer: BulkWriter;
  alerts: AlertBook;
  worse: WorseUnits;
  rules: readonly RoutingRow[];
  identityKey: Uint8Array;
  now: number;
  seed: number;
  /** Cases filed per unit (complaints follow volume), and a few of each unit's cases to cite. */
  casesPerUnit: Map<string, number>;
  citable: Map<string, { caseId: string; powerId: string }[]>;
}

const KINDS = ['UNIT', 'LEADERSHIP', 'DEPARTMENT', 'PERSON'] as const;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Where the complaints service routes a complaint (route-complaint.ts), by the stored rules. */
function route(
  accused: string,
  kind: string,
  rules: readonly RoutingRow[],
): { handlerUnit: string; againstLeadership: boolean } {
  const againstLeadership = kind === 'UNIT' || kind === 'LEADERSHIP';
  const rule = rules.find(
    (r) => r.accusedTier === unitCode.tierOf(accused) && r.againstLeadership === againstLeadership,
  );
  if (!rule)
    throw new Error(`no routing rule for ${unitCode.tierOf(accused)} (againstLeadership ${againstLeadership})`);
  return {
    handlerUnit: rule.routeTo === 'SAME_UNIT' ? accused : (unitCode.parentOf(accused) ?? accused),
    againstLeadership,
  };
}

/**
 * Complaints (投诉举报) about the units, in proportion to their case volume (more about the worse
 * units), numbered `TS<year>-<n>` in the order received, routed by cadre-management authority,
 * with the complainant's identity encrypted as the service does and the hash-chained trace.
 * Returns the follow-up codes of `samples` of them, in clear, for the manifest.
 */
export async function generateComplaints(
  x: ComplaintInputs,
  total: number,
  samples: number,
): Promise<{ number: string; followUpCode: string; status: string }[]> {
  const random = Random.fork(x.seed, 'complaints');
  // Encrypted as the service does, so it decrypts them; only the IVs come from the seed.
  const cipher = new IdentityCipher(x.identityKey);
  const units = x.tree.units.filter((u) => (x.casesPerUnit.get(u.code) ?? 0) > 0);
  const weights = units.map((u) => (x.casesPerUnit.get(u.code) ?? 0) * Math.pow(x.worse.factor(u.code), 1.3));
  const heads = Array.from({ length: total }, () => ({
    unit: units[random.weighted(weights)]!,
    receivedAt: x.filing.instant(random),
    kind: KINDS[random.weighted([8, 10, 42, 40])]!,
  }));
  heads.sort((a, b) => a.receivedAt - b.receivedAt);
  const perYear = new Map<number, number>();
  const sampleEvery = Math.max(1, Math.floor(total / samples));
  const out: { number: string; followUpCode: string; status: string }[] = [];
  // Hashes are computed on libuv's pool; rows are written in order once a batch of them is ready.
  let batch: { write: (hash: string) => void; hash: Promise<string> }[] = [];
  const drain = async () => {
    const hashes = await Promise.all(batch.map((b) => b.hash));
    batch.forEach((b, k) => b.write(hashes[k]!));
    batch = [];
    await x.writer.pace();
  };
  for (const [i, head] of heads.entries()) {
    const year = Number(new Date(head.receivedAt + 8 * 3_600_000).toISOString().slice(0, 4));
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    const id = random.uuid();
    const number = `TS${year}-${String(n).padStart(6, '0')}`;
    const accused = head.unit.code;
    const worse = x.worse.factor(accused);
    const { handlerUnit, againstLeadership } = route(accused, head.kind, x.rules);
    const departments = x.org.departmentsOf(accused).filter((d) => !d.supervisory);
    const department = head.kind === 'DEPARTMENT' || head.kind === 'PERSON' ? random.pick(departments) : null;
    const post =
      head.kind === 'PERSON' && department && random.chance(0.6) ? random.pick(x.org.postsOf(department.id)) : null;
    const cited = random.chance(0.35) ? (x.citable.get(accused) ?? []) : [];
    const ref = cited.length > 0 ? random.pick(cited) : null;
    const category = complaintTexts.category(random, worse > 1);
    const channel = complaintTexts.channel(random);
    const anonymous = random.chance(0.45);
    const identity = anonymous
      ? null
      : cipher.encrypt(
          {
            name: personName(random),
            phone: mobileNumber(random),
            ...(random.chance(0.3) ? { address: `${head.unit.name}${random.int(1, 99)}号` } : {}),
          },
          id,
          random.bytes(12),
        );
    const ch: ComplaintHead = {
      id,
      number,
      receivedAt: head.receivedAt,
      channel,
      category,
      anonymous,
      accusedUnit: accused,
      againstLeadership,
      handlerUnit,
      worse,
    };
    const s = handleComplaint(ch, x.wd, x.now, random);
    const code = newFollowUpCode((n) => random.int(0, n - 1));
    const salt = random.bytes(16);
    const sampled = i % sampleEvery === 0 && out.length < samples;
    if (sampled) out.push({ number, followUpCode: code, status: s.status });
    const description = complaintTexts.description(category, head.unit.name, random);
    const row = [
      id,
      number,
      channel,
      category,
      head.kind,
      accused,
      department?.id ?? null,
      post?.id ?? null,
      head.kind === 'PERSON' ? personName(random) : null,
      againstLeadership,
    ];
    batch.push({
      hash: hashFollowUpCode(code, sampled ? { salt } : { salt, cost: BULK_COST }),
      write: (hash) => writeComplaint(x, row, { ref, description, anonymous, identity, hash }, ch, s),
    });
    if (batch.length >= 256) await drain();
  }
  await drain();
  for (const [year, last] of perYear) x.writer.add(TABLES.complaintCounter, [year, last]);
  return out;
}

function writeComplaint(
  x: ComplaintInputs,
  accusedRow: unknown[],
  rest: {
    ref: { caseId: string; powerId: string } | null;
    description: string;
    anonymous: boolean;
    identity: string | null;
    hash: string;
  },
  h: ComplaintHead,
  s: ComplaintState,
): void {
  let previous = GENESIS_HASH;
  s.events.forEach((e, i) => {
    const at = new Date(e.at).toISOString();
    const hash = chainHash(previous, {
      complaintId: h.id,
      seq: i + 1,
      kind: e.kind,
      actor: e.actor,
      at,
      payload: e.payload,
      attachments: [],
    });
    x.writer.add(TABLES.complaintEvent, [
      h.id,
      i + 1,
      e.kind,
      e.actor,
      at,
      JSON.stringify(e.payload),
      '[]',
      previous,
      hash,
      null,
    ]);
    previous = hash;
  });
  const last = s.events[s.events.length - 1]!;
  x.writer.add(TABLES.complaint, [
    ...accusedRow,
    s.handlerUnit,
    s.handlerSubject,
    rest.ref?.caseId ?? null,
    rest.ref?.powerId ?? null,
    rest.description,
    rest.anonymous,
    rest.identity,
    rest.hash,
    s.status,
    s.conclusion,
    s.finding,
    s.feedback,
    iso(h.receivedAt),
    iso(s.acceptedAt),
    iso(s.concludedAt),
    iso(s.feedbackAt),
    iso(s.stageStartedAt),
    s.stageEntry,
    s.extensionDays,
    s.workingDaysToConclude,
    s.events.length,
    previous,
    iso(last.at),
  ]);
  const accusedDepartment = accusedRow[6] as string | null;
  for (const a of s.alarms) {
    x.writer.add(TABLES.complaintAlarm, [h.id, a.kind, a.stage, a.stageEntry, iso(a.raisedAt)]);
    const complaint = {
      complaintId: h.id,
      number: h.number,
      category: h.category,
      accusedUnit: h.accusedUnit,
      accusedDepartment,
      againstLeadership: h.againstLeadership,
      handlerUnit: a.handlerUnit,
    };
    const event: BookedEvent =
      a.kind === 'ESCALATED'
        ? { topic: 'complaint.escalated', payload: { ...complaint, from: a.from, stage: a.stage } }
        : { topic: 'complaint.overdue', payload: { ...complaint, stage: a.stage, elapsed: a.elapsed, limit: a.limit } };
    x.alerts.raise('complaints', a.handlerUnit, event, a.raisedAt);
  }
}
