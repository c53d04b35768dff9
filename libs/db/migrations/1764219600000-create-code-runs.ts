import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCodeRuns1764219600000 implements MigrationInterface {
  name = 'CreateCodeRuns1764219600000';

  async up(q: QueryRunner): Promise<void> {
    // Every editor snapshot with its time: the coach's replay of how the code grew.
    await q.query(`
      CREATE TABLE code_snapshots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES interview_sessions(id) ON DELETE CASCADE,
        client_id text NOT NULL,
        phase_id text NOT NULL,
        language text NOT NULL CHECK (language IN ('python', 'javascript')),
        code text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (session_id, client_id)
      )`);
    await q.query(`CREATE INDEX code_snapshots_session_idx ON code_snapshots (session_id, created_at)`);

    // A run or submission of one snapshot; the full result (hidden tests included) never leaves the server.
    await q.query(`
      CREATE TABLE code_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES interview_sessions(id) ON DELETE CASCADE,
        client_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('run', 'submit')),
        snapshot_id uuid NOT NULL REFERENCES code_snapshots(id) ON DELETE CASCADE,
        phase_id text NOT NULL,
        state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done')),
        status text,
        result jsonb,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        finished_at timestamptz,
        UNIQUE (session_id, client_id),
        CHECK ((state = 'done') = (result IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX code_runs_session_idx ON code_runs (session_id, created_at)`);
    await q.query(`CREATE INDEX code_runs_pending_idx ON code_runs (created_at) WHERE state <> 'done'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE code_runs`);
    await q.query(`DROP TABLE code_snapshots`);
  }
}
