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
  due_from: string | null;
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

/** Stored state of a consultation; the shown status also depends on the dates (see consultations/status.ts). */
export type ConsultationState = 'draft' | 'open' | 'reported' | 'withdrawn';
export type CommentStatus = 'pending' | 'approved' | 'rejected';
export type AdoptionOutcome = 'adopted' | 'partly_adopted' | 'not_adopted';

export interface ConsultationsTable {
  tenant_id: string;
  id: string;
  unit_id: string;
  title: string;
  explanation: string;
  state: ConsultationState;
  opens_on: string | null;
  closes_on: string | null;
  first_closes_on: string | null;
  published_at: string | null;
  published_by: string | null;
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
  report_summary: string | null;
  report_published_at: string | null;
  report_published_by: string | null;
  final_disclosure_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ConsultationParagraphsTable {
  tenant_id: string;
  id: string;
  consultation_id: string;
  number: number;
  body: string;
}

export interface ConsultationCommentsTable {
  tenant_id: string;
  id: string;
  consultation_id: string;
  paragraph_number: number | null;
  author_name: string | null;
  contact: string | null;
  body: string;
  status: CommentStatus;
  flag_words: string | null;
  flag_personal: string | null;
  moderated_by: string | null;
  moderated_at: string | null;
  reject_reason: string | null;
  decision_id: string | null;
  submitted_at: string;
}

export interface ConsultationDecisionsTable {
  tenant_id: string;
  id: string;
  consultation_id: string;
  outcome: AdoptionOutcome;
  reason: string | null;
  decided_by: string | null;
  decided_at: string;
}

export interface ConsultationEventsTable {
  tenant_id: string;
  id: string;
  consultation_id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  kind: string;
  note: string | null;
  public: Flag;
}

export interface ConsultationTables {
  consultations: ConsultationsTable;
  consultation_paragraphs: ConsultationParagraphsTable;
  consultation_comments: ConsultationCommentsTable;
  consultation_decisions: ConsultationDecisionsTable;
  consultation_events: ConsultationEventsTable;
}
/** 点单式公开 (src/engagement/demands/, migration 0013). */
export type DemandStatus = 'held' | 'open' | 'answered' | 'rejected';
export type DemandAnswerKind = 'added_to_catalog' | 'already_published' | 'cannot_disclose';

export interface DemandsTable {
  tenant_id: string;
  id: string;
  unit_id: string;
  title: string;
  title_key: string;
  description: string;
  author_name: string | null;
  contact: string | null;
  submitted_by: string | null;
  status: DemandStatus;
  held_words: string | null;
  moderated_by: string | null;
  moderated_at: string | null;
  moderation_note: string | null;
  support_count: number;
  submitted_at: string;
  answered_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface DemandSupportsTable {
  tenant_id: string;
  id: string;
  demand_id: string;
  supporter_key: string;
  created_at: string;
}

export interface DemandAnswersTable {
  tenant_id: string;
  id: string;
  demand_id: string;
  unit_id: string;
  kind: DemandAnswerKind;
  catalog_entry_id: string | null;
  disclosure_id: string | null;
  ground: string | null;
  explanation: string | null;
  answered_by: string | null;
  answered_by_name: string | null;
  answered_at: string;
}

export interface DemandTables {
  demands: DemandsTable;
  demand_supports: DemandSupportsTable;
  demand_answers: DemandAnswersTable;
}
export type SurveyStatus = 'draft' | 'open' | 'closed' | 'finalized';
export type SurveyAudience = 'signed_in' | 'anonymous';
export type SurveyLevel = 'satisfied' | 'basic' | 'dissatisfied';

export interface SurveysTable {
  tenant_id: string;
  id: string;
  title: string;
  description: string;
  opens_on: string;
  closes_on: string;
  audience: SurveyAudience;
  weight_satisfied: number;
  weight_basic: number;
  weight_dissatisfied: number;
  status: SurveyStatus;
  created_by: string | null;
  opened_at: string | null;
  closed_at: string | null;
  closed_early: Flag;
  finalized_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SurveyUnitsTable {
  tenant_id: string;
  id: string;
  survey_id: string;
  unit_id: string;
  sort_order: number;
}

export interface SurveyRatingsTable {
  tenant_id: string;
  id: string;
  survey_id: string;
  unit_id: string;
  rater_key: string;
  person_id: string | null;
  level: SurveyLevel;
  comment: string | null;
  created_at: string;
  updated_at: string;
}

export interface SurveyResultsTable {
  tenant_id: string;
  id: string;
  survey_id: string;
  unit_id: string;
  unit_name: string;
  satisfied: number;
  basic: number;
  dissatisfied: number;
  raters: number;
  rate: number | null;
  score: number | null;
  rank: number | null;
  computed_at: string;
}

export interface SurveyTables {
  surveys: SurveysTable;
  survey_units: SurveyUnitsTable;
  survey_ratings: SurveyRatingsTable;
  survey_results: SurveyResultsTable;
}
