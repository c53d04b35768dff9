import { fileURLToPath } from 'node:url';
import { loadContent, type ContentBundle } from '../../libs/content/index.js';
import { GraderEngine } from '../../libs/grading/grader-engine.js';
import { findMisconceptions } from '../../libs/grading/mistake-judge.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The misconception ids a text asserts, per question: the catalogue specs' one harness (load the content first). */
export interface MisconceptionFinder {
  readonly content: ContentBundle;
  found(questionId: string, text: string): string[];
}

export async function misconceptionFinder(): Promise<MisconceptionFinder> {
  const content = await loadContent({ rubricsDir: `${root}rubrics`, promptsDir: `${root}prompts` });
  const engine = new GraderEngine();
  return {
    content,
    found(questionId, text) {
      const question = content.questions.get(questionId)!;
      const compiled = engine.compile(question, question.version);
      const analysis = engine.analyse(compiled, text);
      return findMisconceptions(compiled, analysis.sentences, analysis.source).map((f) => f.misconception.id);
    },
  };
}
