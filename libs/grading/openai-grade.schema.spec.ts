import { fileURLToPath } from 'node:url';
import { loadContent, type LoadedPromptTemplate, type LoadedQuestion } from '#libs/content';
import { gradeSchema } from './grade.schema.js';
import { gradingScope } from './grading-scope.js';
import { MODEL_FLAGS, openAiReplyJsonSchema, openAiReplySchema } from './openai-grade.schema.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe(openAiReplyJsonSchema.name, () => {
  let question: LoadedQuestion;
  let prompt: LoadedPromptTemplate;

  beforeAll(async () => {
    const content = await loadContent({ rubricsDir: `${root}rubrics`, promptsDir: `${root}prompts` });
    question = content.questions.get('realtime-notifications')!;
    prompt = content.prompts.get('grader')!;
  });

  /** Every object node, with its path, so a violation names where it is. */
  function objects(node: unknown, path = '$'): [string, Record<string, unknown>][] {
    if (node === null || typeof node !== 'object') return [];
    const entries = Object.entries(node).flatMap(([k, v]) => objects(v, `${path}.${k}`));
    const record = node as Record<string, unknown>;
    return record.type === 'object' ? [[path, record], ...entries] : entries;
  }

  it('meets strict mode: every object closed and every property required', () => {
    const sut = openAiReplyJsonSchema(question, gradingScope({ question, phaseId: 'deep-dive' }));
    const found = objects(sut);
    expect(found.map(([path]) => path)).toEqual([
      '$',
      '$.properties.keyPoints.items',
      '$.properties.mistakes.items',
      '$.properties.dimensions.items',
      '$.properties.feedback',
      '$.properties.feedback.properties.strengths.items',
      '$.properties.feedback.properties.improvements.items',
    ]);
    for (const [path, node] of found) {
      expect([path, node.additionalProperties]).toEqual([path, false]);
      expect([path, node.required]).toEqual([path, Object.keys(node.properties as object)]);
    }
  });

  it('allows only the rubric ids of the question and the dimensions in scope', () => {
    const sut = openAiReplyJsonSchema(question, gradingScope({ question, phaseId: 'requirements-clarification' })) as {
      properties: Record<string, { items: { properties: { id: { enum: string[] } } } }>;
    };
    expect(sut.properties.keyPoints?.items.properties.id.enum).toEqual(question.keyPoints.map((k) => k.id));
    expect(sut.properties.mistakes?.items.properties.id.enum).toEqual(question.commonMistakes.map((m) => m.id));
    expect(sut.properties.dimensions?.items.properties.id.enum).toEqual(['requirements', 'communication']);
  });

  it('agrees with the output format the grader prompt describes: the same keys, statuses and flags', () => {
    const system = prompt.messages[0]?.template ?? '';
    const output = system.slice(system.indexOf('# Output'));
    const sut = openAiReplyJsonSchema(question, gradingScope({ question, phaseId: 'deep-dive' }));
    const keys = new Set(objects(sut).flatMap(([, node]) => Object.keys(node.properties as object)));
    const described = new Set([...output.matchAll(/"(\w+)":/g)].map((m) => m[1]));
    expect([...described].sort()).toEqual([...keys].sort());
    // The alternatives the prompt spells out ("a"|"b"|…) are the schema's enums, in order.
    const alternatives = (key: string) =>
      [...output.matchAll(new RegExp(`"${key}": \\[?((?:"\\w+"\\|?)+)`, 'g'))].map((m) => [...m[1]!.matchAll(/"(\w+)"/g)].map((v) => v[1]));
    const props = (sut as { properties: Record<string, { items: { properties: Record<string, { enum: unknown[] }>; enum?: unknown[] } }> })
      .properties;
    expect(alternatives('status')).toEqual([props.keyPoints?.items.properties.status?.enum, props.mistakes?.items.properties.status?.enum]);
    expect(alternatives('flags')).toEqual([props.flags?.items.enum]);
    expect(props.flags?.items.enum).toEqual([...MODEL_FLAGS]);
  });

  it('describes a reply whose parts fit the grade (feedback once written around its quotes)', () => {
    const reply = openAiReplySchema.parse({
      keyPoints: [{ id: 'k', status: 'partial', evidence: ['a quote'], note: 'what is missing' }],
      mistakes: [{ id: 'm', status: 'present', evidence: ['a claim'] }],
      dimensions: [{ id: 'd', score: 3, reason: 'Matches the level-3 descriptor.' }],
      feedback: { strengths: [{ quote: 'a quote', why: 'w' }], improvements: [{ quote: null, gap: 'g', stronger: 's' }], nextToStudy: ['n'] },
      flags: [...MODEL_FLAGS],
    });
    const { keyPoints, mistakes, dimensions, flags } = reply;
    const grade = {
      questionId: 'q',
      phaseId: 'p',
      keyPoints: keyPoints.map(({ note, ...k }) => ({ ...k, ...(note === null ? {} : { note }) })),
      mistakes,
      dimensions,
      overall: 50,
      feedback: { strengths: ['“a quote”: w.'], improvements: ['g. s.'], nextToStudy: reply.feedback.nextToStudy },
      flags,
      provenance: {
        grader: 'openai',
        model: 'm',
        rubricVersion: 'r',
        promptVersion: 'p',
        tokens: { prompt: 0, cached: 0, completion: 0 },
        latencyMs: 0,
      },
    };
    expect(gradeSchema.safeParse(grade).success).toBe(true);
  });
});
