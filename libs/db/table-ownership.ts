/**
 * Which lib owns each table (created by the migrations in ./migrations). Only the owner's repositories name a
 * table in SQL; another lib reaches it through the owner's public service (test/lint/table-ownership.spec.ts
 * scans every repository's SQL against this map, and checks that the map covers every table the migrations create).
 */
export const TABLE_OWNERS = {
  users: 'auth',
  refresh_tokens: 'auth',
  content_versions: 'content',
  interview_sessions: 'interview',
  session_events: 'interview',
  session_turns: 'interview',
  answer_gradings: 'interview',
  grades: 'interview',
  session_reports: 'interview',
  code_snapshots: 'interview',
  code_runs: 'interview',
  diagram_snapshots: 'interview',
  coach_assignments: 'review',
  review_corrections: 'review',
  review_annotations: 'review',
  review_disputes: 'review',
  session_reviews: 'review',
  session_deletions: 'review',
  waitlist_entries: 'waitlist',
  waitlist_invites: 'waitlist',
  outbox_messages: 'waitlist',
  rollout_settings: 'rollout',
} as const;
