import { fenced, inline, paragraphs } from './markdown-text.js';

describe(fenced.name, () => {
  it('uses a fence longer than any backtick run in the text, so the text cannot close it', () => {
    const text = 'look:\n```\n# not a heading\n<img src=x onerror=alert(1)>\n````';
    const sut = fenced(text);
    expect(sut.startsWith('`````text\n')).toBe(true);
    expect(sut.endsWith('\n`````')).toBe(true);
    expect(sut.slice(10, -6)).toBe(text);
  });

  it('uses three backticks for text without any', () => {
    expect(fenced('plain')).toBe('```text\nplain\n```');
  });
});

describe(inline.name, () => {
  it('escapes HTML and Markdown punctuation and folds line breaks', () => {
    expect(inline('<b>hi</b> & *x* [a](b)\n# h')).toBe('&lt;b&gt;hi&lt;/b&gt; &amp; \\*x\\* \\[a\\]\\(b\\) \\# h');
  });
});

describe(paragraphs.name, () => {
  it('keeps paragraphs apart and folds the hard wraps inside each', () => {
    expect(paragraphs('Requirements first\nthen estimates\n\n  Design <here>  \n')).toEqual([
      'Requirements first then estimates',
      '',
      'Design &lt;here&gt;',
      '',
    ]);
  });
});
