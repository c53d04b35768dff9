import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The interviewer's conversation: how each candidate turn was read (`kind`: only answers and "I don't
 * know" are graded), and for an interviewer line the key that makes it once-only (`line_key`: the reply
 * to a turn, a phase's two-minute nudge) and what it was made of (`meta`: facts given, probe asked,
 * provenance with the LLM's tokens).
 */
export class InterviewerLines1764223200000 implements MigrationInterface {
  name = 'InterviewerLines1764223200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE session_turns
        ADD COLUMN kind text CHECK (kind IN ('answer', 'question', 'move-on', 'dont-know')),
        ADD COLUMN line_key text,
        ADD COLUMN meta jsonb,
        ADD CHECK (speaker = 'interviewer' OR line_key IS NULL)`);
    await q.query(`CREATE UNIQUE INDEX session_turns_line_key_idx ON session_turns (session_id, line_key) WHERE line_key IS NOT NULL`);
    // The rollout sums today's LLM tokens of interviewer lines.
    await q.query(`CREATE INDEX session_turns_lines_idx ON session_turns (created_at) WHERE meta IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX session_turns_lines_idx`);
    await q.query(`DROP INDEX session_turns_line_key_idx`);
    await q.query(`ALTER TABLE session_turns DROP COLUMN meta, DROP COLUMN line_key, DROP COLUMN kind`);
  }
}
