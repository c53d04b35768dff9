import { fileURLToPath } from 'node:url';
import { loadContent, type ContentBundle } from '#libs/content';
import { parseConversations, type Conversation } from './eval/conversation-dataset.js';
import { runInterviewerEval } from './eval/conversation-eval.js';
import { OfflineInterviewer } from './offline-interviewer.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Plays conversations against the offline interviewer; every expectation and "never" check must hold. */
describe(OfflineInterviewer.name, () => {
  let content: ContentBundle;
  const sut = new OfflineInterviewer();

  beforeAll(async () => {
    content = await loadContent({ rubricsDir: `${repoRoot}rubrics`, promptsDir: `${repoRoot}prompts` });
  });

  const play = async (...conversations: Conversation[]) => {
    const report = await runInterviewerEval(conversations, sut, { questions: content.questions, roles: content.roles, promptVersion: content.prompts.get('grader')!.version });
    return report;
  };
  const conversation = (questionId: string, turns: unknown[]): Conversation =>
    parseConversations(JSON.stringify({ id: 'spec', questionId, turns }))[0]!;

  it('answers a scale question with the prompt\'s numbers, and invites an assumption for what the scenario leaves open', async () => {
    const report = await play(
      conversation('realtime-notifications', [
        { say: 'How many users should I design for, and how many are online at once?', expect: { kind: 'question', facts: ['users-and-concurrency'], mentions: ['50 million', '2 million'], assumption: false } },
        { say: 'Do we need to support SMS?', expect: { kind: 'question', facts: [], assumption: true } },
        { say: 'Is this greenfield? Any compliance needs? Open source allowed?', expect: { kind: 'question', facts: ['existing-stack'], assumption: true } },
      ]),
    );
    expect(report.failures).toEqual([]);
  });

  it('gives the same fact when asked twice, without saying the same line twice', async () => {
    const report = await play(
      conversation('realtime-notifications', [
        { say: 'How many users are there?', expect: { facts: ['users-and-concurrency'] } },
        { say: 'Sorry, how many users again?', expect: { facts: ['users-and-concurrency'] } },
        { say: 'And the number of users once more?', expect: { facts: ['users-and-concurrency'] } },
      ]),
    );
    expect(report.failures).toEqual([]);
    expect(report.checks.noRepeat.total).toBe(3);
  });

  it('never tells a weak requirements answer that it covers what was wanted', async () => {
    const report = await play(
      conversation('realtime-notifications', [
        { say: 'It sends notifications to users.', expect: { kind: 'answer', praise: false, probeOneOf: ['checklist'], avoids: ['covers what I wanted'] } },
        { say: 'Users get notified.', expect: { praise: false, probeOneOf: ['checklist'] } },
      ]),
    );
    expect(report.failures).toEqual([]);
  });

  it("follows the candidate's own design: a polling design is asked about its database, not about queue offsets", async () => {
    const report = await play(
      conversation('realtime-notifications', [
        {
          phase: 'high-level-design',
          say: 'Services write each notification to a MySQL table, and every client polls an API every five seconds that reads the unread rows for the user from MySQL.',
          expect: { probeOneOf: ['realtime-processing'], mentions: ['MySQL'], avoids: ['offset', 'consumer'] },
        },
      ]),
    );
    expect(report.failures).toEqual([]);
  });

  it('says no line twice over ten answers in five phases', async () => {
    const phases = ['requirements-clarification', 'capacity-estimation', 'high-level-design', 'deep-dive', 'trade-offs-scaling'];
    const answers = [
      'Users get notifications in the app and by push when offline.',
      'Payments must not be lost.',
      'About 200 million notifications a day, so a few thousand per second.',
      'Peak maybe ten times that.',
      'Kafka between producers and a notification service, which pushes over WebSockets through gateways.',
      'A presence registry in Redis maps users to gateways.',
      'We store notifications in Cassandra by user id.',
      'Consumers commit offsets after the push.',
      'Critical notifications get their own topic.',
      'We batch marketing notifications.',
    ];
    const report = await play(
      conversation(
        'realtime-notifications',
        answers.map((say, i) => ({ phase: phases[Math.floor(i / 2)], say })),
      ),
    );
    expect(report.checks.noRepeat).toEqual({ passed: 10, total: 10 });
    expect(report.failures.filter((f) => f.check === 'noFalsePraise' || f.check === 'noLeak')).toEqual([]);
  });
});
