import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { ContentService } from '#libs/content';
import { CodeRunsRepository } from './code-runs.repository.js';
import { toCodeReport } from './code-evidence.js';
import { gradeScored } from './grade-event.js';
import { buildReport } from './session-report.js';
import { SessionNotifier } from './session-notifier.js';
import { SessionsRepository } from './sessions.repository.js';

@Injectable()
export class SessionReportService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly code: CodeRunsRepository,
    private readonly content: ContentService,
    private readonly notifier: SessionNotifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Builds and stores the report once every answer has a terminal grade and every code run has finished; until
   * then it does nothing: the last grading (or code run) of an ended session to settle queues the build again
   * (`GradeAnswerService`, `CodeRunResults`), so no job waits by retrying. A build that differs from the stored report (a grade changed after the end: a
   * `grade:retry`) is its next version, sent as a new `session:report`; an identical one changes nothing. In
   * realistic mode the held-back grades not yet sent are released first.
   */
  async build(sessionId: string): Promise<void> {
    const session = await this.sessions.find(sessionId);
    if (!session || session.status !== 'ended') return;
    const gradings = await this.sessions.gradings(sessionId);
    // Code runs still in the sandbox count as pending, so a submission made just before the end is graded; a run
    // stuck far past the sandbox's wall limit (no worker can run code) does not hold the report back.
    const runsSince = new Date(Date.now() - this.config.sandbox.limits.wallMs * 6);
    const pending =
      gradings.filter((g) => g.status === 'queued' || g.status === 'grading').length + (await this.code.pendingCount(sessionId, runsSince));
    if (pending > 0) return;

    const [question, role, stored] = await Promise.all([
      this.content.questionAt(session.questionId, session.questionVersion),
      this.content.roleAt(session.roleSlug, session.roleVersion),
      this.sessions.grades(sessionId),
    ]);
    const code =
      question.kind === 'coding'
        ? toCodeReport(await this.code.gradedRun(sessionId, true), await this.code.snapshots(sessionId), await this.code.runs(sessionId))
        : undefined;
    const report = buildReport({
      sessionId,
      mode: session.mode,
      question,
      role,
      grades: stored.map((g) => g.body),
      failedAnswers: gradings.filter((g) => g.status === 'failed').length,
      ...(code ? { code } : {}),
    });
    const done = await this.sessions.inSession(sessionId, async (tx) => {
      if ((await tx.saveReport(report)) === null) return;
      if (tx.session.mode === 'realistic') {
        const released = await tx.releasedGrades();
        for (const g of stored) if (!released.has(g.turnId)) await tx.appendEvent('grade:scored', gradeScored(g.turnId, g.body, question));
      }
      await tx.appendEvent('session:report', { report });
    });
    if (done) await this.notifier.notify(done.appended);
  }

  /**
   * Gives up on a report the reconciler could not get built within its bounded re-drives: the session's event log
   * says so (`session:report-failed` with the code), the candidate sees it, and the reconciler stops looking. A
   * report built later (a `grade:retry` after the end) still replaces it.
   */
  async failForGood(sessionId: string, code: string): Promise<void> {
    const done = await this.sessions.inSession(sessionId, async (tx) => {
      if (tx.session.status !== 'ended' || (await tx.hasReport()) || (await tx.reportFailed())) return;
      await tx.appendEvent('session:report-failed', { code });
    });
    if (done) await this.notifier.notify(done.appended);
  }
}
