import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateContentVersions1764205200000 implements MigrationInterface {
  name = 'CreateContentVersions1764205200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE content_versions (
        kind text NOT NULL CHECK (kind IN ('role', 'question', 'prompt')),
        content_id text NOT NULL,
        version text NOT NULL CHECK (version ~ '^[0-9a-f]{64}$'),
        body jsonb NOT NULL,
        source_file text NOT NULL,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, content_id, version)
      )`);
    // A version is a fact a grade points at: it may be added, never changed or removed.
    await q.query(`
      CREATE FUNCTION content_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'content_versions rows are immutable';
      END $$`);
    await q.query(`
      CREATE TRIGGER content_versions_immutable BEFORE UPDATE OR DELETE ON content_versions
      FOR EACH ROW EXECUTE FUNCTION content_versions_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE content_versions`);
    await q.query(`DROP FUNCTION content_versions_immutable()`);
  }
}
