import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A run on the candidate's own input (`code:run` with `input`): the text as typed (one JSON argument per line).
 * Null for test runs and submissions. Such a run is never graded nor counted as a test run.
 */
export class CodeRunInput1764241200000 implements MigrationInterface {
  name = 'CodeRunInput1764241200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE code_runs ADD COLUMN input text`);
    await q.query(`ALTER TABLE code_runs ADD CONSTRAINT code_runs_input_run_only CHECK (input IS NULL OR kind = 'run')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE code_runs DROP COLUMN input`);
  }
}
