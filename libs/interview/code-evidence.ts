import type { CodeEvidence } from '#libs/grading';
import { toCandidateTests } from '#libs/sandbox';
import type { CodeRunRow, CodeSnapshotRow } from './code-runs.repository.js';
import type { StoredCodeResult } from './code-timeline.js';
import type { CodeReportSection } from './session-report.js';

/** What the graders get from a finished run: its code, the server's counts and, for a submission, its code facts. */
export function toCodeEvidence(found: { run: CodeRunRow; snapshot: CodeSnapshotRow } | null): CodeEvidence | undefined {
  if (!found || found.run.state !== 'done') return undefined;
  const result = found.run.result as StoredCodeResult;
  return {
    language: found.snapshot.language,
    code: found.snapshot.code,
    status: result.status,
    visible: result.visible,
    hidden: found.run.kind === 'submit' ? result.hidden : { passed: 0, total: 0 },
    ...(found.run.kind === 'submit' && result.facts ? { facts: result.facts } : {}),
  };
}

/** The report's code section: the graded submission (or the last snapshot when nothing was submitted) and every test run. */
export function toCodeReport(
  graded: { run: CodeRunRow; snapshot: CodeSnapshotRow } | null,
  snapshots: CodeSnapshotRow[],
  runs: CodeRunRow[],
): CodeReportSection | undefined {
  const last = snapshots.at(-1);
  if (!graded && !last) return undefined;
  const result = graded ? (graded.run.result as StoredCodeResult) : null;
  return {
    language: graded?.snapshot.language ?? last!.language,
    code: graded?.snapshot.code ?? last!.code,
    status: result?.status ?? null,
    tests: result ? toCandidateTests(result.tests) : [],
    visible: result?.visible ?? { passed: 0, total: 0 },
    hidden: result?.hidden ?? { passed: 0, total: 0 },
    // Runs on the candidate's own input tested nothing; the replay (`code-timeline`) has them.
    timeline: runs
      .filter((r) => r.input === null)
      .map((r) => {
        const done = r.result as StoredCodeResult | null;
        return {
          at: r.createdAt.toISOString(),
          kind: r.kind,
          status: r.status,
          visible: done?.visible ?? null,
          hidden: r.kind === 'submit' ? (done?.hidden ?? null) : null,
        };
      }),
    snapshots: snapshots.length,
    ...(result?.facts?.quality ? { quality: result.facts.quality } : {}),
    ...(result?.facts?.complexity ? { complexity: result.facts.complexity } : {}),
    ...(result?.facts?.missing.length ? { factsMissing: result.facts.missing } : {}),
  };
}
