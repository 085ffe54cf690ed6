import type { TableSpec } from './bulk-writer';

const spec = (name: string, columns: string, after: string[] = [], batch?: number): TableSpec => ({
  name,
  columns: columns
    .trim()
    .split(/\s*,\s*/)
    .map((c) => {
      const [column, type] = c.split(/\s+/) as [string, string];
      return [column, type] as const;
    }),
  after,
  ...(batch ? { batch } : {}),
});

/** Every table the generator writes, with its columns in the order rows are given. */
export const TABLES = {
  unit: spec('powers.unit', 'code text, name text, tier text, parent_code text, created_at timestamptz'),
  department: spec('powers.department', 'id uuid, unit_code text, code text, name text, supervisory bool', [
    'powers.unit',
  ]),
  post: spec('powers.post', 'id uuid, department_id uuid, code text, name text', ['powers.department']),
  account: spec('powers.account', 'subject text, name text, role text, unit_code text, department_id uuid', [
    'powers.department',
  ]),
  power: spec(
    'powers.power',
    'id uuid, unit_code text, code text, status text, latest_version int, published_version int, created_by text, created_at timestamptz, updated_at timestamptz',
    ['powers.unit'],
  ),
  powerVersion: spec(
    'powers.power_version',
    `power_id uuid, version int, state text, name text, category text, legal_basis text, department_id uuid, post_id uuid, conditions text, fees text,
     statutory_days int, promised_days int, supervisor_department_id uuid, principal_leader bool, edited_by text, created_at timestamptz, published_at timestamptz`,
    ['powers.power', 'powers.post'],
  ),
  flowStep: spec(
    'powers.flow_step',
    'power_id uuid, version int, step_no int, name text, post_id uuid, time_limit_days int, description text',
    ['powers.power_version'],
  ),
  riskPoint: spec(
    'powers.risk_point',
    'power_id uuid, version int, id uuid, step_no int, level smallint, description text, measures text[]',
    ['powers.power_version'],
  ),
  efficiencyPoint: spec(
    'powers.efficiency_point',
    'power_id uuid, version int, id uuid, step_no int, description text, time_limit_days int',
    ['powers.power_version'],
  ),
  checkpoint: spec(
    'powers.checkpoint',
    'power_id uuid, version int, id uuid, step_no int, kind text, params jsonb, legal_basis text, description text',
    ['powers.power_version'],
  ),

  caseCounter: spec('cases.case_counter', 'unit_code text, year int, last int'),
  attachment: spec('cases.attachment', 'sha256 text, content bytea, size int, media_type text, created_at timestamptz'),
  case: spec(
    'cases."case"',
    `id uuid, number text, unit_code text, department_id uuid, power_id uuid, power_version int, power_snapshot jsonb, applicant_name text,
     applicant_id_number text, applicant_phone text, details text, amounts jsonb, status text, outcome text, current_step int, step_entry int,
     step_started_at timestamptz, step_extension_days int, case_extension_days int, received_at timestamptz, completed_at timestamptz,
     suspended_since timestamptz, card_level text, working_days int, on_time bool, filed_by text, last_seq int, last_hash text, updated_at timestamptz`,
    [],
    2000,
  ),
  caseStepLog: spec(
    'cases.case_step_log',
    'case_id uuid, entry int, step_no int, started_at timestamptz, finished_at timestamptz, handled_by text',
    ['cases."case"'],
  ),
  casePause: spec('cases.case_pause', 'case_id uuid, started_at timestamptz, ended_at timestamptz, reason text', [
    'cases."case"',
  ]),
  caseEvent: spec(
    'cases.case_event',
    'case_id uuid, seq int, kind text, actor text, at timestamptz, payload jsonb, attachments jsonb, previous_hash text, hash text, idempotency_key text',
    ['cases."case"'],
    8000,
  ),
  card: spec(
    'cases.card',
    'id uuid, case_id uuid, unit_code text, level text, scope text, step_no int, reason text, raised_at timestamptz',
    ['cases."case"'],
  ),

  ratingDevice: spec(
    'evaluations.rating_device',
    'id uuid, unit_code text, department_id uuid, name text, key_hash text, created_by text, created_at timestamptz',
  ),
  rating: spec(
    'evaluations.rating',
    `id uuid, source text, unit_code text, department_id uuid, post_id uuid, power_id uuid, step_no int, stage_key text, device_id uuid, score smallint,
     tags text[], comment text, rated_on date, created_at timestamptz`,
    ['evaluations.rating_device'],
    8000,
  ),

  complaintCounter: spec('complaints.complaint_counter', 'year int, last int'),
  complaint: spec(
    'complaints.complaint',
    `id uuid, number text, channel text, category text, accused_kind text, accused_unit text, accused_department uuid, accused_post uuid,
     accused_person text, against_leadership bool, handler_unit text, handler_subject text, case_id uuid, power_id uuid, description text,
     anonymous bool, identity_cipher text, follow_up_hash text, status text, conclusion text, finding text, feedback text, received_at timestamptz,
     accepted_at timestamptz, concluded_at timestamptz, feedback_at timestamptz, stage_started_at timestamptz, stage_entry int, extension_days int,
     working_days_to_conclude int, last_seq int, last_hash text, updated_at timestamptz`,
  ),
  complaintEvent: spec(
    'complaints.complaint_event',
    'complaint_id uuid, seq int, kind text, actor text, at timestamptz, payload jsonb, attachments jsonb, previous_hash text, hash text, idempotency_key text',
    ['complaints.complaint'],
  ),
  complaintAlarm: spec(
    'complaints.complaint_alarm',
    'complaint_id uuid, kind text, stage text, stage_entry int, raised_at timestamptz',
    ['complaints.complaint'],
  ),

  alert: spec(
    'alerts.alert',
    `id uuid, seq bigint, kind text, level text, unit_code text, subject_type text, subject_id text, dedupe_key text, accused_unit text,
     accused_department uuid, against_leadership bool, title text, details jsonb, source text, source_event_id bigint, raised_at timestamptz,
     status text, acknowledged_by text, acknowledged_at timestamptz, disposal_kind text, disposal_note text, disposed_by text, disposed_at timestamptz`,
  ),
} satisfies Record<string, TableSpec>;
