import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { questionSchema, storedQuestionSchema } from './question.schema.js';
import { checkKeyPointStudy, sentenceCount, STUDY_FIELDS } from './study.schema.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- fixtures mutate raw YAML freely

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.path.join('.'));

describe(checkKeyPointStudy.name, () => {
  let raw: Doc;
  beforeEach(async () => {
    raw = parse(await readFile(`${repoRoot}rubrics/questions/task-execution-order.yaml`, 'utf8')) as Doc;
  });

  it('accepts the authored question, every key point with an explanation, references and a practice prompt', () => {
    const sut = questionSchema.safeParse(raw);
    expect(paths(sut)).toEqual([]);
    for (const kp of sut.data!.keyPoints) for (const field of STUDY_FIELDS) expect(kp[field]).toBeDefined();
  });

  it.each(STUDY_FIELDS)('refuses authored content whose key point lacks %s, at that key', (field) => {
    delete raw.keyPoints[1][field];
    expect(paths(questionSchema.safeParse(raw))).toEqual([`keyPoints.1.${field}`]);
  });

  it('still reads a version stored before the study material existed', () => {
    for (const kp of raw.keyPoints as Doc[]) for (const field of STUDY_FIELDS) delete kp[field];
    expect(paths(storedQuestionSchema.safeParse(raw))).toEqual([]);
    expect(paths(questionSchema.safeParse(raw))).toHaveLength(raw.keyPoints.length * STUDY_FIELDS.length);
  });

  it('refuses a one-sentence explanation, more than three references, and a URL instead of a name', () => {
    raw.keyPoints[0].explanation = 'Edges point from prerequisite to dependent.';
    raw.keyPoints[1].references = [1, 2, 3, 4].map((n) => ({ title: `Chapter ${n}`, source: 'A book' }));
    raw.keyPoints[2].references = [{ title: 'Topological sort', source: 'https://example.com/toposort' }];
    expect(paths(questionSchema.safeParse(raw))).toEqual(['keyPoints.0.explanation', 'keyPoints.1.references', 'keyPoints.2.references.0']);
  });
});

describe(sentenceCount.name, () => {
  it('counts sentences, not the dots inside numbers, method names or expressions', () => {
    expect(sentenceCount("62^7 is about 3.5 trillion codes. Kafka's linger.ms adds delay. 'Sent' means stored.")).toBe(3);
    expect(sentenceCount('Sorting costs O(n log n). [a, b] means a before b.')).toBe(2);
  });
});
