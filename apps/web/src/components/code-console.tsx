import { useState } from 'react';
import type { Schema } from '../api.js';

/** A coding question's function signature (`GET /api/questions/:id`); the console reads its parameters. */
export type FunctionSignature = Extract<Schema<'CandidateQuestion'>, { kind: 'coding' }>['signature'];

/** One JSON value per line, one line per parameter: the format the server parses (`code:run` with `input`). */
function formatArgs(args: readonly unknown[]): string {
  return args.map((a) => JSON.stringify(a)).join('\n');
}

/**
 * The custom-input console: the candidate's own arguments, one JSON value per line in the order of the function's
 * parameters, run once in the sandbox on "Run with this input" (never against a test). Starts from the first
 * visible test's arguments, so the format is shown by example.
 */
export function CodeConsole({
  signature,
  visibleTests,
  onRun,
}: {
  signature: FunctionSignature;
  visibleTests: readonly { args: unknown[] }[];
  onRun: (input: string) => void;
}) {
  const [input, setInput] = useState(() => (visibleTests[0] ? formatArgs(visibleTests[0].args) : ''));
  const params = signature.params;
  return (
    <section className="code-console" aria-labelledby="code-console-title">
      <h3 id="code-console-title">Run on your own input</h3>
      <label htmlFor="code-console-input">Input, one JSON value per line</label>
      <p id="code-console-hint" className="muted">
        {params.map((p, i) => (
          <span key={p.name}>
            {i > 0 && ', then '}
            <code>{p.name}</code> ({p.type})
          </span>
        ))}
        . Prints, the return value and errors appear with the results below.
      </p>
      <textarea
        id="code-console-input"
        className="code-input"
        value={input}
        onChange={(e) => setInput(e.target.value)}
        rows={Math.min(8, Math.max(2, params.length + 1))}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        wrap="off"
        aria-describedby="code-console-hint"
      />
      <div className="actions">
        <button type="button" className="secondary" onClick={() => onRun(input)} disabled={!input.trim()}>
          Run with this input
        </button>
      </div>
    </section>
  );
}
