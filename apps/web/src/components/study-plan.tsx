import type { ReportView, StudyPlanItemView } from '../protocol.js';

const STATUS_LABEL = { missed: 'Missed', partial: 'Partly covered' } as const;
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);

/**
 * What to study after the session: each missed or partly covered key point, biggest gap first, with why it
 * matters, where to read about it and one exercise. Reports stored before the study plan show `studyNext` only.
 */
export function StudyPlan({ report }: { report: ReportView }) {
  const plan = report.studyPlan ?? [];
  const inPlan = new Set(plan.map((s) => s.text.trim().toLowerCase()));
  const more = report.studyNext.filter((s) => !inPlan.has(s.trim().toLowerCase()));
  if (plan.length === 0 && more.length === 0) return null;
  return (
    <section aria-labelledby="study-plan-title" data-testid="report-study-plan">
      <h3 id="study-plan-title">{plan.length ? 'Your study plan' : 'What to study next'}</h3>
      {plan.length > 0 && (
        <ol className="study-plan">
          {plan.map((s) => (
            <StudyItem key={s.keyPointId} item={s} />
          ))}
        </ol>
      )}
      {more.length > 0 && (
        <>
          {plan.length > 0 && <h4>Also worth studying</h4>}
          <ul>
            {more.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function StudyItem({ item }: { item: StudyPlanItemView }) {
  return (
    <li className={`study-item kp-${item.status}`} data-testid="study-item">
      <p className="study-head">
        <span className="badge">{STATUS_LABEL[item.status]}</span> <strong>{item.text}</strong>
      </p>
      {item.explanation && <p>{item.explanation}</p>}
      {item.references.length > 0 && (
        <>
          <p className="fb-head">Read</p>
          <ul className="refs">
            {item.references.map((r, i) => (
              <li key={i}>
                {r.title} — <cite>{r.source}</cite>
              </li>
            ))}
          </ul>
        </>
      )}
      {item.practice && (
        <p className="practice" data-testid="study-practice">
          <span className="fb-head">Practise: </span>
          {item.practice}
        </p>
      )}
    </li>
  );
}

/** The question's model answer: shown in the report only, once the session is over. */
export function ModelAnswer({ answer }: { answer: NonNullable<ReportView['modelAnswer']> }) {
  return (
    <section aria-labelledby="model-answer-title" data-testid="report-model-answer">
      <h3 id="model-answer-title">Model answer</h3>
      <p className="fb-head">How to structure it</p>
      {paragraphs(answer.answerFramework).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      <details className="model-answer">
        <summary>Read the reference answer</summary>
        {paragraphs(answer.referenceAnswer).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </details>
    </section>
  );
}
