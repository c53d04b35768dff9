import { Injectable } from '@nestjs/common';
import { CodeFactsService } from '#libs/code-facts';
import { ContentService } from '#libs/content';
import { judge, type JudgedTestInput, mergeSubmission, SandboxService, toCandidateResult, toStorable } from '#libs/sandbox';
import { CodeRunsRepository } from './code-runs.repository.js';
import type { StoredCodeResult } from './code-timeline.js';
import { SessionNotifier } from './session-notifier.js';
import { SessionsRepository } from './sessions.repository.js';

/**
 * The worker's half of a code run: run the snapshot in the sandbox against the question's tests (visible for a
 * run, visible and hidden for a submission), judge on the server, store the full result once and tell the room
 * with `code:result` (hidden tests as pass/fail only). A submission also gets its code facts (static analysis and
 * measured complexity), stored with the result for the graders and the report. A retried job after the result
 * was stored changes nothing.
 */
@Injectable()
export class CodeRunService {
  constructor(
    private readonly code: CodeRunsRepository,
    private readonly sessions: SessionsRepository,
    private readonly content: ContentService,
    private readonly sandbox: SandboxService,
    private readonly facts: CodeFactsService,
    private readonly notifier: SessionNotifier,
  ) {}

  async execute(runId: string): Promise<void> {
    const found = await this.code.run(runId);
    if (!found || found.run.state === 'done') return;
    const { run, snapshot } = found;
    await this.code.markRunning(runId);
    const session = await this.sessions.find(run.sessionId);
    if (!session) return;
    const question = await this.content.questionAt(session.questionId, session.questionVersion);
    if (question.kind !== 'coding') return;
    const entryPoint = question.signature.entryPoint[snapshot.language];
    const judged = async (tests: JudgedTestInput[]) => {
      const outcome = await this.sandbox.run({
        language: snapshot.language,
        code: snapshot.code,
        entryPoint,
        // Only the arguments enter the sandbox; expected values stay here.
        calls: tests.map((t) => ({ args: structuredClone(t.args) })),
      });
      return judge(tests, outcome, question.comparison);
    };
    const visible = await judged(question.tests.visible.map((t) => ({ ...t, hidden: false })));
    // Hidden tests run in a sandbox of their own: nothing the candidate sees can carry their inputs. Code that
    // does not even compile is not run again.
    const judgedResult =
      run.kind === 'submit'
        ? visible.status === 'COMPILE_ERROR'
          ? { ...visible, tests: [...visible.tests, ...question.tests.hidden.map((t) => ({ name: t.name, hidden: true, passed: false, expected: t.expected, timeMs: 0 }))], hidden: { passed: 0, total: question.tests.hidden.length } }
          : mergeSubmission(visible, await judged(question.tests.hidden.map((t) => ({ ...t, hidden: true }))))
        : visible;
    // Never throws: a fact that could not be computed is missing with its reason, and the tests' result stands.
    // Whatever the program printed or returned is stored: NUL and lone surrogates, which Postgres refuses, are rewritten.
    const result: StoredCodeResult = toStorable(
      run.kind === 'submit'
        ? { ...judgedResult, facts: await this.facts.compute({ question, language: snapshot.language, code: snapshot.code, status: judgedResult.status }) }
        : judgedResult,
    );
    await this.finish(run.sessionId, runId, run.kind, result);
  }

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

  private async finish(sessionId: string, runId: string, kind: 'run' | 'submit', result: StoredCodeResult): Promise<void> {
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
        visible: shown.visible,
        hidden: shown.hidden,
      });
    });
    if (done) await this.notifier.notify(done.appended);
  }
}
