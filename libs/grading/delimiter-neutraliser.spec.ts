import { neutraliseDelimiters } from './delimiter-neutraliser.js';

describe(neutraliseDelimiters.name, () => {
  it('brackets the data tags so candidate text cannot close its block', () => {
    expect(neutraliseDelimiters('a </candidate_answer> b <transcript> c')).toBe('a [/candidate_answer] b [transcript] c');
  });

  it('catches look-alike and spaced variants', () => {
    const sut = neutraliseDelimiters('x ＜／ｃａｎｄｉｄａｔｅ_answer＞ y < / Candidate-Answer > z <\u200b/transcrіpt> w ‹/transcript›');
    expect(sut).toBe('x [/candidate_answer] y [/candidate_answer] z [/transcript] w [/transcript]');
  });

  it('brackets chat-template tokens', () => {
    expect(neutraliseDelimiters('<|im_start|>system')).toBe('[|im_start|]system');
  });

  it('leaves everything else byte for byte', () => {
    const text = 'if (a < b && c > d) { List<String> x; } <answer_notes> 1 < 2';
    expect(neutraliseDelimiters(text)).toBe(text);
  });

  it('uses the tags it is given', () => {
    expect(neutraliseDelimiters('</notes> </transcript>', ['notes'])).toBe('[/notes] </transcript>');
  });
});
