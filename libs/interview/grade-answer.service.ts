import { setTimeout as delay } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { ContentService, type Question } from '#libs/content';
import { type Grade, type GradeInput, GradingError, GradingService } from '#libs/grading';
import { LOGGER, type Logger } from '#libs/logging';
import { type GradeOutcome, MetricsService } from '#libs/metrics';
import { type JobContext, JobQueue, WorkerStoppingError } from '#libs/queue';
import { withSpan } from '#libs/tracing';
import { AnswerBoardService } from './answer-board.service.js';
import { CodeRunsRepository } from './code-runs.repository.js';
import { toCodeEvidence } from './code-evidence.js';
import { gradeScored } from './grade-event.js';
import { InterviewerReplyService } from './interviewer-reply.service.js';
import { repliesAfterGrade } from './reply-routing.js';
import { SessionNotifier } from './session-notifier.js';
import { reportJobId } from './sessions.service.js';
import { type NewEvent, SessionsRepository, type SessionTx } from './sessions.repository.js';

const HISTORY_TURNS = 12;
const ANNOUNCE_GRADING_AFTER_MS = 250;

/** How a failed grading attempt ends, for the grade latency metric. */
function gradeOutcome(err: unknown, attemptsLeft: boolean): GradeOutcome {
  if (err instanceof GradingError && err.retryAfterMs !== undefined && err.retryAfterMs > 0) return 'rate_limited';
  const retryable = !(err instanceof GradingError) || err.retryable;
  return retryable && attemptsLeft ? 'retry' : 'failed';
}

/**
 * The worker's half of the life of an answer: grade it, store the grade once and tell the room (and, fully
 * offline, let the interviewer reply with that grade: see `repliesAfterGrade`). Safe to run twice for the same turn: the second run changes nothing.
 */
