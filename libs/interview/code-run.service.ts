import { Injectable } from '@nestjs/common';
import { CodeFactsService } from '#libs/code-facts';
import { ContentService } from '#libs/content';
import { MetricsService } from '#libs/metrics';
import { customRunResult, judge, type JudgedTestInput, mergeSubmission, SandboxService, toStorable } from '#libs/sandbox';
import { CodeRunResults } from './code-run-results.service.js';
import { CodeRunsRepository } from './code-runs.repository.js';
import type { StoredCodeResult } from './code-timeline.js';
import { parseCustomInput } from './custom-input.js';
import { SessionsRepository } from './sessions.repository.js';

/**
 * The code runner's half of a code run (apps/code-runner, the only process with the sandbox): run the snapshot in the sandbox against the question's tests (visible for a
 * run, visible and hidden for a submission; a run with the candidate's own input calls the function once on it), judge on the server, store the full result once and tell the room
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
    private readonly results: CodeRunResults,
    private readonly metrics: MetricsService,
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
    const sandboxed = (calls: unknown[][]) =>
      this.sandbox.run({ language: snapshot.language, code: snapshot.code, entryPoint, calls: calls.map((args) => ({ args })) });
    if (run.input !== null) {
      // The candidate's own arguments, in a sandbox of their own: no test, visible or hidden, runs beside them.
      const args = parseCustomInput(run.input, question.signature.params);
      const result: StoredCodeResult = toStorable(customRunResult(args, await sandboxed([structuredClone(args)])));
      this.metrics.sandboxRun(result.status, snapshot.language);
      await this.results.finish(run.sessionId, runId, run.kind, result);
      return;
    }
    // Only the arguments enter the sandbox; expected values stay here.
    const judged = async (tests: JudgedTestInput[]) => judge(tests, await sandboxed(tests.map((t) => structuredClone(t.args))), question.comparison);
    const visible = await judged(question.tests.visible.map((t) => ({ ...t, hidden: false })));
    // Hidden tests run in a sandbox of their own: nothing the candidate sees can carry their inputs. Code that
    // does not even compile is not run again.
    const judgedResult =
      run.kind === 'submit'
        ? visible.status === 'COMPILE_ERROR'
          ? {
              ...visible,
              tests: [
                ...visible.tests,
                ...question.tests.hidden.map((t) => ({ name: t.name, hidden: true, passed: false, expected: t.expected, timeMs: 0 })),
              ],
              hidden: { passed: 0, total: question.tests.hidden.length },
            }
          : mergeSubmission(visible, await judged(question.tests.hidden.map((t) => ({ ...t, hidden: true }))))
        : visible;
    // Never throws: a fact that could not be computed is missing with its reason, and the tests' result stands.
    // Whatever the program printed or returned is stored: NUL and lone surrogates, which Postgres refuses, are rewritten.
    const result: StoredCodeResult = toStorable(
      run.kind === 'submit'
        ? {
            ...judgedResult,
            facts: await this.facts.compute({ question, language: snapshot.language, code: snapshot.code, status: judgedResult.status }),
          }
        : judgedResult,
    );
    this.metrics.sandboxRun(result.status, snapshot.language);
    await this.results.finish(run.sessionId, runId, run.kind, result);
  }
}
