import { fileURLToPath } from 'node:url';
import { loadContent, type ContentBundle } from '#libs/content';
import { RubricGrader } from '../rubric.grader.js';
import { fuzzGaming, gamingVariants } from './gaming-variants.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe(fuzzGaming.name, () => {
  let content: ContentBundle;
  beforeAll(async () => {
    content = await loadContent({ rubricsDir: `${root}rubrics`, promptsDir: `${root}prompts` });
  });

  it('builds each gaming variant from the question’s own rubric words', () => {
    const variants = gamingVariants(content.questions.get('url-shortener')!);
    expect(variants.map((v) => v.name)).toEqual([
      'bare list',
      'list with an arrow',
      'arrows between terms',
      'list in an HTML comment',
      'list salted with reasoning words',
      'bullets',
      'key point ids',
    ]);
    expect(variants.find((v) => v.name === 'list in an HTML comment')!.answer).toMatch(/^<!-- .*base62.* -->$/);
  });

  it('covers no key point with any of them, on any question (the rubric grader)', async () => {
    const sut = await fuzzGaming(new RubricGrader({ corpus: content.questions.values() }), content.questions.values(), content.roles, 'p');
    expect(sut.answers).toBe(content.questions.size * 7);
    expect(sut.offenders).toEqual([]);
    expect(sut.covered).toBe(0);
  });
});
