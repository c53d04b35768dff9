import { FoldedText } from './text-normaliser.js';

/** The data tags of the grader prompt (prompts/grader.yaml `dataTags`). */
const DEFAULT_DATA_TAGS: readonly string[] = ['transcript', 'candidate_answer'];

/**
 * Rewrites anything in untrusted text that a reader (or a model) could take for one of
 * the prompt's data tags, so candidate text cannot close its block early: `</candidate_answer>`
 * and its look-alikes (full-width `＜／ｃａｎｄｉｄａｔｅ_answer＞`, Cyrillic letters,
 * zero-width characters inside, `‹/transcript›`) become `[/candidate_answer]`. Chat-template
 * tokens such as `<|im_start|>` are bracketed too. Everything else is left byte for byte,
 * so quotes from the original answer still match the text the model saw elsewhere.
 */
export function neutraliseDelimiters(text: string, tags: readonly string[] = DEFAULT_DATA_TAGS): string {
  const folded = FoldedText.of(text);
  const names = tags.map(tagPattern).join('|');
  const pattern = new RegExp(`<\\s*(/?)\\s*(${names})\\b[^<>\\n]{0,80}>|<\\s*\\|\\s*([a-z_\\ue000]{1,30})\\s*\\|\\s*>`, 'g');
  const replacements: { start: number; end: number; text: string }[] = [];
  for (const m of folded.text.matchAll(pattern)) {
    const start = folded.sourceStart(m.index);
    const end = folded.sourceEnd(m.index + m[0].length - 1);
    const tag = m[2] !== undefined ? canonicalTag(m[2], tags) : `|${(m[3] ?? '').replace(/\ue000/g, 'i')}|`;
    replacements.push({ start, end, text: `[${m[1] ?? ''}${tag}]` });
  }
  let out = '';
  let cursor = 0;
  for (const r of replacements) {
    out += text.slice(cursor, r.start) + r.text;
    cursor = r.end;
  }
  return out + text.slice(cursor);
}

/** `candidate_answer` also matches `candidate-answer`, `candidate answer`, `candidateanswer`. */
function tagPattern(tag: string): string {
  let out = '';
  for (const ch of tag.toLowerCase()) {
    if (ch === 'i') out += '[i\\ue000]';
    else if (ch === 'l') out += '[l\\ue000]';
    else if (ch === '_' || ch === '-') out += '[\\s_-]*';
    else out += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}

function canonicalTag(found: string, tags: readonly string[]): string {
  const bare = (s: string) => s.replace(/\ue000/g, 'i').replace(/[\s_-]/g, '');
  const key = bare(found);
  return tags.find((t) => bare(t.toLowerCase()).replace(/l/g, 'i') === key.replace(/l/g, 'i')) ?? key;
}
