import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSessions1764208800000 implements MigrationInterface {
  name = 'CreateSessions1764208800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE session_mode AS ENUM ('practice', 'realistic')`);
    await q.query(`CREATE TYPE session_status AS ENUM ('active', 'ended')`);
    await q.query(`
      CREATE TABLE interview_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        candidate_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        question_id text NOT NULL,
        question_version text NOT NULL,
        role_slug text NOT NULL,
        role_version text NOT NULL,
        mode session_mode NOT NULL,
        status session_status NOT NULL DEFAULT 'active',
        phases jsonb NOT NULL,
        phase_index integer NOT NULL DEFAULT 0 CHECK (phase_index >= 0),
        phase_ends_at timestamptz NOT NULL,
        last_seq integer NOT NULL DEFAULT 0,
        started_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        end_reason text CHECK (end_reason IN ('candidate', 'clock')),
        CHECK ((status = 'ended') = (ended_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX interview_sessions_candidate_idx ON interview_sessions (candidate_id, started_at DESC)`);
    await q.query(`CREATE INDEX interview_sessions_clock_idx ON interview_sessions (phase_ends_at) WHERE status = 'active'`);

    // Every server→client event, numbered per session: the log a reconnecting client replays from.
    await q.query(`
      CREATE TABLE session_events (
        session_id uuid NOT NULL REFERENCES interview_sessions(id) ON DELETE CASCADE,
        seq integer NOT NULL CHECK (seq > 0),
        type text NOT NULL,
        payload jsonb NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, seq)
      )`);

    await q.query(`
      CREATE TABLE session_turns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES interview_sessions(id) ON DELETE CASCADE,
        seq integer NOT NULL,
        phase_id text NOT NULL,
        speaker text NOT NULL CHECK (speaker IN ('candidate', 'interviewer')),
        client_id text,
        text text NOT NULL,
        reason text,
        key_point_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((speaker = 'candidate') = (client_id IS NOT NULL)),
        UNIQUE (session_id, client_id)
      )`);
    await q.query(`CREATE INDEX session_turns_session_idx ON session_turns (session_id, seq)`);

    // The intent to grade, written with the answer in one transaction: what the reconciler scans.
    await q.query(`CREATE TYPE grading_status AS ENUM ('queued', 'grading', 'scored', 'failed')`);
    await q.query(`
      CREATE TABLE answer_gradings (
        turn_id uuid PRIMARY KEY REFERENCES session_turns(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES interview_sessions(id) ON DELETE CASCADE,
        status grading_status NOT NULL DEFAULT 'queued',
        failure_code text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX answer_gradings_pending_idx ON answer_gradings (updated_at) WHERE status IN ('queued', 'grading')`);

    await q.query(`
      CREATE TABLE grades (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        turn_id uuid NOT NULL REFERENCES session_turns(id) ON DELETE CASCADE,
        rubric_version text NOT NULL,
        prompt_version text NOT NULL,
        grader text NOT NULL,
        model text,
        overall numeric(5, 2) NOT NULL CHECK (overall BETWEEN 0 AND 100),
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (turn_id, rubric_version, prompt_version)
      )`);

    await q.query(`
      CREATE TABLE session_reports (
        session_id uuid PRIMARY KEY REFERENCES interview_sessions(id) ON DELETE CASCADE,
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['session_reports', 'grades', 'answer_gradings', 'session_turns', 'session_events', 'interview_sessions']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP TYPE grading_status`);
    await q.query(`DROP TYPE session_status`);
    await q.query(`DROP TYPE session_mode`);
  }
}
