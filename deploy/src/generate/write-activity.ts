import type { Client } from 'pg';
import { AttachmentPool } from './attachment-pool';
import { generateCases, type CaseInputs, type CaseOutputs } from './case-generator';
import { generateComplaints, type RoutingRow } from './complaint-generator';
import { writeDeviceRatings } from './device-ratings';
import type { Organization } from './organization';
import type { Random } from './random';
import { RatingMaker } from './rating-maker';

/** Ratings given on window devices; the rest rate case stages. */
const DEVICE_SHARE = 0.14;

/** A city's units, catalog and calendars, where its rows go, and how its activity is drawn. */
export interface ActivityInputs extends Omit<CaseInputs, 'ratings' | 'attachments' | 'queryCodeKey' | 'progress'> {
  org: Organization;
  /** When the catalog rows were created (attachments are dated so). */
  createdAt: string;
  /** The complaints service's routing rules ({@link readRoutingRules}). */
  rules: readonly RoutingRow[];
  /** The services' keys: query codes, rating stage keys, device keys and identities derive from them. */
  keys: { deriveKey(purpose: string): Uint8Array };
  /** The complainant identity key (COMPLAINANT_KEY); derived from the keys when absent, as the service does. */
  complainantKey?: Uint8Array;
  /** This load's random stream for a label (each loader forks the seed its own way). */
  fork: (label: string) => Random;
  progress?: CaseInputs['progress'];
  /** Told what each step wrote. */
  log?: (message: string) => void;
}

/** How much to write: rows, and how many cases and complaints to return in clear as samples. */
export interface ActivityTotals {
  cases: number;
  ratings: number;
  complaints: number;
  caseSamples: number;
  complaintSamples: number;
}

export interface Activity {
  cases: CaseOutputs;
  stageRatings: number;
  deviceRatings: number;
  complaintFollowUps: { number: string; followUpCode: string; status: string }[];
  /** The last alert's sequence number. */
  lastSeq: number;
}

/** The routing rules the complaints service stores (its migrations seed them). */
export async function readRoutingRules(client: Client): Promise<RoutingRow[]> {
  const { rows } = await client.query<RoutingRow>(
    'SELECT accused_tier AS "accusedTier", against_leadership AS "againstLeadership", route_to AS "routeTo" FROM complaints.routing_rule',
  );
  return rows;
}

/**
 * A city's activity over its catalog, as both loaders (the city generator and the demo history)
 * write it: cases with their traces, cards and case-stage ratings, ratings on window devices for
 * the rest of `n.ratings`, complaints, then the alerts all of those raised; flushed.
 */
export async function writeActivity(x: ActivityInputs, n: ActivityTotals): Promise<Activity> {
  const log = x.log ?? (() => undefined);
  const ratings = new RatingMaker(x.writer, x.alerts, x.keys.deriveKey('rating-stage'), x.now);
  const cases = await generateCases(
    {
      ...x,
      ratings,
      attachments: new AttachmentPool(x.writer, x.createdAt),
      queryCodeKey: x.keys.deriveKey('case-query-code'),
      progress: x.progress ?? (() => undefined),
    },
    n.cases,
    Math.round(n.ratings * (1 - DEVICE_SHARE)),
    n.caseSamples,
  );
  const stageRatings = ratings.count;
  log(`${cases.events} case events, ${stageRatings} case-stage ratings`);
  const deviceRatings = Math.max(0, n.ratings - stageRatings);
  await writeDeviceRatings(
    { ...x, ratings, deviceKey: x.keys.deriveKey('rating-device') },
    cases.casesPerUnit,
    deviceRatings,
  );
  log(`${deviceRatings} device ratings`);
  const complaintFollowUps = await generateComplaints(
    {
      ...x,
      identityKey: x.complainantKey ?? x.keys.deriveKey('complainant-identity'),
      casesPerUnit: cases.casesPerUnit,
      citable: cases.citable,
    },
    n.complaints,
    n.complaintSamples,
  );
  log(`${n.complaints} complaints`);
  const lastSeq = await x.alerts.write(x.writer, x.now, x.fork('alerts'));
  await x.writer.flushAll();
  return { cases, stageRatings, deviceRatings, complaintFollowUps, lastSeq };
}
