import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError, type Schema } from '../api.js';
import { apiGet } from '../query-client.js';
import { queryKeys } from '../query-keys.js';
import { Link } from '../router.js';
import { StartSession } from './start-session.js';
import { useTitle } from '../use-title.js';

type QuestionListItem = Schema<'QuestionListItem'>;

export function useQuestions(): { questions: QuestionListItem[] | null; error: string | null } {
  const { data, error } = useQuery({
    queryKey: queryKeys.questions(),
    queryFn: apiGet('/api/questions'),
  });
  return { questions: data ?? null, error: error ? describeError(error) : null };
}

export function QuestionBrowserPage() {
  useTitle('Questions');
  const { questions, error } = useQuestions();
  const [kind, setKind] = useState('');
  const [text, setText] = useState('');
  const shown = (questions ?? []).filter(
    (q) => (!kind || q.kind === kind) && (!text || `${q.title} ${q.topics.join(' ')}`.toLowerCase().includes(text.toLowerCase())),
  );
  return (
    <main>
      <h1>Questions</h1>
      <div className="filters">
        <label>
          Kind{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">All</option>
            <option value="system-design">System design</option>
            <option value="coding">Coding</option>
            <option value="behavioral">Behavioral</option>
          </select>
        </label>
        <label>
          Search <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="title or topic" />
        </label>
      </div>
      {error && <p role="alert">{error}</p>}
      {!questions && !error && <p role="status">Loading…</p>}
      <ul className="cards" data-testid="question-list">
        {shown.map((q) => (
          <li key={q.id} className="card">
            <h2>
              <Link href={`/questions/${encodeURIComponent(q.id)}`}>{q.title}</Link>
            </h2>
            <p className="muted">
              {q.kind} · {q.difficulty} · {q.topics.join(', ')}
            </p>
          </li>
        ))}
      </ul>
    </main>
  );
}

export function QuestionPage({ id }: { id: string }) {
  const { data: question, error } = useQuery({
    queryKey: queryKeys.question(id),
    queryFn: apiGet('/api/questions/{id}', { path: { id } }),
  });
  useTitle(question?.title ?? 'Question');
  if (!question) return <main>{error ? <p role="alert">{describeError(error)}</p> : <p role="status">Loading…</p>}</main>;
  return (
    <main>
      <p>
        <Link href="/questions">← All questions</Link>
      </p>
      <h1>{question.title}</h1>
      <p className="muted">
        {question.kind} · {question.difficulty} · {question.topics.join(', ')}
      </p>
      <p className="turn-text">{question.prompt}</p>
      <h2>How to answer</h2>
      <p className="turn-text">{question.answerFramework}</p>
      <ul>
        {question.howToAnswer.map((h, i) => (
          <li key={i}>{h}</li>
        ))}
      </ul>
      {question.keyTerminology.length > 0 && (
        <>
          <h2>Key terminology</h2>
          <p>{question.keyTerminology.join(' · ')}</p>
        </>
      )}
      <StartSession questions={[question]} />
    </main>
  );
}
