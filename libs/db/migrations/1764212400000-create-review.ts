import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Coach review: assignments, append-only corrections, annotations, disputes, completed reviews, deletion audit. */
export class CreateReview1764212400000 implements MigrationInterface {
  name = 'CreateReview1764212400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE coach_assignments (
        coach_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        candidate_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        assigned_by uuid REFERENCES users(id) ON DELETE SET NULL,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (coach_id, candidate_id),
        CHECK (coach_id <> candidate_id)
      )`);
    await q.query(`CREATE INDEX coach_assignments_candidate_idx ON coach_assignments (candidate_id)`);

    // Never updated: a new correction of the same item is the next version. turn_id NULL = the session report.
    await q.query(`
      CREATE TABLE review_corrections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES interview_sessions(id) ON DELETE CASCADE,
        turn_id uuid REFERENCES session_turns(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('dimension', 'key_point')),
        item_id text NOT NULL,
        value text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        coach_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX review_corrections_version_key
         ON review_corrections (session_id, (coalesce(turn_id::text, 'report')), kind, item_id, version)`,
    );

    await q.query(`
      CREATE TABLE review_annotations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES interview_sessions(id) ON DELETE CASCADE,
        turn_id uuid NOT NULL REFERENCES session_turns(id) ON DELETE CASCADE,
        coach_id uuid REFERENCES users(id) ON DELETE SET NULL,
        comment text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX review_annotations_session_idx ON review_annotations (session_id, created_at)`);

    await q.query(`
      CREATE TABLE review_disputes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES interview_sessions(id) ON DELETE CASCADE,
        turn_id uuid REFERENCES session_turns(id) ON DELETE CASCADE,
        candidate_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        comment text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz
      )`);
    await q.query(`CREATE INDEX review_disputes_open_idx ON review_disputes (session_id) WHERE resolved_at IS NULL`);

    await q.query(`
      CREATE TABLE session_reviews (
        session_id uuid PRIMARY KEY REFERENCES interview_sessions(id) ON DELETE CASCADE,
        coach_id uuid REFERENCES users(id) ON DELETE SET NULL,
        completed_at timestamptz NOT NULL DEFAULT now()
      )`);

    // The audit of a deletion outlives the session: no foreign key to it, and no content.
    await q.query(`
      CREATE TABLE session_deletions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL,
        candidate_id uuid NOT NULL,
        deleted_by uuid NOT NULL,
        deleted_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'session_deletions',
      'session_reviews',
      'review_disputes',
      'review_annotations',
      'review_corrections',
      'coach_assignments',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
