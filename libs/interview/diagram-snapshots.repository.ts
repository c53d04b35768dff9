import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { col, firstRow, rows } from '#libs/db';
import type { DiagramScene } from '#libs/protocol';
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
export type DiagramSnapshotSummary = DiagramSnapshotHead &
  Pick<DiagramSnapshotRow, 'phaseId' | 'elementCount'> & { nodeCount: number; edgeCount: number };

const headColumns = { id: col.uuid, seq: col.int, created_at: col.time };
const toHead = (r: z.output<z.ZodObject<typeof headColumns>>): DiagramSnapshotHead => ({ id: r.id, seq: r.seq, createdAt: r.created_at });
const headRow = z.object(headColumns).transform(toHead);

const snapshotRow = z
  .object({
    ...headColumns,
    session_id: col.uuid,
    client_id: col.text,
    phase_id: col.text,
    scene: col.json<DiagramScene>(),
    graph: col.json<StoredDiagramGraph>(),
    bytes: col.int,
    element_count: col.int,
  })
  .transform((r): DiagramSnapshotRow => ({
    ...toHead(r),
    sessionId: r.session_id,
    clientId: r.client_id,
    phaseId: r.phase_id,
    scene: r.scene,
    graph: r.graph,
    bytes: r.bytes,
    elementCount: r.element_count,
  }));

const graphRow = z
  .object({ id: col.uuid, seq: col.int, phase_id: col.text, graph: col.json<StoredDiagramGraph>() })
  .transform((r) => ({ id: r.id, seq: r.seq, phaseId: r.phase_id, graph: r.graph }));

const summaryRow = z
  .object({ ...headColumns, phase_id: col.text, element_count: col.int, node_count: col.int.nullable(), edge_count: col.int.nullable() })
  .transform((r): DiagramSnapshotSummary => ({
    ...toHead(r),
    phaseId: r.phase_id,
    elementCount: r.element_count,
    nodeCount: r.node_count ?? 0,
    edgeCount: r.edge_count ?? 0,
  }));

/** Board snapshots of system-design sessions. The write runs inside the session's transaction, with its event. */
@Injectable()
export class DiagramSnapshotsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async byClientId(tx: SessionTx, clientId: string): Promise<DiagramSnapshotHead | null> {
    return firstRow(
      headRow,
      await tx.sql(`SELECT id, seq, created_at FROM diagram_snapshots WHERE session_id = $1 AND client_id = $2`, [tx.session.id, clientId]),
    );
  }

  async latestHead(tx: SessionTx): Promise<DiagramSnapshotHead | null> {
    return firstRow(
      headRow,
      await tx.sql(`SELECT id, seq, created_at FROM diagram_snapshots WHERE session_id = $1 ORDER BY seq DESC LIMIT 1`, [tx.session.id]),
    );
  }

  async insert(tx: SessionTx, s: Omit<DiagramSnapshotRow, 'sessionId' | 'createdAt'>): Promise<DiagramSnapshotHead> {
    const [row] = rows(
      headRow,
      await tx.sql(
        `INSERT INTO diagram_snapshots (id, session_id, client_id, seq, phase_id, scene, graph, bytes, element_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id, seq, created_at`,
        [s.id, tx.session.id, s.clientId, s.seq, s.phaseId, JSON.stringify(s.scene), JSON.stringify(s.graph), s.bytes, s.elementCount],
      ),
    );
    return row!;
  }

  async latest(sessionId: string): Promise<DiagramSnapshotRow | null> {
    return firstRow(snapshotRow, await this.db.query(`SELECT * FROM diagram_snapshots WHERE session_id = $1 ORDER BY seq DESC LIMIT 1`, [sessionId]));
  }

  /**
   * The board as it stood at event `seq` (an answer's turn takes its event's seq): the latest snapshot at or before
   * it, with its graph and phase but not its scene. Null when nothing was drawn by then.
   */
  async graphAt(sessionId: string, seq: number): Promise<Pick<DiagramSnapshotRow, 'id' | 'seq' | 'phaseId' | 'graph'> | null> {
    return firstRow(
      graphRow,
      await this.db.query(`SELECT id, seq, phase_id, graph FROM diagram_snapshots WHERE session_id = $1 AND seq <= $2 ORDER BY seq DESC LIMIT 1`, [
        sessionId,
        seq,
      ]),
    );
  }

  /** Ids and seqs only, in `seq` order: where each answer's board is found. */
  async heads(sessionId: string): Promise<DiagramSnapshotHead[]> {
    return rows(headRow, await this.db.query(`SELECT id, seq, created_at FROM diagram_snapshots WHERE session_id = $1 ORDER BY seq`, [sessionId]));
  }

  /** Every snapshot of the session in `seq` order, without scenes or graphs. */
  async summaries(sessionId: string): Promise<DiagramSnapshotSummary[]> {
    return rows(
      summaryRow,
      await this.db.query(
        `SELECT id, seq, created_at, phase_id, element_count,
              jsonb_array_length(graph->'nodes') AS node_count, jsonb_array_length(graph->'edges') AS edge_count
       FROM diagram_snapshots WHERE session_id = $1 ORDER BY seq`,
        [sessionId],
      ),
    );
  }

  /** One snapshot of the session (an id of another session's snapshot is not found). */
  async byId(sessionId: string, snapshotId: string): Promise<DiagramSnapshotRow | null> {
    return firstRow(snapshotRow, await this.db.query(`SELECT * FROM diagram_snapshots WHERE session_id = $1 AND id = $2`, [sessionId, snapshotId]));
  }
}
