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
    const report = await runInterviewerEval(conversations, sut, {
      questions: content.questions,
      roles: content.roles,
      promptVersion: content.prompts.get('grader')!.version,
    });
    return report;
  };
  const conversation = (questionId: string, turns: unknown[]): Conversation =>
    parseConversations(JSON.stringify({ id: 'spec', questionId, turns }))[0]!;

  it("answers a scale question with the prompt's numbers, and invites an assumption for what the scenario leaves open", async () => {
    const report = await play(
      conversation('realtime-notifications', [
        {
          say: 'How many users should I design for, and how many are online at once?',
          expect: { kind: 'question', facts: ['users-and-concurrency'], mentions: ['50 million', '2 million'], assumption: false },
        },
        { say: 'Do we need to support SMS?', expect: { kind: 'question', facts: [], assumption: true } },
        {
          say: 'Is this greenfield? Any compliance needs? Open source allowed?',
          expect: { kind: 'question', facts: ['existing-stack'], assumption: true },
        },
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
        {
          say: 'It sends notifications to users.',
          expect: { kind: 'answer', praise: false, probeOneOf: ['checklist'], avoids: ['covers what I wanted'] },
        },
        { say: 'Users get notified.', expect: { praise: false, probeOneOf: ['checklist'] } },
      ]),
    );
    expect(report.failures).toEqual([]);
  });

  it('does not praise a passing answer that makes a technically wrong claim', async () => {
    // A session whose earlier phases went well: the deep dive passes on the session's evidence, but one of its
    // claims is wrong, so "Good." would endorse it.
    const report = await play(
      conversation('payment-gateway', [
        {
          phase: 'requirements-clarification',
          say: 'Before designing, I want to pin down what correct means here. The hard requirements are that a customer is never charged twice for one purchase and that we never lose a payment once the merchant got a success back. We support authorize, capture and refund, and every state change has to be auditable for disputes and for PCI. I would rather reject a request than give an inconsistent answer, so consistency wins over availability for the money path. Latency is dominated by the card processor anyway, around one to two seconds.',
        },
        {
          phase: 'capacity-estimation',
          say: "Let me size it. Say 50 million payments a day, that is about 600 per second on average and maybe 3,000 per second at peak. Each processor call takes about 1.5 seconds, so by Little's law we have roughly 4,500 requests in flight at peak, which tells me the connection pools and worker counts. Storage: each payment has about 5 state rows and 4 ledger lines of around 300 bytes, so roughly 130 GB a day, which we keep for seven years for audit.",
        },
        {
          phase: 'high-level-design',
          say: "The merchant calls POST /payments with an Idempotency-Key header. The API stores the key with a hash of the request body in Postgres under a unique constraint, in the same transaction as the payment row, so a retry with the same key gets the stored response instead of a second charge. Then a payment worker calls the processor, passing our attempt id as the processor's idempotency key. Every movement of money is written to an append-only double-entry ledger with debits and credits that sum to zero, amounts in integer cents.",
        },
        {
          phase: 'deep-dive',
          say:
            'The tricky part is the processor timing out. If the processor times out we mark the payment failed and tell the merchant to retry. ' +
            'Each payment is a persisted state machine: created, authorizing, authorized, captured, refunded. State changes write an outbox row in the same ' +
            'transaction, and a relay publishes them to Kafka, from which a webhook service sends HMAC-signed webhooks to merchants with exponential backoff, ' +
            'because a merchant endpoint can be down for hours.',
          expect: { kind: 'answer', praise: false, avoids: ['covers what I wanted'] },
        },
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

  it('challenges what the candidate rejected instead of asking about using it', async () => {
    const report = await play(
      conversation('payment-gateway', [
        {
          phase: 'high-level-design',
          say: 'The API writes the payment to Postgres and publishes it to Kafka; Kafka gives us exactly-once delivery, so we do not need idempotency keys at all.',
          expect: { probeOneOf: ['idempotency-keys'], avoids: ['same key'] },
        },
      ]),
    );
    expect(report.failures).toEqual([]);
  });

  it('does not ask to pin the scope down after the candidate scoped it in their own words', async () => {
    const report = await play(
      conversation('realtime-notifications', [
        {
          phase: 'requirements-clarification',
          say: 'Scope: in-app, push and email notifications with per-type preferences are in scope for v1; SMS and weekly digests I would leave out.',
          expect: { avoids: ['pin the scope down'] },
        },
      ]),
    );
    expect(report.failures).toEqual([]);
  });

  it('puts no second lead-in before a probe that leads in by itself', async () => {
    // The opener is picked by the answer's length: four lengths meet every one of them.
    const report = await play(
      ...[0, 1, 2, 3].map((k) =>
        conversation('realtime-notifications', [
          {
            phase: 'requirements-clarification',
            say: `It sends notifications to users${'.'.repeat(k + 1)}`,
            expect: { probeOneOf: ['checklist'], avoids: ["Let's dig into that. Let's", 'Let me push on that a bit. Let'] },
          },
        ]),
      ),
    );
    expect(report.failures).toEqual([]);
  });

  it('puts no acknowledgement between its answer to the candidate and the probe that follows', async () => {
    // Seen in Chromium: "That one is your call: state an assumption and we'll go with it. Got it. What is …".
    const report = await play(
      ...[0, 1, 2, 3].map((k) =>
        conversation('url-shortener', [
          {
            phase: 'deep-dive',
            say: `Caching is an area I have opinions on, and I'll come back to it. Do we have a budget for a CDN${'?'.repeat(k + 1)}`,
            expect: { avoids: ['go with it. Okay.', 'go with it. Got it.', "go with it. Let's dig", 'go with it. Let me push'] },
          },
        ]),
      ),
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
