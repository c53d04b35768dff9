import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { DiagramScene } from '#libs/protocol';
import type { Raw } from './session-rows.js';
import type { SessionTx } from './sessions.repository.js';
import type { StoredDiagramGraph } from './diagram-graph.js';

export interface DiagramSnapshotRow {
  id: string;
  sessionId: string;
  clientId: string;
  seq: number;
  phaseId: string;
  scene: DiagramScene;
  graph: StoredDiagramGraph;
  bytes: number;
  elementCount: number;
  createdAt: Date;
}

/** Without the scene and graph: what the idempotency and rate checks need. */
export type DiagramSnapshotHead = Pick<DiagramSnapshotRow, 'id' | 'seq' | 'createdAt'>;

/** A snapshot in a timeline: its place, phase and size, the graph only counted (a scene can be 1 MB). */
export type DiagramSnapshotSummary = DiagramSnapshotHead & Pick<DiagramSnapshotRow, 'phaseId' | 'elementCount'> & { nodeCount: number; edgeCount: number };

const toHead = (r: Raw): DiagramSnapshotHead => ({ id: r.id as string, seq: r.seq as number, createdAt: r.created_at as Date });

const toSnapshot = (r: Raw): DiagramSnapshotRow => ({
  ...toHead(r),
  sessionId: r.session_id as string,
  clientId: r.client_id as string,
  phaseId: r.phase_id as string,
  scene: r.scene as DiagramScene,
  graph: r.graph as StoredDiagramGraph,
  bytes: r.bytes as number,
  elementCount: r.element_count as number,
});

/** Board snapshots of system-design sessions. The write runs inside the session's transaction, with its event. */
@Injectable()
export class DiagramSnapshotsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async byClientId(tx: SessionTx, clientId: string): Promise<DiagramSnapshotHead | null> {
    const [row] = await tx.sql(`SELECT id, seq, created_at FROM diagram_snapshots WHERE session_id = $1 AND client_id = $2`, [tx.session.id, clientId]);
    return row ? toHead(row) : null;
  }

  async latestHead(tx: SessionTx): Promise<DiagramSnapshotHead | null> {
    const [row] = await tx.sql(`SELECT id, seq, created_at FROM diagram_snapshots WHERE session_id = $1 ORDER BY seq DESC LIMIT 1`, [tx.session.id]);
    return row ? toHead(row) : null;
  }

  async insert(tx: SessionTx, s: Omit<DiagramSnapshotRow, 'sessionId' | 'createdAt'>): Promise<DiagramSnapshotHead> {
    const [row] = await tx.sql(
      `INSERT INTO diagram_snapshots (id, session_id, client_id, seq, phase_id, scene, graph, bytes, element_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id, seq, created_at`,
      [s.id, tx.session.id, s.clientId, s.seq, s.phaseId, JSON.stringify(s.scene), JSON.stringify(s.graph), s.bytes, s.elementCount],
    );
    return toHead(row!);
  }

  async latest(sessionId: string): Promise<DiagramSnapshotRow | null> {
    const [row] = (await this.db.query(`SELECT * FROM diagram_snapshots WHERE session_id = $1 ORDER BY seq DESC LIMIT 1`, [sessionId])) as Raw[];
    return row ? toSnapshot(row) : null;
  }

  /**
   * The board as it stood at event `seq` (an answer's turn takes its event's seq): the latest snapshot at or before
   * it, with its graph and phase but not its scene. Null when nothing was drawn by then.
   */
  async graphAt(sessionId: string, seq: number): Promise<Pick<DiagramSnapshotRow, 'id' | 'seq' | 'phaseId' | 'graph'> | null> {
    const [row] = (await this.db.query(
      `SELECT id, seq, phase_id, graph FROM diagram_snapshots WHERE session_id = $1 AND seq <= $2 ORDER BY seq DESC LIMIT 1`,
      [sessionId, seq],
    )) as Raw[];
    return row ? { id: row.id as string, seq: row.seq as number, phaseId: row.phase_id as string, graph: row.graph as StoredDiagramGraph } : null;
  }

  /** Ids and seqs only, in `seq` order: where each answer's board is found. */
  async heads(sessionId: string): Promise<DiagramSnapshotHead[]> {
    const rows = (await this.db.query(`SELECT id, seq, created_at FROM diagram_snapshots WHERE session_id = $1 ORDER BY seq`, [sessionId])) as Raw[];
    return rows.map(toHead);
  }

  /** Every snapshot of the session in `seq` order, without scenes or graphs. */
  async summaries(sessionId: string): Promise<DiagramSnapshotSummary[]> {
    const rows = (await this.db.query(
      `SELECT id, seq, created_at, phase_id, element_count,
              jsonb_array_length(graph->'nodes') AS node_count, jsonb_array_length(graph->'edges') AS edge_count
       FROM diagram_snapshots WHERE session_id = $1 ORDER BY seq`,
      [sessionId],
    )) as Raw[];
    return rows.map((r) => ({
      ...toHead(r),
      phaseId: r.phase_id as string,
      elementCount: r.element_count as number,
      nodeCount: Number(r.node_count ?? 0),
      edgeCount: Number(r.edge_count ?? 0),
    }));
  }

  /** One snapshot of the session (an id of another session's snapshot is not found). */
  async byId(sessionId: string, snapshotId: string): Promise<DiagramSnapshotRow | null> {
    const [row] = (await this.db.query(`SELECT * FROM diagram_snapshots WHERE session_id = $1 AND id = $2`, [sessionId, snapshotId])) as Raw[];
    return row ? toSnapshot(row) : null;
  }
}
