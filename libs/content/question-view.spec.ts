import { fileURLToPath } from 'node:url';
import { loadContent } from './content.loader.js';
import type { ContentBundle, Question } from './content.schema.js';
import { toCandidateQuestion, toCandidateRole } from './question-view.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Every internal string of a question: none may appear in what the candidate receives.
 * Signal terms are vocabulary that public text may legitimately use ("automatic
 * instrumentation" is in the seed's answer framework), so they only count as leaked when
 * they appear as a JSON string of their own; longer internal texts also count inside others.
 */
function secretsOf(question: Question): { texts: string[]; terms: string[] } {
  const texts: string[] = [question.referenceAnswer];
  const terms: string[] = [];
  for (const kp of question.keyPoints) {
    texts.push(kp.text, kp.probe);
    // The study plan (explanation, references, practice) is shown in the report, after the session only.
    texts.push(...[kp.explanation, kp.practice].filter((t) => t !== undefined), ...(kp.references ?? []).map((r) => r.title));
    terms.push(...kp.signals.concepts.flatMap((c) => c.terms));
  }
  for (const mistake of question.commonMistakes) {
    texts.push(mistake.text);
    if (mistake.shows.type === 'absent-topic') terms.push(...mistake.shows.signals.concepts.flatMap((c) => c.terms));
    else terms.push(...mistake.shows.patterns.flatMap((p) => p.allOf.flat()));
  }
  texts.push(...question.interviewersLookFor.map((l) => l.text));
  if (question.kind === 'coding') {
    texts.push(question.referenceSolution.python, question.referenceSolution.javascript);
    texts.push(...question.tests.hidden.map((t) => JSON.stringify(t.args)), ...question.tests.hidden.map((t) => t.name));
  }
  if (question.kind === 'behavioral') {
    texts.push(...Object.values(question.star).flatMap((element) => element.expected));
  }
  // A term that is itself public vocabulary of this question (e.g. "presence") is no secret.
  const vocabulary = new Set([...question.keyTerminology, ...question.topics].map((t) => t.toLowerCase()));
  return { texts, terms: terms.filter((term) => !vocabulary.has(term)) };
}

function leakedFrom(serialized: string, question: Question): string[] {
  const { texts, terms } = secretsOf(question);
  const asValue = (s: string) => serialized.includes(JSON.stringify(s));
  return [...texts.filter((t) => (t.length >= 25 ? serialized.includes(JSON.stringify(t).slice(1, -1)) : asValue(t))), ...terms.filter(asValue)];
}

describe(toCandidateQuestion.name, () => {
  let bundle: ContentBundle;

  beforeAll(async () => {
    bundle = await loadContent({ rubricsDir: `${repoRoot}rubrics`, promptsDir: `${repoRoot}prompts` });
  });

  it('never exposes key points, study plans, signals, mistakes, reference answers, STAR rubrics or hidden tests', () => {
    for (const question of bundle.questions.values()) {
      const serialized = JSON.stringify(toCandidateQuestion(question));
      const leaked = leakedFrom(serialized, question);
      expect({ id: question.id, leaked }).toEqual({ id: question.id, leaked: [] });
      for (const key of [
        'keyPoints',
        'commonMistakes',
        'referenceAnswer',
        'referenceSolution',
        'signals',
        'hidden',
        'tests',
        'interviewersLookFor',
        'explanation',
        'references',
        'practice',
      ]) {
        expect(serialized).not.toContain(`"${key}"`);
      }
    }
  });

  it('keeps what the candidate needs: prompt, framework, phases, starter code and visible tests', () => {
    const lru = bundle.questions.get('lru-cache');
    const view = lru && toCandidateQuestion(lru);
    expect(view?.kind).toBe('coding');
    if (view?.kind !== 'coding' || lru?.kind !== 'coding') return;
    expect(view.prompt).toBe(lru.prompt);
    expect(view.phases).toEqual(['understand-clarify', 'implement', 'test', 'complexity-trade-offs']);
    expect(view.starterCode.python).toContain('def lru_cache_operations');
    expect(view.visibleTests).toEqual(lru.tests.visible);

    const star = bundle.questions.get('mentorship');
    const starView = star && toCandidateQuestion(star);
    expect(starView?.kind === 'behavioral' && starView.star.action).toBe(star?.kind === 'behavioral' && star.star.action.prompt);
  });

  it('returns copies, not references into the shared bundle', () => {
    const question = bundle.questions.get('lru-cache');
    const view = question && toCandidateQuestion(question);
    expect(view?.kind === 'coding' && view.visibleTests).not.toBe(question?.kind === 'coding' && question.tests.visible);
    expect(Object.isFrozen(view?.topics)).toBe(false);
  });
});

describe(toCandidateRole.name, () => {
  it('drops the loader bookkeeping and returns a mutable copy', async () => {
    const bundle = await loadContent({ rubricsDir: `${repoRoot}rubrics`, promptsDir: `${repoRoot}prompts` });
    const role = bundle.roles.get('senior-backend-developer');
    expect(role).toBeDefined();
    if (!role) return;
    const view = toCandidateRole(role);
    expect(view).not.toHaveProperty('file');
    expect(view).not.toHaveProperty('version');
    expect(view.sessions['system-design'].dimensions[0]?.descriptors['4']).toBe(role.sessions['system-design'].dimensions[0]?.descriptors['4']);
    expect(Object.isFrozen(view)).toBe(false);
  });
});
