import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDiagramSnapshots1764234000000 implements MigrationInterface {
  name = 'CreateDiagramSnapshots1764234000000';

  async up(q: QueryRunner): Promise<void> {
    // Every board snapshot of a system-design session, with its time, phase and the component graph read from it:
    // the replay, the latest scene for a reload or another device, and what the graders read. `seq` is the
    // snapshot's `diagram:updated` event in session_events.
    await q.query(`
      CREATE TABLE diagram_snapshots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES interview_sessions(id) ON DELETE CASCADE,
        client_id text NOT NULL,
        seq integer NOT NULL,
        phase_id text NOT NULL,
        scene jsonb NOT NULL,
        graph jsonb NOT NULL,
        bytes integer NOT NULL,
        element_count integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (session_id, client_id),
        UNIQUE (session_id, seq)
      )`);
    await q.query(`CREATE INDEX diagram_snapshots_session_idx ON diagram_snapshots (session_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE diagram_snapshots`);
  }
}
