import { fileURLToPath } from 'node:url';
import { loadContent, type LoadedQuestion } from '#libs/content';
import { gradingScope } from './grading-scope.js';
import { openAiReplyJsonSchema } from './openai-grade.schema.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe(openAiReplyJsonSchema.name, () => {
  let question: LoadedQuestion;

  beforeAll(async () => {
    const content = await loadContent({ rubricsDir: `${root}rubrics`, promptsDir: `${root}prompts` });
    question = content.questions.get('realtime-notifications')!;
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
    expect(found.map(([path]) => path)).toEqual(['$', '$.properties.keyPoints.items', '$.properties.mistakes.items', '$.properties.dimensions.items']);
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
});
