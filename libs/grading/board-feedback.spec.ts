import { fileURLToPath } from 'node:url';
import { loadContent, type LoadedQuestion } from '#libs/content';
import type { DiagramFinding } from '#libs/diagram';
import { boardFindingLines } from './board-feedback.js';
import { citedQuotes } from './feedback-text.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const finding = (check: DiagramFinding['check'], text: string, about: Partial<DiagramFinding>): DiagramFinding => ({
  check,
  message: 'Say what happens when it fails',
  from: { id: 'a', kind: 'node', label: 'A', category: 'service' },
  to: { id: 'b', kind: 'node', label: 'B', category: 'database' },
  elements: [],
  text,
  ...about,
});

describe(boardFindingLines.name, () => {
  let question: LoadedQuestion;
  beforeAll(async () => {
    question = (await loadContent({ rubricsDir: `${repoRoot}rubrics`, promptsDir: `${repoRoot}prompts` })).questions.get('realtime-notifications')!;
  });

  it('quotes the elements as board labels (never as the candidate’s words) and names what the problem bears on', () => {
    const sut = boardFindingLines(
      [
        finding('client-to-database', 'Web app → Postgres', { mistake: 'no-fault-tolerance' }),
        finding('single-stateful-write-path', 'API → Kafka', { keyPoint: 'queue-reliability' }),
        finding('single-stateful-write-path', 'API → Postgres', { keyPoint: 'queue-reliability' }),
      ],
      question,
    );
    expect(sut).toEqual([
      'On your board, ‘Web app → Postgres’: Say what happens when it fails (see ‘Not addressing fault tolerance in the architecture’).',
      'On your board, ‘API → Kafka’: Say what happens when it fails (see ‘Message queue reliability’).',
    ]);
    expect(sut.flatMap(citedQuotes)).toEqual([]);
  });
});