@Injectable()
export class GradeAnswerService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly code: CodeRunsRepository,
    private readonly boards: AnswerBoardService,
    private readonly jobs: JobQueue,
    private readonly content: ContentService,
    private readonly grading: GradingService,
    private readonly notifier: SessionNotifier,
    private readonly replies: InterviewerReplyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly metrics: MetricsService,
  ) {}

  async grade(turnId: string, ctx: JobContext): Promise<void> {
    const found = await this.sessions.answerToGrade(turnId);
    if (!found || found.status === 'failed') return; // deleted with its session, or done
    if (found.status === 'scored') {
      // A run that stored the grade and stopped before the reply: the reply is once-only, so ask again.
      if (repliesAfterGrade(this.config)) await this.replyAfterGrade(turnId, undefined, ctx);
      return;
    }
    const { session, turns } = found;
    const [question, role] = await Promise.all([
      this.content.questionAt(session.questionId, session.questionVersion),
      this.content.roleAt(session.roleSlug, session.roleVersion),
    ]);
    const turn = turns.find((t) => t.id === turnId);
    if (!turn) return;
    // A coding answer is graded with the code it explains and what the tests made of it.
    const code = question.kind === 'coding' ? toCodeEvidence(await this.code.gradedRun(session.id)) : undefined;
    // A system-design answer is graded with the board as it stood when it was given (the latest snapshot before it).
    const board = await this.boards.at(question, session.id, turn.seq);
    const history = turns
      .filter((t) => t.seq < turn.seq)
      .slice(-HISTORY_TURNS)
      .map((t) => ({ role: t.speaker, text: t.text, phaseId: t.phaseId }));

    const input: GradeInput = {
      question,
      questionVersion: question.version,
      role,
      phaseId: turn.phaseId,
      history,
      answer: turn.text,
      promptVersion: this.content.prompt('grader').version,
      ...(code ? { code } : {}),
      ...(board ? { diagram: { graph: board.graph, phaseId: board.phaseId } } : {}),
    };
    const started = performance.now();
    const grading = this.gradeTraced(input, ctx.signal);
    const announced = found.status === 'queued' ? this.announceIfSlow(turnId, grading) : Promise.resolve();
    let grade: Grade;
    try {
      grade = await grading;
    } catch (err) {
      await announced;
      // The worker is stopping and has handed the job back: another worker grades it; this is no failure.
      if (ctx.signal.reason instanceof WorkerStoppingError) throw err;
      this.metrics.gradeAttempt(
        this.config.llm.provider,
        gradeOutcome(err, ctx.attempt < this.config.queue.attempts),
        (performance.now() - started) / 1000,
      );
      const failure = err instanceof GradingError ? err.code : 'GRADER_UNAVAILABLE';
      if (err instanceof GradingError && err.retryAfterMs !== undefined && err.retryAfterMs > 0) {
        const fallback = await this.onRateLimited(turnId, new Date(turn.createdAt), err, input);
        if (!fallback) return;
        await this.store(turnId, fallback, question);
        if (repliesAfterGrade(this.config)) await this.replyAfterGrade(turnId, fallback, ctx);
        return;
      }
      const retryable = !(err instanceof GradingError) || err.retryable;
      if (retryable && ctx.attempt < this.config.queue.attempts) throw err;
      this.logger.warn({ err, turnId, attempt: ctx.attempt }, 'grading failed for good');
      await this.fail(turnId, failure);
      return;
    }
    await announced; // `grading` (if said) is always before `scored`
    this.metrics.gradeAttempt(grade.provenance.grader, 'scored', (performance.now() - started) / 1000);
    this.metrics.tokensSpent(grade.provenance.model ?? grade.provenance.grader, grade.provenance.tokens);
    await this.store(turnId, grade, question);
    if (repliesAfterGrade(this.config)) await this.replyAfterGrade(turnId, grade, ctx);
  }

  /** The grader's call as a span: its grader, model and tokens as attributes (the LLM's request is a child span). */
  private gradeTraced(input: GradeInput, signal: AbortSignal): Promise<Grade> {
    return withSpan(
      'grader.grade',
      { 'grader.provider': this.config.llm.provider, 'question.id': input.question.id, 'phase.id': input.phaseId },
      async (span) => {
        const grade = await this.grading.grade(input, signal);
        const { grader, model, tokens } = grade.provenance;
        span.setAttributes({
          'grader.name': grader,
          'gen_ai.request.model': model ?? grader,
          'gen_ai.usage.input_tokens': tokens.prompt,
          'gen_ai.usage.cached_input_tokens': tokens.cached,
          'gen_ai.usage.output_tokens': tokens.completion,
        });
        return grade;
      },
    );
  }

  /**
   * The provider answered 429. Within GRADE_MAX_WAIT_MS of the answer the candidate is told once (`grade:status
   * delayed`: the reason, when the next try is expected, the latest the wait lasts) and the job goes back to the
   * queue, which waits the provider out without spending an attempt (rethrown). Past that bound the answer is not
   * left waiting: graded by the offline grader with `provenance.fallback` saying so (returned, to be stored), or
   * failed with GRADER_RATE_LIMITED (`grade:retry` works), as GRADE_ON_PROVIDER_LIMIT says.
   */
  private async onRateLimited(turnId: string, answeredAt: Date, err: GradingError, input: GradeInput): Promise<Grade | null> {
    const now = Date.now();
    const giveUpAt = answeredAt.getTime() + this.config.llm.maxWaitMs;
    const retryAt = now + (err.retryAfterMs ?? 0);
    if (retryAt <= giveUpAt) {
      const done = await this.sessions.inSessionOfAnswer(turnId, async (tx, status) => {
        if (status !== 'queued' && status !== 'grading') return;
        if ((await tx.lastGradeStatus(turnId)) === 'delayed') return;
        await tx.appendEvent('grade:status', {
          turnId,
          status: 'delayed',
          reason: 'PROVIDER_RATE_LIMITED',
          retryAt: new Date(retryAt).toISOString(),
          giveUpAt: new Date(giveUpAt).toISOString(),
        });
      });
      if (done) await this.notifier.notify(done.appended);
      throw err;
    }
    this.logger.warn(
      { turnId, waitedMs: now - answeredAt.getTime(), onProviderLimit: this.config.llm.onProviderLimit },
      'the grading provider rate-limited past GRADE_MAX_WAIT_MS',
    );
    if (this.config.llm.onProviderLimit === 'fail') {
      await this.fail(turnId, 'GRADER_RATE_LIMITED');
      return null;
    }
    const offline = await this.grading.analyse(input);
    return { ...offline, provenance: { ...offline.provenance, fallback: { from: this.config.llm.provider, reason: 'PROVIDER_RATE_LIMITED' } } };
  }

  /** The grade is stored and told; a reply that fails now goes to its own job rather than failing the grade. */
  private async replyAfterGrade(turnId: string, grade: Grade | undefined, ctx: JobContext): Promise<void> {
    try {
      await this.replies.reply(turnId, ctx, grade);
    } catch (err) {
      this.logger.warn({ err, turnId }, 'the reply after the grade failed; queued on its own');
      await this.jobs.enqueue('interviewer.reply', { turnId }, { jobId: `reply-${turnId}` });
    }
  }

  /**
   * Says `grade:status grading` once a grade takes longer than ANNOUNCE_GRADING_AFTER_MS (an LLM call). A
   * quicker grade (the offline grader) goes straight from queued to scored: announcing it would put one more
   * transaction, notice and emit on the answer's critical path for a state nobody could see.
   */
  private async announceIfSlow(turnId: string, grading: Promise<unknown>): Promise<void> {
    const timer = new AbortController();
    const finished = grading.then(
      () => false,
      () => false,
    );
    const slow = await Promise.race([finished, delay(ANNOUNCE_GRADING_AFTER_MS, true, { signal: timer.signal }).catch(() => false)]);
    timer.abort();
    if (!slow) return;
    const done = await this.sessions.inSessionOfAnswer(turnId, async (tx, status) => {
      if (status !== 'queued') return;
      await tx.setGradingStatus(turnId, 'grading');
      await tx.appendEvent('grade:status', { turnId, status: 'grading' });
    });
    if (done) await this.notifier.notify(done.appended);
  }

  /** Ends a grading the reconciler could not get done in its bounded re-drives (grade:failed, can be retried). */
  async failForGood(turnId: string, code: string): Promise<void> {
    await this.fail(turnId, code);
  }

  private async fail(turnId: string, code: string): Promise<void> {
    const done = await this.sessions.inSessionOfAnswer(turnId, async (tx, status) => {
      if (status !== 'grading' && status !== 'queued') return null;
      await tx.setGradingStatus(turnId, 'failed', code);
      await tx.appendEvents([
        { type: 'grade:status', payload: { turnId, status: 'failed' } },
        { type: 'grade:failed', payload: { turnId, code } },
      ]);
      return this.reportToRebuild(tx);
    });
    if (!done) return;
    await this.notifier.notify(done.appended);
    if (done.result) await this.rebuildReport(done.result, turnId);
  }

  /**
   * The session, when its report is to be built now: this grading settled the last pending answer of an ended
   * session (its first build), or changed a grade of one that has a report (a retried grade: the report is stale).
   */
  private async reportToRebuild(tx: SessionTx): Promise<string | null> {
    if (tx.session.status !== 'ended') return null;
    return (await tx.hasReport()) || (await tx.pendingGradings()) === 0 ? tx.session.id : null;
  }

  /**
   * Asks for the report's next version. A job of its own per change (the first build's id may still be held by a
   * finished job); a build identical to the stored report changes nothing. If Redis refuses, the reconciler finds
   * the stale report.
   */
  private async rebuildReport(sessionId: string, turnId: string): Promise<void> {
    try {
      await this.jobs.enqueue('sessions.build-report', { sessionId }, { jobId: reportJobId(sessionId, `${turnId}-${Date.now()}`) });
    } catch (err) {
      this.logger.warn({ err, sessionId }, 'could not queue the report rebuild; the reconciler will');
    }
  }

  /** Stores the grade, moves the status and releases the grade (practice): one transaction. The interviewer replies on its own job. */
  private async store(turnId: string, grade: Grade, question: Question): Promise<void> {
    const done = await this.sessions.inSessionOfAnswer(turnId, async (tx) => {
      const fresh = await tx.storeGrade({
        turnId,
        rubricVersion: grade.provenance.rubricVersion,
        promptVersion: grade.provenance.promptVersion,
        grader: grade.provenance.grader,
        model: grade.provenance.model,
        overall: grade.overall,
        body: grade,
      });
      if (!fresh) return null;
      const events: NewEvent[] = [{ type: 'grade:status', payload: { turnId, status: 'scored' } }];
      // Realistic mode keeps grades for the end, like a real interview (after it, the report's rebuild sends
      // them); the status still moves.
      if (tx.session.mode === 'practice') events.push({ type: 'grade:scored', payload: gradeScored(turnId, grade, question) });
      await tx.appendEvents(events);
      return this.reportToRebuild(tx);
    });
    if (!done) return;
    await this.notifier.notify(done.appended);
    if (done.result) await this.rebuildReport(done.result, turnId);
  }
}
