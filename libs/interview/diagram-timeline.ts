import type { DiagramScene, DiagramTimelineDto, DiagramTimelineEntry } from '#libs/protocol';
import type { StoredDiagramGraph } from './diagram-graph.js';
import type { DiagramSnapshotRow, DiagramSnapshotSummary } from './diagram-snapshots.repository.js';
import type { SessionRow } from './session.types.js';

export type { DiagramTimelineDto, DiagramTimelineEntry };

/** One snapshot with its scene and graph (`GET /api/sessions/:id/diagram-timeline/:snapshotId`). */
export interface DiagramSnapshotDto extends Omit<DiagramTimelineEntry, 'graph' | 'offsetMs'> {
  sessionId: string;
  clientId: string;
  scene: DiagramScene;
  graph: StoredDiagramGraph;
}

/** The board in a transcript download: the final picture and graph, and the timeline that led to it. */
export interface DiagramExportDto {
  finalSnapshotId: string | null;
  /** The final scene drawn by the server (`sceneToSvg`); null when nothing was drawn. */
  finalSvg: string | null;
  finalGraph: StoredDiagramGraph | null;
  snapshots: DiagramTimelineEntry[];
}

const titleOf = (session: SessionRow, phaseId: string) => session.phases.find((p) => p.id === phaseId)?.title ?? phaseId;

export function toTimelineEntry(session: SessionRow, s: DiagramSnapshotSummary): DiagramTimelineEntry {
  return {
    snapshotId: s.id,
    seq: s.seq,
    at: s.createdAt.toISOString(),
    offsetMs: s.createdAt.getTime() - session.startedAt.getTime(),
    phaseId: s.phaseId,
    phaseTitle: titleOf(session, s.phaseId),
    elementCount: s.elementCount,
    graph: { nodes: s.nodeCount, edges: s.edgeCount },
  };
}

export function toSnapshotDto(session: SessionRow, row: DiagramSnapshotRow): DiagramSnapshotDto {
  return {
    sessionId: session.id,
    snapshotId: row.id,
    seq: row.seq,
    at: row.createdAt.toISOString(),
    phaseId: row.phaseId,
    phaseTitle: titleOf(session, row.phaseId),
    elementCount: row.elementCount,
    clientId: row.clientId,
    scene: row.scene,
    graph: row.graph,
  };
}

/**
 * For each event seq, the id of the latest snapshot stored at or before it (null before the first): the board as
 * it stood when that event (an answer) happened. `snapshots` are in `seq` order.
 */
export function snapshotsAt(snapshots: readonly { id: string; seq: number }[], seqs: readonly number[]): Map<number, string | null> {
  const at = new Map<number, string | null>();
  for (const seq of seqs) {
    let lo = 0;
    let hi = snapshots.length;
    // The first snapshot after `seq`; the one before it is the answer.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (snapshots[mid]!.seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    at.set(seq, lo > 0 ? snapshots[lo - 1]!.id : null);
  }
  return at;
}
