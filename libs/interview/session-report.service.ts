import { Injectable } from '@nestjs/common';
import { ContentService } from '#libs/content';
import type { Grade } from '#libs/grading';
import { buildReport } from './session-report.js';
import { SessionNotifier } from './session-notifier.js';
import { SessionsRepository } from './sessions.repository.js';

export class GradesPendingError extends Error {
  constructor(readonly pending: number) {
    super(`${pending} answers are still being graded`);
  }
}

@Injectable()
export class SessionReportService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly content: ContentService,
    private readonly notifier: SessionNotifier,
  ) {}

  /**
   * Builds and stores the report once every answer has a terminal grade (throws `GradesPendingError` until
   * then, so the job retries). In realistic mode the held-back grades are released first.
   */
  async build(sessionId: string): Promise<void> {
    const session = await this.sessions.find(sessionId);
    if (!session || session.status !== 'ended') return;
    const gradings = await this.sessions.gradings(sessionId);
    const pending = gradings.filter((g) => g.status === 'queued' || g.status === 'grading').length;
    if (pending > 0) throw new GradesPendingError(pending);

    const [question, role, stored] = await Promise.all([
      this.content.questionAt(session.questionId, session.questionVersion),
      this.content.roleAt(session.roleSlug, session.roleVersion),
      this.sessions.grades(sessionId),
    ]);
    const report = buildReport({
      sessionId,
      mode: session.mode,
      question,
      role,
      grades: stored.map((g) => g.body as Grade),
      failedAnswers: gradings.filter((g) => g.status === 'failed').length,
    });
    const done = await this.sessions.inSession(sessionId, async (tx) => {
      if (!(await tx.saveReport(report))) return;
      if (tx.session.mode === 'realistic') {
        for (const g of stored) await tx.appendEvent('grade:scored', { turnId: g.turnId, grade: g.body });
      }
      await tx.appendEvent('session:report', { report });
    });
    if (done) await this.notifier.notify(done.appended);
  }
}
