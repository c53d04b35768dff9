import { type KeyboardEvent, useRef } from 'react';
import { type CodeDraft, type CodeSync, LANGUAGES } from '../live/code-sync.js';
import { runningRuns, type CodeResult } from '../live/session-state.js';
import type { CodeLanguageName, ErrorDto } from '../protocol.js';
import { CodeResults } from './code-results.js';

const INDENT: Record<CodeLanguageName, string> = { python: '    ', javascript: '  ' };

interface Props {
  starterCode: Record<CodeLanguageName, string>;
  draft: CodeDraft;
  sync: CodeSync;
  refused: ErrorDto | null;
  results: readonly CodeResult[];
  online: boolean;
  ended: boolean;
}

/**
 * The live coding editor: a plain textarea (Tab indents; Esc then Tab leaves it), the language choice, Run tests /
 * Submit and the results. The text is kept in `localStorage` on every keystroke and sent as debounced snapshots.
 */
export function CodeEditor({ starterCode, draft, sync, refused, results, online, ended }: Props) {
  const language = draft.language;
  const code = draft.code[language] ?? starterCode[language];
  const tabLeaves = useRef(false);

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      tabLeaves.current = true;
      return;
    }
    if (e.key !== 'Tab' || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey || tabLeaves.current) {
      tabLeaves.current = false;
      return;
    }
    e.preventDefault();
    const el = e.currentTarget;
    el.setRangeText(INDENT[language], el.selectionStart, el.selectionEnd, 'end');
    sync.edit(language, el.value);
  };

  // Each language keeps its own text; a language not written in yet starts from the question's starter code.
  const switchTo = (next: CodeLanguageName) => sync.edit(next, draft.code[next] ?? starterCode[next]);

  const running = runningRuns(draft.running, results).map((r) => ({
    key: r.runId,
    label: r.kind === 'run' ? 'Running the visible tests…' : 'Running your submission against every test…',
  }));
  const queued = draft.commands.map((c) => ({
    key: c.clientId,
    label: `${c.kind === 'run' ? 'Test run' : 'Submission'} ${online ? 'starting…' : 'waiting for the connection — it starts when you are back online'}`,
  }));
  const edited = draft.code[language] !== undefined && (draft.sent?.language !== language || draft.sent.code !== code);
  const unsaved = draft.snapshot !== null || edited;

  return (
    <section className="code-panel" aria-labelledby="code-title">
      <h2 id="code-title">Code editor</h2>
      <div className="code-toolbar">
        <label htmlFor="code-language">Language</label>
        <select id="code-language" value={language} disabled={ended} onChange={(e) => switchTo(e.target.value as CodeLanguageName)}>
          {LANGUAGES.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label}
            </option>
          ))}
        </select>
        <span className="muted" role="status" data-testid="code-save-status">
          {unsaved ? (online ? 'Saving…' : 'Saved in this browser; sent when the connection is back') : 'Saved'}
        </span>
      </div>
      <label htmlFor="code-editor">Your code</label>
      <textarea
        id="code-editor"
        className="code-input"
        value={code}
        onChange={(e) => sync.edit(language, e.target.value)}
        onKeyDown={onKeyDown}
        readOnly={ended}
        rows={18}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        wrap="off"
        aria-describedby="code-hint"
      />
      <p id="code-hint" className="muted">
        Tab indents; press Esc then Tab to move on. Run tests checks the visible tests; Submit also runs the hidden ones.
      </p>
      {!ended && (
        <div className="actions">
          <button type="button" onClick={() => sync.run('run', language, code)}>
            Run tests
          </button>
          <button type="button" onClick={() => sync.run('submit', language, code)}>
            Submit
          </button>
        </div>
      )}
      {refused && <p role="alert">The server refused the code: {refused.message}</p>}
      <section aria-label="Test results" className="code-results-panel">
        <CodeResults results={results} running={[...queued, ...running]} />
      </section>
    </section>
  );
}
