import type { Flag } from './types.ts';

/**
 * Table types of public engagement (src/engagement/). Each feature of the folder adds its tables
 * here in its own interface (FeedbackTables, ConsultationTables, DemandTables, SurveyTables), and
 * `Database` in types.ts extends them all.
 */

export type FeedbackKind = 'suggestion' | 'question' | 'complaint' | 'report';
export type FeedbackStatus =
  | 'held'
  | 'received'
  | 'assigned'
  | 'in_progress'
  | 'replied'
  | 'cannot_handle'
  | 'closed'
  | 'rejected';
export type FeedbackRating = 'satisfied' | 'basic' | 'dissatisfied';

export interface FeedbackTable {
  tenant_id: string;
  id: string;
  addressed_unit_id: string;
  unit_id: string;
  disclosure_id: string | null;
  kind: FeedbackKind;
  subject: string;
  body: string;
  author_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  private: Flag;
  channel: 'online' | 'paper';
  entered_by: string | null;
  status: FeedbackStatus;
  held_words: string | null;
  moderated_by: string | null;
  moderated_at: string | null;
  moderation_note: string | null;
  tracking_code: string;
  secret_hash: string;
  body_digest: string;
  submitted_at: string;
  received_on: string;
  assigned_at: string | null;
  reply_days: number;
  due_on: string | null;
  replied_on: string | null;
  first_due_on: string | null;
  first_replied_on: string | null;
  cannot_handle_reason: string | null;
  closed_at: string | null;
  reopened_count: number;
  rating: FeedbackRating | null;
  rating_comment: string | null;
  rated_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface FeedbackRepliesTable {
  tenant_id: string;
  id: string;
  feedback_id: string;
  round: number;
  body: string;
  unit_id: string;
  replied_by: string | null;
  replied_at: string;
}

export interface FeedbackEventsTable {
  tenant_id: string;
  id: string;
  feedback_id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  kind: string;
  unit_id: string | null;
  detail: string | null;
}

export interface EngagementAttemptsTable {
  tenant_id: string;
  id: string;
  kind: string;
  key: string;
  at: string;
}

export interface FeedbackTables {
  feedback: FeedbackTable;
  feedback_replies: FeedbackRepliesTable;
  feedback_events: FeedbackEventsTable;
  engagement_attempts: EngagementAttemptsTable;
}

// biome-ignore lint/suspicious/noEmptyInterface: filled in by the consultations feature (预公开)
export interface ConsultationTables {}
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the demands feature (点单式公开)
export interface DemandTables {}
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the surveys feature (满意度测评)
export interface SurveyTables {}
