import { fileURLToPath } from 'node:url';
import { loadContent, type ContentBundle } from '#libs/content';
import { citedQuotes } from './feedback-text.js';
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

  /** Every ‘label’ of a line is rubric text (a key point, a mistake, a concept id as words) and every “quote” the answer's. */
  const checkCitations = (
    question: { keyPoints: { text: string; signals: { concepts: { id: string }[] } }[]; commonMistakes: { text: string }[] },
    answer: string,
    line: string,
  ) => {
    const rubric = new Set([
      ...question.keyPoints.map((k) => k.text),
      ...question.commonMistakes.map((m) => m.text),
      ...question.keyPoints.flatMap((k) => k.signals.concepts.map((c) => c.id.replace(/-/g, ' '))),
      // What a passing answer shows: the role guide's level descriptors, cited below the band.
      ...[...content.roles.values()].flatMap((r) =>
        Object.values(r.sessions).flatMap((plan) => plan.dimensions.flatMap((d) => Object.values(d.descriptors).map((t) => t.replace(/\.$/, '')))),
      ),
    ]);
    for (const m of line.matchAll(/‘([^’]*)’/g)) expect([line, rubric.has(m[1]!)]).toEqual([line, true]);
    for (const quote of citedQuotes(line)) expect([line, answer.replace(/\s+/g, ' ').includes(quote)]).toEqual([line, true]);
  };

  it('quotes the candidate and names the key point as a label, for every key point of every question', () => {
    let strengths = 0;
    for (const question of content.questions.values()) {
      const g = grade(question.id, question.referenceAnswer);
      for (const line of g.feedback.strengths) {
        strengths++;
        // Never "You covered <key point text>": the text is a label whatever its grammar.
        const m = /^“(.+)” covers ‘(.+)’(, and you said why)?\.$/s.exec(line);
        expect([line, m !== null]).toEqual([line, true]);
        expect(question.keyPoints.map((k) => k.text)).toContain(m![2]);
        checkCitations(question, question.referenceAnswer, line);
      }
    }
    expect(strengths).toBeGreaterThan(40);
  });

  it('ties every improvement to what the candidate said, for weak, listed and half answers to every question', () => {
    for (const question of content.questions.values()) {
      const halfAnswer = question.referenceAnswer
        .split(/(?<=\.)\s+/)
        .slice(0, 3)
        .join(' ');
      const answers = [halfAnswer, question.keyTerminology.join(', '), `I would keep it simple. ${question.topics[0]} is what matters here.`];
      for (const answer of answers) {
        const g = grade(question.id, answer);
        for (const line of [...g.feedback.strengths, ...g.feedback.improvements]) checkCitations(question, answer, line);
        for (const d of g.dimensions) checkCitations(question, answer, d.reason);
        if (g.overall < 50) expect(g.feedback.improvements.length).toBeGreaterThan(0);
      }
    }
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
    const g = grade(
      'observability-platform',
      'We put a load balancer in front of the collectors, and the servers scale out when traffic grows.',
      'capacity-estimation',
    );
    expect(g.feedback.improvements).toContain(
      'Capacity estimation is at 1 of 4: The answer makes no estimate of its own (load, storage, bandwidth or fleet size).',
    );
  });

  it('says what held a passing answer down when a dimension sits below the band and nothing else is to improve', () => {
    const g = grade(
      'payment-gateway',
      'Before I design anything: are refunds and partial captures in scope, and is this card payments only? ' +
        'I will assume card payments with authorize, capture and refunds, no subscriptions or payouts in v1. ' +
        'The non-negotiables are never charging twice and never losing a payment, with every state change auditable.',
      'requirements-clarification',
    );
    expect(g.overall).toBeGreaterThanOrEqual(50);
    const low = g.dimensions.find((d) => d.score < 3)!;
    expect(g.feedback.improvements).toEqual([expect.stringContaining(`is at ${low.score} of 4: ${low.reason}`)]);
  });

  it("names this phase's missing points as advice, never an earlier phase's", () => {
    const question = content.questions.get('lru-cache')!;
    const g = grade('lru-cache', 'It is O(1) because of the hash map.', 'complexity-trade-offs');
    const earlier = question.keyPoints.filter((k) => k.phase !== 'complexity-trade-offs').map((k) => k.text);
    for (const line of g.feedback.improvements) for (const text of earlier) expect(line).not.toContain(text);
    expect(g.feedback.improvements.length).toBeGreaterThan(0);
    expect(g.feedback.nextToStudy.length).toBeGreaterThan(0);
  });

  it('quotes what earned a flag', () => {
    const g = grade('url-shortener', 'Base62, MD5, Snowflake IDs, ZooKeeper, Redis, Cassandra, sharding, consistent hashing, CDN.');
    expect(g.flags).toContain('keyword_stuffing');
    expect(g.feedback.improvements[0]).toMatch(/^“Base62, MD5, Snowflake IDs.*” lists terms without saying how any of them works here/);
  });
});
