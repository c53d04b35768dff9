import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, type Logger } from '#libs/logging';
import { JobQueue } from '#libs/queue';
import { toCandidateResult } from '#libs/sandbox';
import { CodeRunsRepository } from './code-runs.repository.js';
import type { StoredCodeResult } from './code-timeline.js';
import { SessionNotifier } from './session-notifier.js';
import { SessionsRepository } from './sessions.repository.js';
import { reportJobId } from './sessions.service.js';

/**
 * How a code run ends, whoever ends it: the code runner with the sandbox's result, or the worker's reconciler
 * when a run could not be carried out. Needs no sandbox, so the grading worker has it too.
 */
@Injectable()
export class CodeRunResults {
  constructor(
    private readonly code: CodeRunsRepository,
    private readonly sessions: SessionsRepository,
    private readonly notifier: SessionNotifier,
    private readonly jobs: JobQueue,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Ends a run that could not be carried out after the reconciler's bounded re-drives: a terminal RUNTIME_ERROR
   * with a stable `errorCode`, so the candidate's pending run ends like any other.
   */
  async failForGood(runId: string, errorCode: string): Promise<void> {
    const found = await this.code.run(runId);
    if (!found || found.run.state === 'done') return;
    const result: StoredCodeResult = {
      status: 'RUNTIME_ERROR',
      tests: [],
      message: `the run could not be carried out (${errorCode}); run it again`,
      errorCode,
      visible: { passed: 0, total: 0 },
      hidden: { passed: 0, total: 0 },
      wallMs: 0,
    };
    await this.finish(found.run.sessionId, runId, found.run.kind, result);
  }

  /** Stores a run's result once and tells the room with `code:result` (hidden tests as pass/fail only). */
  async finish(sessionId: string, runId: string, kind: 'run' | 'submit', result: StoredCodeResult): Promise<void> {
    const done = await this.sessions.inSession(sessionId, async (tx) => {
      if (!(await this.code.finishRun(tx, runId, result.status, result))) return;
      const shown = toCandidateResult(result);
      await tx.appendEvent('code:result', {
        runId,
        kind,
        status: shown.status,
        tests: shown.tests,
        ...(shown.compileError ? { compileError: shown.compileError } : {}),
        ...(shown.message ? { message: shown.message } : {}),
        ...(shown.errorCode ? { errorCode: shown.errorCode } : {}),
        ...(shown.custom ? { custom: shown.custom } : {}),
        visible: shown.visible,
        hidden: shown.hidden,
      });
      return tx.session.status === 'ended';
    });
    if (!done) return;
    await this.notifier.notify(done.appended);
    // A run that settles after the end may be what the report waited for: build it (unchanged, it changes nothing).
    if (done.result) {
      await this.jobs
        .enqueue('sessions.build-report', { sessionId }, { jobId: reportJobId(sessionId, `run-${runId}`) })
        .catch((err: unknown) => this.logger.warn({ err, sessionId }, 'could not queue the report; the reconciler will'));
    }
  }
}
