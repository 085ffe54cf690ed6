/** A complaint as stored. */
export interface ComplaintRow {
  id: string;
  number: string;
  channel: string;
  category: string;
  accused_kind: string;
  accused_unit: string;
  accused_department: string | null;
  accused_post: string | null;
  accused_person: string | null;
  against_leadership: boolean;
  handler_unit: string;
  handler_subject: string | null;
  case_id: string | null;
  power_id: string | null;
  description: string;
  anonymous: boolean;
  identity_cipher: string | null;
  follow_up_hash: string;
  status: string;
  conclusion: string | null;
  finding: string | null;
  feedback: string | null;
  received_at: Date;
  accepted_at: Date | null;
  concluded_at: Date | null;
  feedback_at: Date | null;
  stage_started_at: Date;
  stage_entry: number;
  extension_days: number;
  working_days_to_conclude: number | null;
  last_seq: number;
  last_hash: string;
}

/** Statuses in which the complaint is still being handled. */
export const OPEN_STATUSES = ['RECEIVED', 'TRANSFERRED', 'ACCEPTED', 'INVESTIGATING'];
