import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { ContentService } from '#libs/content';
import { type Grade, GradingError, GradingService } from '#libs/grading';
import { LOGGER, type Logger } from '#libs/logging';
import type { JobContext } from '#libs/queue';
import { CodeRunsRepository } from './code-runs.repository.js';
import { toCodeEvidence } from './code-evidence.js';
import { followUpLine } from './interviewer.js';
import { say } from './session-flow.js';
import { SessionNotifier } from './session-notifier.js';
import { SessionsRepository, type SessionTx } from './sessions.repository.js';

const HISTORY_TURNS = 12;

/**
 * The worker's half of the life of an answer: grade it, store the grade once, tell the room, and let the
 * interviewer follow up. Safe to run twice for the same turn: the second run changes nothing.
 */
@Injectable()
export class GradeAnswerService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly code: CodeRunsRepository,
    private readonly content: ContentService,
    private readonly grading: GradingService,
    private readonly notifier: SessionNotifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async grade(turnId: string, ctx: JobContext): Promise<void> {
    const turn = await this.sessions.turn(turnId);
    if (!turn || turn.speaker !== 'candidate') return; // deleted with its session, or not an answer
    const started = await this.sessions.inSession(turn.sessionId, async (tx) => {
      const grading = await tx.grading(turnId);
      if (!grading || grading.status === 'scored' || grading.status === 'failed') return null;
      if (grading.status === 'queued') {
        await tx.setGradingStatus(turnId, 'grading');
        await tx.appendEvent('grade:status', { turnId, status: 'grading' });
      }
      return tx.session;
    });
    if (!started?.result) return;
    await this.notifier.notify(turn.sessionId, started.appended);
    const session = started.result;

    const [question, role, turns] = await Promise.all([
      this.content.questionAt(session.questionId, session.questionVersion),
      this.content.roleAt(session.roleSlug, session.roleVersion),
      this.sessions.turns(session.id),
    ]);
    // A coding answer is graded with the code it explains and what the tests made of it.
    const code = question.kind === 'coding' ? toCodeEvidence(await this.code.gradedRun(session.id)) : undefined;
    const history = turns
      .filter((t) => t.seq < turn.seq)
      .slice(-HISTORY_TURNS)
      .map((t) => ({ role: t.speaker, text: t.text }));

    let grade: Grade;
    try {
      grade = await this.grading.grade(
        { question, questionVersion: question.version, role, phaseId: turn.phaseId, history, answer: turn.text, promptVersion: this.content.prompt('grader').version, ...(code ? { code } : {}) },
        ctx.signal,
      );
    } catch (err) {
      const code = err instanceof GradingError ? err.code : 'GRADER_UNAVAILABLE';
      // A provider's 429 goes back to the queue, which waits it out without spending an attempt.
      if (err instanceof GradingError && err.retryAfterMs !== undefined && err.retryAfterMs > 0) throw err;
      const retryable = !(err instanceof GradingError) || err.retryable;
      if (retryable && ctx.attempt < this.config.queue.attempts) throw err;
      this.logger.warn({ err, turnId, attempt: ctx.attempt }, 'grading failed for good');
      await this.fail(session.id, turnId, code);
      return;
    }
    await this.store(session.id, turnId, grade);
  }

  private async fail(sessionId: string, turnId: string, code: string): Promise<void> {
    const done = await this.sessions.inSession(sessionId, async (tx) => {
      const grading = await tx.grading(turnId);
      if (grading?.status !== 'grading' && grading?.status !== 'queued') return;
      await tx.setGradingStatus(turnId, 'failed', code);
      await tx.appendEvent('grade:status', { turnId, status: 'failed' });
      await tx.appendEvent('grade:failed', { turnId, code });
    });
    if (done) await this.notifier.notify(sessionId, done.appended);
  }

  private async store(sessionId: string, turnId: string, grade: Grade): Promise<void> {
    const done = await this.sessions.inSession(sessionId, async (tx) => {
      const fresh = await tx.insertGrade({
        turnId,
        rubricVersion: grade.provenance.rubricVersion,
        promptVersion: grade.provenance.promptVersion,
        grader: grade.provenance.grader,
        model: grade.provenance.model,
        overall: grade.overall,
        body: grade,
      });
      if (!fresh) return;
      await tx.setGradingStatus(turnId, 'scored');
      await tx.appendEvent('grade:status', { turnId, status: 'scored' });
      // Realistic mode keeps grades for the end, like a real interview; the status still moves.
      if (tx.session.mode === 'practice') await tx.appendEvent('grade:scored', { turnId, grade });
      if (tx.session.status === 'active') await this.followUp(tx);
    });
    if (done) await this.notifier.notify(sessionId, done.appended);
  }

  /**
   * Follows up on the latest answer only, so a burst of grades does not become a burst of questions. Reads go
   * through the transaction: a second pooled connection per job would deadlock a busy pool.
   */
  private async followUp(tx: SessionTx): Promise<void> {
    const s = tx.session;
    const last = (await tx.turns()).reverse().find((t) => t.speaker === 'candidate');
    const grading = last ? await tx.grading(last.id) : null;
    if (!last || grading?.status !== 'scored') return;
    const [question, grades] = await Promise.all([this.content.questionAt(s.questionId, s.questionVersion), tx.grades()]);
    const covered = new Set(
      grades.flatMap((g) => (g.body as Grade).keyPoints.filter((k) => k.status === 'covered').map((k) => k.id)),
    );
    await say(tx, followUpLine(question, s.phases[s.phaseIndex]!.id, covered));
  }
}
