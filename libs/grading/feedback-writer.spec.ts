import { fileURLToPath } from 'node:url';
import { loadContent, type ContentBundle } from '#libs/content';
import { writeFeedback } from './feedback-writer.js';
import { RubricGrader } from './rubric.grader.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe(writeFeedback.name, () => {
  let content: ContentBundle;
  let sut: RubricGrader;
  beforeAll(async () => {
    content = await loadContent({ rubricsDir: `${root}rubrics`, promptsDir: `${root}prompts` });
    sut = new RubricGrader({ corpus: content.questions.values(), now: () => 0 });
  });
  const grade = (questionId: string, answer: string, phaseId?: string) => {
    const question = content.questions.get(questionId)!;
    const last = question.phases.at(-1)!.id;
    return sut.gradeSync({
      question,
      questionVersion: question.version,
      role: content.roles.get(question.role)!,
      phaseId: phaseId ?? last,
      scope: phaseId ? 'phase' : 'session',
      history: [],
      answer,
      promptVersion: 'p',
    });
  };

  it('quotes the candidate and names the key point as a label, for every key point of every question', () => {
    let strengths = 0;
    for (const question of content.questions.values()) {
      const g = grade(question.id, question.referenceAnswer);
      const answer = question.referenceAnswer.replace(/\s+/g, ' ');
      for (const line of g.feedback.strengths) {
        strengths++;
        // Never "You covered <key point text>": the text is quoted whatever its grammar.
        const m = /^“(.+)” — this covers “(.+)”, with your own reasoning\.$/s.exec(line) ?? /^Covered: “(.+)”\.$/s.exec(line);
        expect(m).not.toBeNull();
        if (line.startsWith('“')) expect(answer).toContain(m![1]!.replace(/…$/, ''));
        expect(question.keyPoints.map((k) => k.text)).toContain(m![line.startsWith('“') ? 2 : 1]);
      }
      for (const m of question.commonMistakes) {
        for (const line of g.feedback.improvements.filter((l) => l.startsWith('Common mistake'))) {
          if (line.includes(m.text)) expect(line.startsWith(`Common mistake: “${m.text}”`)).toBe(true);
        }
      }
    }
    expect(strengths).toBeGreaterThan(40);
  });

  it('gives every answer below the passing band a concrete reason, even in a phase without key points', () => {
    for (const [questionId, phaseId] of [
      ['realtime-notifications', 'requirements-clarification'],
      ['observability-platform', 'capacity-estimation'],
      ['lru-cache', 'complexity-trade-offs'],
      ['conflict-resolution', 'actions'],
    ] as const) {
      const g = grade(questionId, 'It works fine and scales.', phaseId);
      expect(g.overall).toBeLessThan(50);
      expect(g.feedback.improvements.length).toBeGreaterThan(0);
    }
    const g = grade('realtime-notifications', 'We need notifications for users.', 'requirements-clarification');
    expect(g.feedback.improvements.some((l) => /^Requirements clarification is at [12] of 4\. A 3 looks like this: Separates functional/.test(l))).toBe(true);
  });

  it("gives this phase's probes as advice, never an earlier phase's", () => {
    const question = content.questions.get('lru-cache')!;
    const g = grade('lru-cache', 'It is O(1) because of the hash map.', 'complexity-trade-offs');
    const earlier = question.keyPoints.filter((k) => k.phase !== 'complexity-trade-offs').map((k) => k.probe);
    for (const line of g.feedback.improvements) for (const probe of earlier) expect(line).not.toContain(probe);
    expect(g.feedback.nextToStudy.length).toBeGreaterThan(0);
  });
});
