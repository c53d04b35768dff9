import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toComponentGraph, type SceneLike } from '#libs/diagram';
import type { DiagramExportDto } from '#libs/interview';
import { boardAtAnswer, diagramMarkdown } from './diagram-markdown.js';
import type { TranscriptTurn } from './transcript.service.js';

const scene = (name: string): SceneLike => JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/diagrams', name), 'utf8')) as SceneLike;
const entry = (snapshotId: string, n: number) => ({
  snapshotId,
  seq: n * 10,
  at: `2026-01-01T10:0${n}:00.000Z`,
  offsetMs: n * 60_000,
  phaseId: 'high-level',
  phaseTitle: 'High-level design',
  elementCount: 20,
  graph: { nodes: 7, edges: 6 },
});

function exported(name: string, patch?: (s: SceneLike) => void): DiagramExportDto {
  const s = scene(name);
  patch?.(s);
  return {
    finalSnapshotId: 's2',
    finalSvg: '<svg/>',
    finalGraph: { ...toComponentGraph(s), flagged: [] },
    snapshots: [entry('s1', 1), entry('s2', 2)],
  };
}

describe(diagramMarkdown.name, () => {
  it('names the final components and reads the flows as chains, with arrow labels', () => {
    const sut = diagramMarkdown('sid', exported('notification-pipeline.excalidraw'));
    expect(sut).toContain('- Mobile client (client)');
    expect(sut).toContain('- Postgres \\(primary\\) (database)');
    expect(sut).toContain('- Mobile client →(HTTPS) API Gateway → Notification service →(publish) Kafka →(consume) Push worker → Redis cache');
    expect(sut).toContain('- Notification service ↔(read/write) Postgres \\(primary\\)');
    expect(sut).toContain('- Assume 10M DAU, \\~5k notifications/s peak');
    expect(sut.join('\n')).toContain('`GET /api/sessions/sid/diagram.svg`');
  });

  it('lists boundaries and unfinished arrows', () => {
    const sut = diagramMarkdown('sid', exported('regions-groups-rotated.excalidraw'));
    expect(sut).toContain('- frame us\\-east\\-1: Load balancer, API server 1, API server 2, Cassandra ring, S3 bucket');
    expect(sut).toContain('*Unfinished arrows:* 1');
  });

  it('escapes labels: they are the candidate’s text', () => {
    const sut = diagramMarkdown(
      'sid',
      exported('notification-pipeline.excalidraw', (s) => {
        const label = s.elements.find((e) => e.id === 'kafka-label') as { text: string; originalText: string };
        label.text = label.originalText = '<img src=x onerror=alert(1)> [link](javascript:x)';
      }),
    );
    const text = sut.join('\n');
    expect(text).not.toContain('<img');
    expect(text).not.toContain('](javascript');
    expect(text).toContain('&lt;img src=x onerror=alert\\(1\\)&gt; \\[link\\]\\(javascript:x\\)');
  });

  it('says so when nothing was drawn', () => {
    expect(diagramMarkdown('sid', { finalSnapshotId: null, finalSvg: null, finalGraph: null, snapshots: [] })).toEqual([
      '## Board',
      '',
      'Nothing was drawn on the board.',
      '',
    ]);
  });
});

describe(boardAtAnswer.name, () => {
  const turn = (diagramSnapshotId?: string | null) => ({ speaker: 'candidate', diagramSnapshotId }) as TranscriptTurn;
  const d = exported('notification-pipeline.excalidraw');

  it('places the answer’s board in the timeline', () => {
    expect(boardAtAnswer(turn('s1'), d)).toBe(
      '*Board at this answer:* snapshot 1 of 2 (2026-01-01T10:01:00.000Z, High\\-level design; 7 components, 6 flows)',
    );
    expect(boardAtAnswer(turn(null), d)).toBe('*Board at this answer:* nothing drawn yet');
    expect(boardAtAnswer(turn(undefined), d)).toBeNull();
  });
});
