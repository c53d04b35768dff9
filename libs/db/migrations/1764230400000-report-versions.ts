import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A session's report is rebuilt whenever one of its grades changes after the end (a `grade:retry`): each build
 * that differs is a new version, the old ones kept; a build identical to the latest only confirms it
 * (`confirmed_at`), which lets the reconciler find reports older than a grade that settled since.
 */
export class ReportVersions1764230400000 implements MigrationInterface {
  name = 'ReportVersions1764230400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE session_reports ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN confirmed_at timestamptz NOT NULL DEFAULT now()`,
    );
    await q.query(`UPDATE session_reports SET confirmed_at = created_at`);
    await q.query(`ALTER TABLE session_reports DROP CONSTRAINT session_reports_pkey, ADD PRIMARY KEY (session_id, version)`);
    await q.query(`CREATE INDEX answer_gradings_settled_idx ON answer_gradings (updated_at) WHERE status IN ('scored', 'failed')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX answer_gradings_settled_idx`);
    await q.query(`DELETE FROM session_reports r WHERE version < (SELECT max(version) FROM session_reports l WHERE l.session_id = r.session_id)`);
    await q.query(`ALTER TABLE session_reports DROP CONSTRAINT session_reports_pkey, ADD PRIMARY KEY (session_id)`);
    await q.query(`ALTER TABLE session_reports DROP COLUMN confirmed_at, DROP COLUMN version`);
  }
}
