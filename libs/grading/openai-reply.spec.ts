import { fileURLToPath } from 'node:url';
import { loadContent, type ContentBundle } from '#libs/content';
import type { GradeInput } from './grader.port.js';
import { gradingScope } from './grading-scope.js';
import { computeOverall } from './compute-overall.js';
import { verifyEvidence } from './evidence-verifier.js';
import { gradeSchema, type Grade } from './grade.schema.js';
import type { OpenAiReply } from './openai-grade.schema.js';
import { candidateTexts, checkReply, gradePartsFromReply, settleUnsupportedPartials } from './openai-reply.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe(checkReply.name, () => {
  let content: ContentBundle;
  let input: GradeInput;
  const reply = (patch: Partial<OpenAiReply> = {}): OpenAiReply => ({
    keyPoints: input.question.keyPoints.map((k) => ({ id: k.id, status: 'missed', evidence: [], note: null })),
    mistakes: input.question.commonMistakes.map((m) => ({ id: m.id, status: 'absent', evidence: [] })),
    dimensions: gradingScope(input).dimensions.map((id) => ({ id, score: 2, reason: 'Shallow.' })),
    feedback: {
      strengths: [{ quote: 'every layer', why: 'Good start.' }],
      improvements: [{ quote: null, gap: 'No storage.', stronger: 'Go deeper.' }],
      nextToStudy: [],
    },
    flags: [],
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

  it('rejects the old single-string contract and flags the model may not raise', () => {
    const [first, ...rest] = reply().keyPoints;
    const old = sut(reply({ keyPoints: [{ id: first!.id, covered: true, evidence: 'x', note: '' } as never, ...rest] }));
    expect(!old.ok && old.problems.join('\n')).toMatch(/keyPoints\.0\.status/);
    expect(sut({ ...reply(), feedback: 'Good start. Go deeper.' }).ok).toBe(false);
    const flags = sut({ ...reply(), flags: ['low_confidence'] });
    expect(!flags.ok && flags.problems.join('\n')).toMatch(/flags\.0/);
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

  it('maps the reply straight onto the grade: statuses, quote lists, notes and flags', () => {
    const [a, b, c] = input.question.keyPoints.map((k) => k.id);
    const points = reply().keyPoints.map((k): OpenAiReply['keyPoints'][number] => {
      if (k.id === a) return { ...k, status: 'covered', evidence: [' every layer ', 'OpenTelemetry', 'every layer', ''], note: '  ' };
      if (k.id === b) return { ...k, status: 'partial', evidence: ['We instrument'], note: ' No data layer. ' };
      // A missed point carries no quote, whatever the model put there.
      if (k.id === c) return { ...k, status: 'missed', evidence: ['We instrument'], note: null };
      return k;
    });
    const flags: OpenAiReply['flags'] = ['keyword_stuffing', 'off_topic', 'keyword_stuffing'];
    const parts = gradePartsFromReply(reply({ keyPoints: points, flags }), input, gradingScope(input));
    expect(parts.keyPoints.slice(0, 3)).toEqual([
      { id: a, status: 'covered', evidence: ['every layer', 'OpenTelemetry'] },
      { id: b, status: 'partial', evidence: ['We instrument'], note: 'No data layer.' },
      { id: c, status: 'missed', evidence: [] },
    ]);
    expect(parts.flags).toEqual(['keyword_stuffing', 'off_topic']);
  });

  it('leaves unjudged dimensions out and keeps mistakes that are not due yet absent', () => {
    const dims = reply().dimensions.map((d, i) => (i === 0 ? { ...d, score: null } : d));
    const mistakes = reply().mistakes.map((m) => ({ ...m, status: 'present' as const, evidence: ['OpenTelemetry'] }));
    const parts = gradePartsFromReply(reply({ dimensions: dims, mistakes }), input, gradingScope(input));
    expect(parts.dimensions.map((d) => d.id)).toEqual(gradingScope(input).dimensions.slice(1));
    // Every mistake of this question is an absent topic, none due before the deep dive.
    expect(parts.mistakes.map((m) => [m.status, m.evidence])).toEqual([
      ['absent', []],
      ['absent', []],
      ['absent', []],
    ]);
    expect(parts.flags).toEqual([]);
    const session = { ...input, scope: 'session' as const, phaseId: 'trade-offs-scaling' };
    const whole = gradePartsFromReply(reply({ mistakes, dimensions: [] }), session, gradingScope(session));
    expect(whole.mistakes.map((m) => m.status)).toEqual(['present', 'present', 'present']);
  });
});

describe(settleUnsupportedPartials.name, () => {
  let input: GradeInput;

  beforeAll(async () => {
    const content = await loadContent({ rubricsDir: `${root}rubrics`, promptsDir: `${root}prompts` });
    const question = content.questions.get('observability-platform')!;
    input = {
      question,
      questionVersion: question.version,
      role: content.roles.get(question.role)!,
      phaseId: 'high-level-design',
      history: [{ role: 'candidate', text: 'Earlier I said we keep raw logs for a week.' }],
      answer: 'We instrument every layer with OpenTelemetry.',
      promptVersion: content.prompts.get('grader')!.version,
    };
  });

  it('misses a partial point whose quotes were all invented, and keeps one that still has a real quote', () => {
    const [a, b, c] = input.question.keyPoints.map((k) => k.id);
    const reply: OpenAiReply = {
      keyPoints: input.question.keyPoints.map(({ id }): OpenAiReply['keyPoints'][number] => {
        if (id === a) return { id, status: 'partial', evidence: ['We shard Cassandra by tenant.'], note: 'No storage.' };
        if (id === b) return { id, status: 'partial', evidence: ['We shard Cassandra by tenant.', 'we keep raw logs for a week'], note: 'No tiers.' };
        if (id === c) return { id, status: 'partial', evidence: [], note: 'Only named.' };
        return { id, status: 'missed', evidence: [], note: null };
      }),
      mistakes: [],
      dimensions: [],
      feedback: { strengths: [], improvements: [], nextToStudy: [] },
      flags: [],
    };
    const parts = gradePartsFromReply(reply, input, gradingScope(input));
    const draft: Grade = {
      questionId: input.question.id,
      phaseId: input.phaseId,
      ...parts,
      overall: computeOverall(parts.dimensions, input.role, input.question),
      feedback: { strengths: [], improvements: [], nextToStudy: [] },
      provenance: {
        grader: 'openai',
        model: 'm',
        rubricVersion: 'r',
        promptVersion: 'p',
        tokens: { prompt: 0, cached: 0, completion: 0 },
        latencyMs: 0,
      },
    };
    const settled = settleUnsupportedPartials(verifyEvidence(draft, candidateTexts(input)));
    expect(settled.keyPoints.slice(0, 3)).toEqual([
      { id: a, status: 'missed', evidence: [], note: 'No storage.' },
      { id: b, status: 'partial', evidence: ['we keep raw logs for a week'], note: 'No tiers.' },
      { id: c, status: 'partial', evidence: [], note: 'Only named.' },
    ]);
    expect(settled.flags).toContain('low_confidence');
    expect(gradeSchema.safeParse(settled).success).toBe(true);
  });
});
