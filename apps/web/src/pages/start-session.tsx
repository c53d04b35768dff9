import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, describeError } from '../api.js';
import { queryKeys } from '../query-keys.js';
import { navigate } from '../router.js';
import { useSubmit } from '../use-submit.js';
import type { Schema } from '../api.js';

/** Starts a session; a rollout limit's refusal is said plainly, with when to come back if the server says. */
export function StartSession({ questions }: { questions: Schema<'QuestionListItem'>[] }) {
  const [questionId, setQuestionId] = useState(questions[0]?.id ?? '');
  const [mode, setMode] = useState<'practice' | 'realistic'>('practice');
  const queryClient = useQueryClient();
  // A new session joins the dashboard's list (the sessions' own reads are untouched).
  const create = useMutation({
    mutationFn: (body: { questionId: string; mode: 'practice' | 'realistic' }) => api('POST', '/api/sessions', { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.sessions(), exact: true }),
  });
  const {
    busy,
    error,
    submit: start,
  } = useSubmit(async () => {
    const session = await create.mutateAsync({ questionId: questionId || (questions[0]?.id ?? ''), mode });
    navigate(`/sessions/${session.id}`);
  }, refusalMessage);

  return (
    <form className="start card" onSubmit={start} aria-labelledby="start-title">
      <h2 id="start-title">Start a session</h2>
      {questions.length > 1 && (
        <label>
          Question{' '}
          <select value={questionId} onChange={(e) => setQuestionId(e.target.value)}>
            {questions.map((q) => (
              <option key={q.id} value={q.id}>
                {q.title} ({q.kind})
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset>
        <legend>Mode</legend>
        <label>
          <input type="radio" name="mode" value="practice" checked={mode === 'practice'} onChange={() => setMode('practice')} /> Practice — feedback
          after every answer
        </label>
        <label>
          <input type="radio" name="mode" value="realistic" checked={mode === 'realistic'} onChange={() => setMode('realistic')} /> Realistic —
          feedback at the end
        </label>
      </fieldset>
      <button type="submit" disabled={busy || questions.length === 0}>
        {busy ? 'Starting…' : 'Start session'}
      </button>
      {error && (
        <p role="alert" data-testid="start-error">
          {error}
        </p>
      )}
    </form>
  );
}

const ROLLOUT_REFUSALS = ['CAPACITY_FULL', 'DAILY_LIMIT', 'BUDGET_EXHAUSTED', 'EARLY_ACCESS_REQUIRED'];

function refusalMessage(err: unknown): string {
  if (err instanceof ApiError && ROLLOUT_REFUSALS.includes(err.code)) {
    const retryAt = typeof err.details?.retryAt === 'string' ? new Date(err.details.retryAt) : null;
    const when = retryAt && !Number.isNaN(retryAt.getTime()) ? ` You can try again after ${retryAt.toLocaleString()}.` : '';
    return `A session cannot start right now: ${err.message}.${when}`;
  }
  return describeError(err);
}
