import { fileURLToPath } from 'node:url';
import { loadContent, type LoadedQuestion, type LoadedRoleGuide } from '#libs/content';
import { computeOverall } from './compute-overall.js';
import { CrossCheckedGrader, crossCheck } from './cross-check.js';
import type { DimensionScore, Grade, GradeFlag, KeyPointStatus } from './grade.schema.js';
import type { GradeInput, Grader } from './grader.port.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe(crossCheck.name, () => {
  let question: LoadedQuestion;
  let role: LoadedRoleGuide;
  const grade = (grader: 'openai' | 'rubric', points: KeyPointStatus[], scores: DimensionScore[], flags: GradeFlag[] = []): Grade => {
    const dimensions = ['high-level-architecture', 'communication'].map((id, i) => ({ id, score: scores[i] ?? 1, reason: `${grader} reason` }));
    return {
      questionId: question.id,
      phaseId: 'high-level-design',
      keyPoints: question.keyPoints.map((k, i) => ({
        id: k.id,
        status: points[i] ?? 'missed',
        evidence: points[i] === 'missed' ? [] : [`${grader} quote`],
      })),
      mistakes: question.commonMistakes.map((m) => ({ id: m.id, status: 'absent', evidence: [] })),
      dimensions,
      overall: computeOverall(dimensions, role, question),
      feedback: { strengths: [], improvements: [], nextToStudy: [] },
      flags,
      provenance: {
        grader,
        model: grader === 'openai' ? 'm' : null,
        rubricVersion: 'r',
        promptVersion: 'p',
        tokens: { prompt: 1, cached: 0, completion: 1 },
        latencyMs: 1,
      },
    };
  };

  beforeAll(async () => {
    const content = await loadContent({ rubricsDir: `${root}rubrics`, promptsDir: `${root}prompts` });
    question = content.questions.get('observability-platform')!;
    role = content.roles.get(question.role)!;
  });

  it('keeps the LLM grade as it is when the graders roughly agree', () => {
    const llm = grade('openai', ['covered', 'partial', 'missed'], [3, 3]);
    const sut = crossCheck(llm, grade('rubric', ['partial', 'missed', 'partial'], [2, 4]), { role, question });
    expect(sut).toEqual(llm);
  });

  it('flags low_confidence on covered vs missed, without changing a score', () => {
    const llm = grade('openai', ['covered', 'missed', 'missed'], [3, 3]);
    const sut = crossCheck(llm, grade('rubric', ['missed', 'missed', 'missed'], [3, 3]), { role, question });
    expect(sut.flags).toEqual(['low_confidence']);
    expect({ ...sut, flags: [] }).toEqual(llm);
  });

  it('flags low_confidence on a dimension gap of two or more', () => {
    const llm = grade('openai', ['covered', 'missed', 'missed'], [4, 3]);
    expect(crossCheck(llm, grade('rubric', ['covered', 'missed', 'missed'], [2, 3]), { role, question }).flags).toEqual(['low_confidence']);
    expect(crossCheck(llm, grade('rubric', ['covered', 'missed', 'missed'], [3, 2]), { role, question }).flags).toEqual([]);
  });

  it("carries the rubric grader's verdicts on the answer, not its own low confidence", () => {
    const llm = grade('openai', ['missed', 'missed', 'missed'], [1, 1]);
    const rubric = grade('rubric', ['missed', 'missed', 'missed'], [1, 1], ['keyword_stuffing', 'low_confidence']);
    expect(crossCheck(llm, rubric, { role, question }).flags).toEqual(['keyword_stuffing']);
  });

  it('caps every key point and dimension by the rubric grade when either grader suspects injection', () => {
    const llm = grade('openai', ['covered', 'covered', 'missed'], [4, 4]);
    const rubric = grade('rubric', ['covered', 'partial', 'partial'], [2, 4], ['injection_suspected']);
    const sut = crossCheck(llm, rubric, { role, question });
    expect(sut.keyPoints.map((k) => k.status)).toEqual(['covered', 'partial', 'missed']);
    expect(sut.keyPoints[1]?.evidence).toEqual(['rubric quote']);
    expect(sut.dimensions.map((d) => d.score)).toEqual([2, 4]);
    expect(sut.dimensions[0]?.reason).toMatch(/^Capped by the rubric check/);
    expect(sut.overall).toBe(computeOverall(sut.dimensions, role, question));
    expect(sut.overall).toBeLessThan(llm.overall);
    expect(sut.flags).toEqual(expect.arrayContaining(['injection_suspected', 'low_confidence']));
    expect(sut.provenance).toEqual(llm.provenance);
  });

  it('caps as well when only the LLM flagged the injection', () => {
    const llm = grade('openai', ['covered', 'covered', 'covered'], [3, 3], ['injection_suspected']);
    const sut = crossCheck(llm, grade('rubric', ['covered', 'covered', 'covered'], [3, 2]), { role, question });
    expect(sut.dimensions.map((d) => d.score)).toEqual([3, 2]);
    expect(sut.flags).toEqual(['injection_suspected']);
  });
});

describe(CrossCheckedGrader.name, () => {
  const fixed = (name: 'openai' | 'rubric', result: () => Promise<Grade>): Grader => ({ name, grade: result });

  it('fails when the LLM fails, never falling back to the rubric grade', async () => {
    const rubric = fixed('rubric', async () => ({}) as Grade);
    const sut = new CrossCheckedGrader(
      fixed('openai', () => Promise.reject(new Error('llm down'))),
      rubric,
    );
    await expect(sut.grade({} as GradeInput)).rejects.toThrow('llm down');
    expect(sut.name).toBe('openai');
  });
});
