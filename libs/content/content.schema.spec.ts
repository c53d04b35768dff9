import { coverageSignalsSchema, keyPointSignalsSchema, mistakeEvidenceSchema } from './signals.schema.js';
import { sessionPlanSchema } from './role.schema.js';
import { promptTemplateSchema } from './prompt.schema.js';

const concept = (id: string, ...terms: string[]) => ({ id, terms });
const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.path.join('.'));

describe('content schemas', () => {
  describe('key point signals', () => {
    const valid = {
      concepts: [concept('push', 'push'), concept('pull', 'pull', 'scrape')],
      minConcepts: 2,
      required: ['pull'],
      requireReasoning: true,
    };

    it('accept several concepts with a threshold and required concepts', () => {
      expect(keyPointSignalsSchema.safeParse(valid).success).toBe(true);
    });

    it('refuse a single-buzzword key point', () => {
      const result = keyPointSignalsSchema.safeParse({ ...valid, concepts: [concept('push', 'push')], minConcepts: 1, required: [] });
      expect(paths(result)).toContain('minConcepts');
    });

    it('refuse a threshold above the number of concepts, unknown required concepts and upper-case terms', () => {
      const result = coverageSignalsSchema.safeParse({
        ...valid,
        concepts: [concept('push', 'Push')],
        minConcepts: 3,
        required: ['nope'],
      });
      expect(paths(result)).toEqual(expect.arrayContaining(['concepts.0.terms.0']));
      const refined = coverageSignalsSchema.safeParse({ ...valid, minConcepts: 3, required: ['nope'] });
      expect(paths(refined)).toEqual(expect.arrayContaining(['minConcepts', 'required.0']));
    });
  });

  describe('mistake evidence', () => {
    it('needs at least two co-occurring groups for a wrong claim', () => {
      const one = mistakeEvidenceSchema.safeParse({ type: 'wrong-claim', patterns: [{ allOf: [['exactly once']] }] });
      const two = mistakeEvidenceSchema.safeParse({ type: 'wrong-claim', patterns: [{ allOf: [['exactly once'], ['kafka']], unless: ['not'] }] });
      expect(one.success).toBe(false);
      expect(two.success).toBe(true);
    });

    it('rejects an unknown evidence type', () => {
      expect(mistakeEvidenceSchema.safeParse({ type: 'vibes', signals: {} }).success).toBe(false);
    });
  });

  describe('session plan', () => {
    const descriptors = { '1': 'a', '2': 'b', '3': 'c', '4': 'd' };
    const plan = (weights: number[]) => ({
      title: 't',
      description: 'd',
      phases: [
        {
          id: 'p',
          title: 'P',
          description: 'd',
          minMinutes: 5,
          maxMinutes: 10,
          openingPrompt: 'go',
          checklist: [{ id: 'scope', text: 'States the scope', terms: ['scope', 'out of scope'], probes: ['What is in scope?'] }],
        },
      ],
      dimensions: weights.map((weight, i) => ({ id: `d${i}`, title: 'D', description: 'd', weight, descriptors })),
    });

    it('requires dimension weights summing to 1', () => {
      expect(sessionPlanSchema.safeParse(plan([0.6, 0.4])).success).toBe(true);
      expect(paths(sessionPlanSchema.safeParse(plan([0.6, 0.5])))).toContain('dimensions');
    });

    it('requires maxMinutes >= minMinutes', () => {
      const bad = plan([1]);
      bad.phases[0] = { ...bad.phases[0]!, minMinutes: 10, maxMinutes: 5 };
      expect(paths(sessionPlanSchema.safeParse(bad))).toContain('phases.0.maxMinutes');
    });
  });

  describe('prompt template', () => {
    const prompt = (template: string) => ({
      id: 'p',
      description: 'd',
      dataTags: ['candidate_answer'],
      placeholders: [{ name: 'answer', description: 'the answer', untrusted: true }],
      messages: [{ role: 'user', template }],
    });

    it('accepts an untrusted placeholder inside its data tag', () => {
      expect(promptTemplateSchema.safeParse(prompt('<candidate_answer>\n{{answer}}\n</candidate_answer>')).success).toBe(true);
    });

    it('refuses an untrusted placeholder outside any data tag', () => {
      expect(paths(promptTemplateSchema.safeParse(prompt('Answer: {{answer}}')))).toEqual(['messages.0.template']);
    });

    it('refuses a declared placeholder that is never used', () => {
      expect(paths(promptTemplateSchema.safeParse(prompt('<candidate_answer></candidate_answer>')))).toEqual(['placeholders.0.name']);
    });
  });
});
