import type { CodeFacts, CodeTestResultDto } from '#libs/protocol';
import { type CodeRunResult, toCandidateResult } from '#libs/sandbox';
import type { CodeRunRow, CodeSnapshotRow } from './code-runs.repository.js';
import type { SessionRow } from './session.types.js';

/**
 * What `code_runs.result` holds: the judged run, hidden tests included, and for a submission the server's code
 * facts (absent in runs stored before them).
 */
export type StoredCodeResult = CodeRunResult & { facts?: CodeFacts; errorCode?: string };

type CodeTimelineEntry =
  | { type: 'snapshot'; at: string; offsetMs: number; snapshotId: string; phaseId: string; language: string; code: string }
  | {
      type: 'run';
      at: string;
      offsetMs: number;
      runId: string;
      kind: 'run' | 'submit';
      phaseId: string;
      snapshotId: string;
      /** A run on the candidate's own input: the text as typed (its result has `custom`, no tests). */
      input?: string;
      state: CodeRunRow['state'];
      finishedAt: string | null;
      result: (Omit<StoredCodeResult, 'tests' | 'wallMs' | 'hiddenDetail'> & { tests: CodeTestResultDto[]; wallMs?: number }) | null;
    };

export interface CodeTimelineDto {
  sessionId: string;
  startedAt: string;
  entries: CodeTimelineEntry[];
}

/** Snapshots and runs in the order they happened, with their offset from the session's start, for replay. */
export function toCodeTimeline(session: SessionRow, snapshots: CodeSnapshotRow[], runs: CodeRunRow[]): CodeTimelineDto {
  const start = session.startedAt.getTime();
  const entries: (CodeTimelineEntry & { t: number })[] = [
    ...snapshots.map((s) => ({
      type: 'snapshot' as const,
      t: s.createdAt.getTime(),
      at: s.createdAt.toISOString(),
      offsetMs: s.createdAt.getTime() - start,
      snapshotId: s.id,
      phaseId: s.phaseId,
      language: s.language,
      code: s.code,
    })),
    ...runs.map((r) => {
      const result = r.result as StoredCodeResult | null;
      return {
        type: 'run' as const,
        t: r.createdAt.getTime(),
        at: r.createdAt.toISOString(),
        offsetMs: r.createdAt.getTime() - start,
        runId: r.id,
        kind: r.kind,
        phaseId: r.phaseId,
        snapshotId: r.snapshotId,
        ...(r.input !== null ? { input: r.input } : {}),
        state: r.state,
        finishedAt: r.finishedAt?.toISOString() ?? null,
        result: result ? toCandidateResult(result) : null,
      };
    }),
  ];
  entries.sort((a, b) => a.t - b.t);
  return { sessionId: session.id, startedAt: session.startedAt.toISOString(), entries: entries.map(({ t: _t, ...e }) => e as CodeTimelineEntry) };
}
