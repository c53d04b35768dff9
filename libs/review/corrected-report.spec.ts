import { fileURLToPath } from 'node:url';
import { type ContentBundle, loadContent, type LoadedQuestion, type LoadedRoleGuide } from '#libs/content';
import { computeOverall, type Grade, RubricGrader } from '#libs/grading';
import { buildReport, weighOverall } from '#libs/interview';
import { correctGrade } from './corrected-grade.js';
import { correctReport } from './corrected-report.js';
import { latestCorrections, type CorrectionRow } from './review.types.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe(correctReport.name, () => {
  let content: ContentBundle;
  let question: LoadedQuestion;
  let role: LoadedRoleGuide;
  let grade: Grade;
  let n = 0;
  const correction = (turnId: string | null, kind: CorrectionRow['kind'], itemId: string, value: string, version = 1): CorrectionRow => ({
    id: `c${++n}`,
    sessionId: 's',
    turnId,
    kind,
    itemId,
    value,
    version,
    reason: `reason ${n}`,
    coachId: 'coach',
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, n)),
  });

  beforeAll(async () => {
    content = await loadContent({ rubricsDir: `${root}rubrics`, promptsDir: `${root}prompts` });
    question = content.questions.get('url-shortener')!;
    role = content.roles.get(question.role)!;
    grade = new RubricGrader({ corpus: content.questions.values(), now: () => 0 }).gradeSync({
      question,
      questionVersion: question.version,
      role,
      phaseId: question.phases[question.phases.length - 1]!.id,
      scope: 'session',
      history: [],
      answer: question.referenceAnswer,
      promptVersion: 'p1',
    });
  });

  it('applies the latest version of a turn correction and recomputes the overall with computeOverall', () => {
    const dim = grade.dimensions[0]!;
    const other = dim.score === 1 ? 2 : 1;
    const rows = [correction('t1', 'dimension', dim.id, '4', 1), correction('t1', 'dimension', dim.id, String(other), 2)];
    const sut = correctGrade(grade, 't1', latestCorrections(rows), { role, question });
    const expected = computeOverall(
      grade.dimensions.map((d) => (d.id === dim.id ? { ...d, score: other as 1 | 2 } : d)),
      role,
      question,
    );
    expect(sut.changed).toBe(true);
    expect(sut.view.overall).toEqual({ ai: grade.overall, corrected: expected });
    expect(sut.view.dimensions[0]).toMatchObject({
      ai: { score: dim.score },
      corrected: { score: other },
      correction: { version: 2, reason: rows[1]!.reason },
    });
    expect(grade.dimensions[0]!.score).toBe(dim.score); // the AI's grade object is not touched
  });

  it('leaves a grade without corrections as it is', () => {
    const sut = correctGrade(grade, 't1', new Map(), { role, question });
    expect(sut.changed).toBe(false);
    expect(sut.corrected).toEqual(grade);
    expect(sut.view.overall).toEqual({ ai: grade.overall });
  });

  it('rebuilds the report from corrected grades, then applies report corrections and weighs the overall again', () => {
    const ai = buildReport({ sessionId: 's', mode: 'practice', question, role, grades: [grade], failedAnswers: 0 });
    const kp = ai.keyPoints[0]!;
    const newStatus = kp.status === 'missed' ? 'covered' : 'missed';
    const dim = ai.dimensions.find((d) => d.score !== null)!;
    const latest = latestCorrections([correction('t1', 'key_point', kp.id, newStatus), correction(null, 'dimension', dim.id, '1')]);
    const corrected = correctGrade(grade, 't1', latest, { role, question });
    const sut = correctReport({
      ai,
      question,
      role,
      correctedGrades: [corrected.corrected],
      gradesChanged: corrected.changed,
      failedAnswers: 0,
      latest,
    });
    expect(sut.ai).toBe(ai);
    expect(sut.keyPoints[0]).toMatchObject({ ai: kp.status, corrected: newStatus });
    expect(sut.keyPoints[0]!.correction).toBeUndefined(); // changed through the answer, not on the report
    expect(sut.dimensions.find((d) => d.id === dim.id)).toMatchObject({ ai: dim.score, corrected: 1, correction: { version: 1 } });
    expect(sut.corrected!.dimensions.find((d) => d.id === dim.id)!.score).toBe(1);
    expect(sut.overall).toEqual({ ai: ai.overall, corrected: weighOverall(sut.corrected!.dimensions) });
    expect(sut.overall.corrected).not.toBe(ai.overall);
  });

  it('has no corrected report while nothing was corrected', () => {
    const ai = buildReport({ sessionId: 's', mode: 'practice', question, role, grades: [grade], failedAnswers: 0 });
    const sut = correctReport({ ai, question, role, correctedGrades: [grade], gradesChanged: false, failedAnswers: 0, latest: new Map() });
    expect(sut.corrected).toBeNull();
    expect(sut.overall).toEqual({ ai: ai.overall });
    expect(sut.dimensions.every((d) => !('corrected' in d))).toBe(true);
  });
});
