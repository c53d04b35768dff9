import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadContent, type LoadedQuestion, type Probe } from '#libs/content';
import type { DiagramFinding } from '#libs/diagram';
import { parseConversations } from './eval/conversation-dataset.js';
import { runInterviewerEval } from './eval/conversation-eval.js';
import type { ReplyContext } from './interviewer.port.js';
import { composeReply, OfflineInterviewer } from './offline-interviewer.js';
import { readTurn } from './turn-reader.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const finding: DiagramFinding = {
  check: 'client-to-database',
  message: 'Clients should reach the data through a service.',
  mistake: 'no-fault-tolerance',
  from: { id: 'web', kind: 'node', label: 'Web app', category: 'client' },
  to: { id: 'pg', kind: 'node', label: 'Postgres', category: 'database' },
  elements: [],
  text: 'Web app → Postgres',
};
const boardProbe: Probe = {
  id: 'board-client-db',
  when: { board: ['client-to-database', 'single-stateful-write-path'] },
  text: 'I see {from} talks straight to {to} on your board. What happens to notifications when {to} is down?',
};

/** The board's findings drive a probe through `when.board`, as the candidate's words drive `when.said`. */
describe('a follow-up about the board', () => {
  let question: LoadedQuestion;
  beforeAll(async () => {
    const content = await loadContent({ rubricsDir: `${repoRoot}rubrics`, promptsDir: `${repoRoot}prompts` });
    const base = content.questions.get('realtime-notifications')!;
    // The probe on the design phase's point, so the test does not depend on the shipped rubric's own board probes.
    question = {
      ...base,
      keyPoints: base.keyPoints.map((k) => (k.id === 'realtime-processing' ? { ...k, probes: [boardProbe, ...(k.probes ?? [])] } : k)),
    } as LoadedQuestion;
  });

  const context = (findings: readonly DiagramFinding[] | undefined, history: ReplyContext['history'] = []): ReplyContext => {
    const text = 'Product services publish to a broker and a notification service sends the pushes.';
    return {
      roleTitle: 'Senior backend developer',
      question,
      phase: { id: 'high-level-design', title: 'High-level design', description: '', checklist: [] },
      minutesLeft: 8,
      mode: 'practice',
      turn: { id: 't1', text, reading: { ...readTurn(text), kind: 'answer' } },
      history,
      covered: new Set(),
      analysis: { overall: 30, coveredNow: [], lowestDimension: 1 },
      followUp: true,
      ...(findings ? { board: { findings } } : {}),
    };
  };

  it('names the elements of the finding the board shows, and says why', () => {
    const sut = composeReply(context([finding]));
    expect(sut?.probe).toBe('realtime-processing:board-client-db');
    expect(sut?.text).toContain('I see Web app talks straight to Postgres on your board. What happens to notifications when Postgres is down?');
    expect(sut?.reason).toContain('the board shows client-to-database: Web app → Postgres');
  });

  it('is not asked when the board does not show the problem, or there is no board', () => {
    expect(composeReply(context([]))?.probe).not.toBe('realtime-processing:board-client-db');
    expect(composeReply(context(undefined))?.probe).not.toBe('realtime-processing:board-client-db');
  });

  it('is asked once per session', () => {
    const asked = { speaker: 'interviewer' as const, text: 'earlier', phaseId: 'high-level-design', probe: 'realtime-processing:board-client-db' };
    expect(composeReply(context([finding], [asked]))?.probe).not.toBe('realtime-processing:board-client-db');
  });

  it('says a long or empty label back briefly', () => {
    const long = {
      ...finding,
      from: { ...finding.from, label: 'The customer facing single page application served from the edge' },
      to: { ...finding.to, label: null },
    };
    expect(composeReply(context([long]))?.text).toContain('I see The customer facing single page… talks straight to the database');
  });

  it('plays the board conversations (test/fixtures/interviewer-eval/dev-board.jsonl) with every check passing', async () => {
    const content = await loadContent({ rubricsDir: `${repoRoot}rubrics`, promptsDir: `${repoRoot}prompts` });
    const conversations = parseConversations(readFileSync(`${repoRoot}test/fixtures/interviewer-eval/dev-board.jsonl`, 'utf8'));
    const report = await runInterviewerEval(conversations, new OfflineInterviewer(), {
      questions: content.questions,
      roles: content.roles,
      promptVersion: content.prompts.get('grader')!.version,
    });
    expect(report.failures).toEqual([]);
    expect(report.checks.probe.total).toBeGreaterThanOrEqual(2);
  });
});

