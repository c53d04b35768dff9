import type { CodeTestResultDto } from '../protocol.js';
import type { CodeResult } from '../live/session-state.js';

const KIND_LABEL = { run: 'Test run', submit: 'Submission' } as const;

/** Run results, newest first: the latest in full, older ones folded. Every string is rendered as text. */
export function CodeResults({ results, running }: { results: readonly CodeResult[]; running: readonly { key: string; label: string }[] }) {
  if (results.length === 0 && running.length === 0) return <p className="muted">Run the tests to see results here.</p>;
  const [latest, ...older] = [...results].reverse();
  return (
    <div data-testid="code-results">
      {running.map((r) => (
        <p key={r.key} role="status" className="code-running" data-testid="code-running">
          {r.label}
        </p>
      ))}
      {latest && <ResultView result={latest} />}
      {older.map((r) => (
        <details key={r.runId}>
          <summary>{summary(r)}</summary>
          <ResultView result={r} />
        </details>
      ))}
    </div>
  );
}

function summary(r: CodeResult): string {
  if (r.custom) return `Run on your input — ${r.status === 'PASSED' ? 'returned' : r.status}`;
  const counts = [`visible ${r.visible.passed}/${r.visible.total}`];
  if (r.kind === 'submit') counts.push(`hidden ${r.hidden.passed}/${r.hidden.total}`);
  return `${KIND_LABEL[r.kind]} — ${r.status} · ${counts.join(' · ')}`;
}

function ResultView({ result }: { result: CodeResult }) {
  return (
    <article className="code-result" data-testid="code-result" data-kind={result.kind} data-status={result.status}>
      <h3 className={result.status === 'PASSED' ? 'status-scored' : 'status-failed'} data-testid="code-result-summary">
        {summary(result)}
      </h3>
      {result.message && <p role="note">{result.message}</p>}
      {result.compileError !== undefined && (
        <>
          <p>Compile error:</p>
          <pre className="code-output" data-testid="compile-error">
            {result.compileError}
          </pre>
        </>
      )}
      {result.custom && <CustomRun run={result.custom} />}
      <CodeTests tests={result.tests} />
    </article>
  );
}

/** A run on the candidate's input: the arguments it got, what it returned or raised, and what it printed. */
function CustomRun({ run }: { run: NonNullable<CodeResult['custom']> }) {
  return (
    <dl className="code-custom" data-testid="code-custom">
      <Field label="input" value={run.args.map(json).join('\n')} />
      {run.returned && <Field label="returned" value={json(run.value)} />}
      {run.error && <Field label="error" value={run.error} />}
      {run.stdout && <Field label="stdout" value={run.stdout} />}
      {run.stderr && <Field label="stderr" value={run.stderr} />}
      {run.timeMs !== undefined && <Field label="time" value={formatMs(run.timeMs)} />}
    </dl>
  );
}

/** One line per test; a visible test also shows its input, what it expected and got, its error and its output. */
export function CodeTests({ tests }: { tests: readonly CodeTestResultDto[] }) {
  if (tests.length === 0) return null;
  return (
    <ul className="code-tests">
      {tests.map((t) => (
        <li key={t.name} data-testid="code-test" data-passed={t.passed} data-hidden={t.hidden}>
          <span className={t.passed ? 'status-scored' : 'status-failed'}>{t.passed ? '✓ passed' : '✗ failed'}</span>{' '}
          <span data-testid="code-test-name">{t.name}</span> {t.timeMs !== undefined && <span className="muted">({formatMs(t.timeMs)})</span>}
          {!t.hidden && (
            <dl>
              {t.input !== undefined && <Field label="input" value={t.input.map(json).join('\n')} />}
              {t.expected !== undefined && <Field label="expected" value={json(t.expected)} />}
              {t.actual !== undefined && <Field label="actual" value={json(t.actual)} />}
              {t.error && <Field label="error" value={t.error} />}
              {t.stdout && <Field label="stdout" value={t.stdout} />}
              {t.stderr && <Field label="stderr" value={t.stderr} />}
            </dl>
          )}
        </li>
      ))}
    </ul>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <pre className="code-output" data-testid={`code-test-${label}`}>
          {value}
        </pre>
      </dd>
    </>
  );
}

function formatMs(ms: number): string {
  return ms < 1 ? '<1 ms' : `${Math.round(ms)} ms`;
}

function json(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
