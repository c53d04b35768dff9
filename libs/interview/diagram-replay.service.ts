import { Injectable } from '@nestjs/common';
import type { Principal } from '#libs/auth';
import { ContentService } from '#libs/content';
import { sceneToSvg } from '#libs/diagram';
import { DomainError } from '#libs/errors';
import { assertDesignSession } from './design-session.js';
import { DiagramSnapshotsRepository, type DiagramSnapshotRow } from './diagram-snapshots.repository.js';
import {
  snapshotsAt,
  toSnapshotDto,
  toTimelineEntry,
  type DiagramExportDto,
  type DiagramSnapshotDto,
  type DiagramTimelineDto,
} from './diagram-timeline.js';
import { SessionAccessPolicy } from './session-access.policy.js';
import type { SessionRow } from './session.types.js';

/** A board picture as served: the SVG and the snapshot it shows. */
export interface DiagramSvg {
  snapshotId: string;
  svg: string;
}

/**
 * Replaying a system-design board after the fact: the timeline of its snapshots, any one snapshot's scene, the
 * SVG the server draws from a stored scene, and what a transcript needs (the board at each answer, the export).
 * Reading is for the session's candidate, an assigned coach or an admin.
 */
@Injectable()
export class DiagramReplayService {
  constructor(
    private readonly diagrams: DiagramSnapshotsRepository,
    private readonly content: ContentService,
    private readonly access: SessionAccessPolicy,
  ) {}

  async timeline(principal: Principal, sessionId: string): Promise<DiagramTimelineDto> {
    const session = await this.designSession(principal, sessionId);
    const summaries = await this.diagrams.summaries(session.id);
    return { sessionId: session.id, startedAt: session.startedAt.toISOString(), snapshots: summaries.map((s) => toTimelineEntry(session, s)) };
  }

  async snapshot(principal: Principal, sessionId: string, snapshotId: string): Promise<DiagramSnapshotDto> {
    const session = await this.designSession(principal, sessionId);
    return toSnapshotDto(session, await this.found(session, snapshotId));
  }

  /** The SVG of one snapshot, or of the latest when no id is given. */
  async svg(principal: Principal, sessionId: string, snapshotId?: string): Promise<DiagramSvg> {
    const session = await this.designSession(principal, sessionId);
    const row = snapshotId ? await this.found(session, snapshotId) : await this.diagrams.latest(session.id);
    if (!row) throw new DomainError('SNAPSHOT_NOT_FOUND', 'nothing has been drawn on this board yet');
    return { snapshotId: row.id, svg: sceneToSvg(row.scene) };
  }

  /**
   * For each event seq (an answer's), the id of the latest snapshot at or before it, null before the first. The
   * caller has already decided the principal may read the session.
   */
  async snapshotIdsAt(session: SessionRow, seqs: readonly number[]): Promise<Map<number, string | null>> {
    const heads = seqs.length ? await this.diagrams.heads(session.id) : [];
    return snapshotsAt(heads, seqs);
  }

  /** The board for a transcript download (the caller has checked access); null for a session without a board. */
  async exportOf(session: SessionRow): Promise<DiagramExportDto | null> {
    const question = await this.content.questionAt(session.questionId, session.questionVersion);
    if (question.kind !== 'system-design') return null;
    const [summaries, latest] = await Promise.all([this.diagrams.summaries(session.id), this.diagrams.latest(session.id)]);
    return {
      finalSnapshotId: latest?.id ?? null,
      finalSvg: latest ? sceneToSvg(latest.scene) : null,
      finalGraph: latest?.graph ?? null,
      snapshots: summaries.map((s) => toTimelineEntry(session, s)),
    };
  }

  private async designSession(principal: Principal, sessionId: string): Promise<SessionRow> {
    const session = await this.access.visibleSession(principal, sessionId);
    await assertDesignSession(this.content, session);
    return session;
  }

  private async found(session: SessionRow, snapshotId: string): Promise<DiagramSnapshotRow> {
    const row = await this.diagrams.byId(session.id, snapshotId);
    if (!row) throw new DomainError('SNAPSHOT_NOT_FOUND', 'this session has no board snapshot with that id');
    return row;
  }
}
