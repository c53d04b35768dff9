import { flowChains } from '#libs/diagram';
import type { DiagramExportDto } from '#libs/interview';
import { inline } from './markdown-text.js';
import type { TranscriptTurn } from './transcript.service.js';

type Graph = NonNullable<DiagramExportDto['finalGraph']>;

function nodeName(graph: Graph, id: string): string {
  const node = graph.nodes.find((n) => n.id === id);
  return inline(node?.label ?? `unlabelled ${node?.shape ?? 'shape'}`);
}

/** A chain of flows in words: `Client → API gateway →(publish) Kafka`, `↔` for a two-way arrow. */
function chainText(graph: Graph, chain: Graph['edges']): string {
  return chain.reduce(
    (text, e) => `${text} ${e.bidirectional ? '↔' : '→'}${e.label ? `(${inline(e.label)})` : ''} ${nodeName(graph, e.to)}`,
    nodeName(graph, chain[0]!.from),
  );
}

/**
 * What the board showed for a key point, as the grade recorded it (the elements' line, never a quote): one phrase
 * each, for the key point tables ("from your board: Notification service → Kafka → Push worker").
 */
export function boardEvidence(evidence: readonly { text: string }[] | undefined): string[] {
  return (evidence ?? []).map((e) => `from your board: ${inline(e.text)}`);
}

/** Where an answer's board sits in the timeline, for the line under the answer. */
export function boardAtAnswer(t: TranscriptTurn, diagram: DiagramExportDto): string | null {
  if (t.diagramSnapshotId === undefined) return null;
  if (t.diagramSnapshotId === null) return '*Board at this answer:* nothing drawn yet';
  const index = diagram.snapshots.findIndex((s) => s.snapshotId === t.diagramSnapshotId);
  const snapshot = diagram.snapshots[index];
  if (!snapshot) return null;
  return `*Board at this answer:* snapshot ${index + 1} of ${diagram.snapshots.length} (${snapshot.at}, ${inline(snapshot.phaseTitle)}; ${snapshot.graph.nodes} components, ${snapshot.graph.edges} flows)`;
}

/**
 * The board section of the Markdown export: the final diagram's components and flows as text (Markdown cannot
 * embed the picture safely), and where to get the picture itself.
 */
export function diagramMarkdown(sessionId: string, d: DiagramExportDto): string[] {
  const lines = ['## Board', ''];
  if (!d.finalGraph || !d.finalSnapshotId) return [...lines, 'Nothing was drawn on the board.', ''];
  const graph = d.finalGraph;
  lines.push(
    `The final diagram (snapshot ${d.snapshots.length} of ${d.snapshots.length}) as a picture: \`GET /api/sessions/${sessionId}/diagram.svg\`, ` +
      `or \`diagram.finalSvg\` in the JSON download.`,
    '',
  );
  lines.push('**Components**', '');
  if (graph.nodes.length === 0) lines.push('- none', '');
  else lines.push(...graph.nodes.map((n) => `- ${nodeName(graph, n.id)} (${n.category})`), '');
  const chains = flowChains(graph);
  lines.push('**Flows**', '');
  if (chains.length === 0) lines.push('- none', '');
  else lines.push(...chains.map((c) => `- ${chainText(graph, c)}`), '');
  if (graph.boundaries.length) {
    lines.push(
      '**Boundaries**',
      '',
      ...graph.boundaries.map(
        (b) => `- ${b.kind} ${b.label ? inline(b.label) : '(untitled)'}: ${b.nodeIds.map((id) => nodeName(graph, id)).join(', ')}`,
      ),
      '',
    );
  }
  if (graph.notes.length) lines.push('**Notes**', '', ...graph.notes.map((n) => `- ${inline(n.text)}`), '');
  if (graph.looseArrows.length) lines.push(`*Unfinished arrows:* ${graph.looseArrows.length}`, '');
  return lines;
}
