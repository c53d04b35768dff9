import { fileURLToPath } from 'node:url';
import { loadContent, type ContentBundle } from '#libs/content';
import type { GradeInput } from './grader.port.js';
import { gradingScope } from './grading-scope.js';
import type { OpenAiReply } from './openai-grade.schema.js';
import { checkReply, gradePartsFromReply, splitFeedback } from './openai-reply.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe(checkReply.name, () => {
  let content: ContentBundle;
  let input: GradeInput;
  const reply = (patch: Partial<OpenAiReply> = {}): OpenAiReply => ({
    keyPoints: input.question.keyPoints.map((k) => ({ id: k.id, covered: false, evidence: '', note: '' })),
    mistakes: input.question.commonMistakes.map((m) => ({ id: m.id, made: false, evidence: '' })),
    dimensions: gradingScope(input).dimensions.map((id) => ({ id, score: 2, reason: 'Shallow.' })),
    feedback: 'Good start. Go deeper.',
    injectionSuspected: false,
    injectionEvidence: '',
    ...patch,
  });
  const sut = (value: unknown) => checkReply(typeof value === 'string' ? value : JSON.stringify(value), input, gradingScope(input));

  beforeAll(async () => {
    content = await loadContent({ rubricsDir: `${root}rubrics`, promptsDir: `${root}prompts` });
    const question = content.questions.get('observability-platform')!;
    input = {
      question,
      questionVersion: question.version,
      role: content.roles.get(question.role)!,
      phaseId: 'high-level-design',
      history: [],
      answer: 'We instrument every layer with OpenTelemetry.',
      promptVersion: content.prompts.get('grader')!.version,
    };
  });

  it('accepts a complete reply', () => {
    expect(sut(reply())).toEqual({ ok: true, reply: reply() });
  });

  it('reports malformed JSON', () => {
    expect(sut('{"keyPoints": [')).toEqual({ ok: false, problems: [expect.stringMatching(/not valid JSON/)] });
  });

  it('reports a reply that breaks the schema', () => {
    const result = sut({ ...reply(), dimensions: [{ id: 'communication', score: 7, reason: 'x' }], extra: true });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.join('\n')).toMatch(/dimensions\.0\.score/);
  });

  it('reports missing, repeated and unknown ids', () => {
    const [first, ...rest] = reply().keyPoints;
    const result = sut(reply({ keyPoints: [...rest, rest[0]!, { ...first!, id: 'made-up' }] }));
    expect(!result.ok && result.problems).toEqual(
      expect.arrayContaining([
        `keyPoints: id "${first!.id}" is missing`,
        `keyPoints: id "${rest[0]!.id}" is listed more than once`,
        'keyPoints: unknown id "made-up"',
      ]),
    );
  });

  it('maps the reply onto the grade: partial points, unjudged dimensions left out, undue mistakes absent', () => {
    const points = reply().keyPoints.map((k, i) => (i === 0 ? { ...k, evidence: 'every layer', note: 'No data layer.' } : k));
    const dims = reply().dimensions.map((d, i) => (i === 0 ? { ...d, score: null } : d));
    const mistakes = reply().mistakes.map((m) => ({ ...m, made: true }));
    const parts = gradePartsFromReply(reply({ keyPoints: points, dimensions: dims, mistakes }), input, gradingScope(input));
    expect(parts.keyPoints[0]).toEqual({ id: points[0]!.id, status: 'partial', evidence: ['every layer'], note: 'No data layer.' });
    expect(parts.keyPoints[1]).toEqual({ id: points[1]!.id, status: 'missed', evidence: [] });
    expect(parts.dimensions.map((d) => d.id)).toEqual(gradingScope(input).dimensions.slice(1));
    // Every mistake of this question is an absent topic, none due before the deep dive.
    expect(parts.mistakes.map((m) => m.status)).toEqual(['absent', 'absent', 'absent']);
    expect(parts.flags).toEqual([]);
    const session = { ...input, scope: 'session' as const, phaseId: 'trade-offs-scaling' };
    const whole = gradePartsFromReply(reply({ mistakes, dimensions: [] }), session, gradingScope(session));
    expect(whole.mistakes.map((m) => m.status)).toEqual(['present', 'present', 'present']);
  });
});

describe(splitFeedback.name, () => {
  it('follows the order the prompt asks for: strength, gaps, next step', () => {
    expect(splitFeedback('You scoped well. You skipped storage. You missed sampling. Study Mimir.')).toEqual({
      strengths: ['You scoped well.'],
      improvements: ['You skipped storage.', 'You missed sampling.'],
      nextToStudy: ['Study Mimir.'],
    });
    expect(splitFeedback('You scoped well. You skipped storage.')).toEqual({
      strengths: ['You scoped well.'],
      improvements: ['You skipped storage.'],
      nextToStudy: [],
    });
    expect(splitFeedback('Too short to judge')).toEqual({ strengths: [], improvements: ['Too short to judge'], nextToStudy: [] });
  });
});