/**
 * A board finding that stands for the phase outranks "that covers it": an answer whose words (and board) cover every
 * key point of the phase still hears about the client reading the database, never that the phase is covered.
 */
describe('a covered phase with a finding on the board', () => {
  let question: LoadedQuestion;
  beforeAll(async () => {
    const content = await loadContent({ rubricsDir: `${repoRoot}rubrics`, promptsDir: `${repoRoot}prompts` });
    question = content.questions.get('realtime-notifications')!;
  });

  const strong = 'Product services publish events to Kafka; notification workers consume them, and each client keeps a WebSocket to a gateway.';
  const context = (findings: readonly DiagramFinding[], history: ReplyContext['history'] = []): ReplyContext => ({
    roleTitle: 'Senior backend developer',
    question,
    phase: { id: 'high-level-design', title: 'High-level design', description: '', checklist: [] },
    minutesLeft: 8,
    mode: 'practice',
    turn: { id: 't1', text: strong, reading: { ...readTurn(strong), kind: 'answer' } },
    history,
    // Every key point of the phase is covered, and the answer is in the passing band.
    covered: new Set(['realtime-processing']),
    analysis: { overall: 80, coveredNow: ['realtime-processing'], lowestDimension: 3 },
    followUp: true,
    ...(findings.length ? { board: { findings } } : {}),
  });

  it('asks the board probe instead of saying the phase is covered', () => {
    const sut = composeReply(context([finding]));
    expect(sut?.probe).toBe('realtime-processing:board-client-database');
    expect(sut?.text).toContain('I see Web app talks straight to Postgres on your board.');
    expect(sut?.text).not.toMatch(/covers what I wanted|I have what I need/);
    expect(sut?.reason).toContain('the board shows client-to-database: Web app → Postgres');
  });

  it('once the board probe was asked and the board still shows it, closes without calling the phase covered', () => {
    const asked = {
      speaker: 'interviewer' as const,
      text: 'I see Web app talks straight to Postgres on your board.',
      phaseId: 'high-level-design',
      probe: 'realtime-processing:board-client-database',
    };
    const sut = composeReply(context([finding], [asked]));
    expect(sut?.text ?? '').not.toMatch(/covers what I wanted|I have what I need/);
    expect(sut?.reason ?? '').not.toContain('is covered');
  });

  it('a finding of a later phase (a single broker, for the deep dive) is not asked now, and the phase is not called covered either', () => {
    const broker: DiagramFinding = {
      ...finding,
      check: 'single-stateful-write-path',
      keyPoint: 'queue-reliability',
      from: { id: 'svc', kind: 'node', label: 'Notification service', category: 'service' },
      to: { id: 'kafka', kind: 'node', label: 'Kafka', category: 'queue' },
      text: 'Notification service → Kafka',
    };
    const sut = composeReply(context([broker]));
    expect(sut?.probe ?? null).toBeNull();
    expect(sut?.text ?? '').not.toMatch(/covers what I wanted|I have what I need/);
  });

  it('a finding tied to no key point and no probe is asked about in the words of its check', () => {
    // The finding names no key point (a mistake-only check), and no probe of the rubric is conditioned on it.
    const bare = {
      ...question,
      keyPoints: question.keyPoints.map((k) => ({ ...k, probes: (k.probes ?? []).filter((p) => !p.when?.board) })),
    } as LoadedQuestion;
    const sut = composeReply({ ...context([finding]), question: bare });
    expect(sut?.probe).toBe('board:client-to-database');
    expect(sut?.text).toContain('Web app');
    expect(sut?.text).toContain('Postgres');
    expect(sut?.text).not.toMatch(/covers what I wanted|I have what I need/);
  });

  it('with no finding on the board, a covered phase in the passing band is still wrapped up as covered', () => {
    expect(composeReply(context([]))?.text).toMatch(/covers what I wanted|I have what I need/);
  });
});
