import { indentLess, indentMore } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { python } from '@codemirror/lang-python';
import { indentUnit } from '@codemirror/language';
import CodeMirror, { type Command, EditorView, type Extension, keymap, Prec } from '@uiw/react-codemirror';
import { useMemo } from 'react';
import { type CodeDraft, type CodeSync, LANGUAGES } from '../live/code-sync.js';
import { runningRuns, type CodeResult } from '../live/session-state.js';
import type { CodeLanguageName, ErrorDto } from '../protocol.js';
import { CodeConsole, type FunctionSignature } from './code-console.js';
import { CodeResults } from './code-results.js';

const INDENT: Record<CodeLanguageName, string> = { python: '    ', javascript: '  ' };
const LANGUAGE_SUPPORT: Record<CodeLanguageName, () => Extension> = { python: () => python(), javascript: () => javascript() };

/** Tab inserts one indent at the cursor (a selection is indented as a block); Shift+Tab dedents. */
const insertIndent: Command = (view) => {
  if (view.state.selection.ranges.some((r) => !r.empty)) return indentMore(view);
  view.dispatch(view.state.update(view.state.replaceSelection(view.state.facet(indentUnit)), { scrollIntoView: true, userEvent: 'input' }));
  return true;
};

/**
 * The editor's own extensions beside basicSetup (line numbers, highlighting, auto-indent, bracket matching and
 * closing): the language, its indent, Tab, and the accessible name. CodeMirror's content element is a
 * contenteditable, which a `<label for>` cannot name: it is labelled by the visible label's id instead.
 */
function editorExtensions(language: CodeLanguageName): Extension[] {
  return [
    LANGUAGE_SUPPORT[language](),
    indentUnit.of(INDENT[language]),
    Prec.high(keymap.of([{ key: 'Tab', run: insertIndent, shift: indentLess }])),
    EditorView.contentAttributes.of({ 'aria-labelledby': 'code-editor-label', 'aria-describedby': 'code-hint', id: 'code-editor' }),
    EditorView.lineWrapping,
    // The default gutter grey (#999 on #f5f5f5) is too faint to read (axe: colour contrast).
    EditorView.theme({ '.cm-gutters': { color: '#4b5563', backgroundColor: '#f3f4f6' }, '.cm-activeLineGutter': { backgroundColor: '#e5e7eb' } }),
  ];
}

interface Props {
  starterCode: Record<CodeLanguageName, string>;
  signature?: FunctionSignature;
  visibleTests?: readonly { args: unknown[] }[];
  draft: CodeDraft;
  sync: CodeSync;
  refused: ErrorDto | null;
  results: readonly CodeResult[];
  online: boolean;
  ended: boolean;
}

/**
 * The live coding editor (CodeMirror 6; this module is its own chunk, loaded only for coding sessions): the
 * language choice, Run tests / Submit, a console that runs the code on the candidate's own input, and the
 * results. The text is kept in `localStorage` on every keystroke and sent as debounced snapshots.
 */
export function CodeEditor({ starterCode, signature, visibleTests, draft, sync, refused, results, online, ended }: Props) {
  const language = draft.language;
  const code = draft.code[language] ?? starterCode[language];
  const extensions = useMemo(() => editorExtensions(language), [language]);

  // Each language keeps its own text; a language not written in yet starts from the question's starter code.
  const switchTo = (next: CodeLanguageName) => sync.edit(next, draft.code[next] ?? starterCode[next]);

  const running = runningRuns(draft.running, results).map((r) => ({
    key: r.runId,
    label: r.custom
      ? 'Running your code on your input…'
      : r.kind === 'run'
        ? 'Running the visible tests…'
        : 'Running your submission against every test…',
  }));
  const queued = draft.commands.map((c) => ({
    key: c.clientId,
    label: `${c.input !== undefined ? 'Run on your input' : c.kind === 'run' ? 'Test run' : 'Submission'} ${online ? 'starting…' : 'waiting for the connection — it starts when you are back online'}`,
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
      <span id="code-editor-label" className="code-editor-label">
        Your code
      </span>
      <CodeMirror
        className="code-mirror"
        value={code}
        extensions={extensions}
        onChange={(text) => sync.edit(language, text)}
        readOnly={ended}
        editable={!ended}
        indentWithTab={false}
        minHeight="18rem"
        basicSetup={{ foldGutter: false, autocompletion: false, highlightActiveLine: !ended }}
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
      {!ended && signature && (
        <CodeConsole signature={signature} visibleTests={visibleTests ?? []} onRun={(input) => sync.run('run', language, code, input)} />
      )}
      {refused && <p role="alert">The server refused the code: {refused.message}</p>}
      <section aria-label="Test results" className="code-results-panel">
        <CodeResults results={results} running={[...queued, ...running]} />
      </section>
    </section>
  );
}
