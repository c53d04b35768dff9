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
    question = { ...base, keyPoints: base.keyPoints.map((k) => (k.id === 'realtime-processing' ? { ...k, probes: [boardProbe, ...(k.probes ?? [])] } : k)) } as LoadedQuestion;
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
      analysis: { overall: 30, coveredNow: [] },
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
    const long = { ...finding, from: { ...finding.from, label: 'The customer facing single page application served from the edge' }, to: { ...finding.to, label: null } };
    expect(composeReply(context([long]))?.text).toContain('I see The customer facing single page… talks straight to the database');
  });

  it('plays the board conversations (test/fixtures/interviewer-eval/dev-board.jsonl) with every check passing', async () => {
    const content = await loadContent({ rubricsDir: `${repoRoot}rubrics`, promptsDir: `${repoRoot}prompts` });
    const conversations = parseConversations(readFileSync(`${repoRoot}test/fixtures/interviewer-eval/dev-board.jsonl`, 'utf8'));
    const report = await runInterviewerEval(conversations, new OfflineInterviewer(), { questions: content.questions, roles: content.roles, promptVersion: content.prompts.get('grader')!.version });
    expect(report.failures).toEqual([]);
    expect(report.checks.probe.total).toBeGreaterThanOrEqual(2);
  });
});
