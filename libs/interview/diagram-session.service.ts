import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '#libs/auth';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { ContentService } from '#libs/content';
import { DomainError } from '#libs/errors';
import type { ClientAckData, ClientPayload, DiagramScene } from '#libs/protocol';
import { assertDesignSession } from './design-session.js';
import { admitScene } from './diagram-admission.js';
import type { StoredDiagramGraph } from './diagram-graph.js';
import { DiagramSnapshotsRepository } from './diagram-snapshots.repository.js';
import { SessionEndedError, SessionNotFoundError } from './session-errors.js';
import { SessionAccessPolicy } from './session-access.policy.js';
import { SessionNotifier } from './session-notifier.js';
import { SessionsRepository, type SessionTx } from './sessions.repository.js';
import type { SessionRow } from './session.types.js';

/** The latest board of a session (a reload, another device, a coach opening it): null before the first snapshot. */
export interface LatestDiagramDto {
  sessionId: string;
  latest: { snapshotId: string; seq: number; at: string; phaseId: string; clientId: string; scene: DiagramScene; graph: StoredDiagramGraph } | null;
}

/**
 * The system-design board of a session: each debounced scene snapshot is stored with its time, phase and
 * component graph, and appended to the session's event log (`diagram:updated`) in the same transaction, so
 * watchers get it live and a reconnecting client exactly once.
 */
@Injectable()
export class DiagramSessionService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly diagrams: DiagramSnapshotsRepository,
    private readonly content: ContentService,
    private readonly notifier: SessionNotifier,
    private readonly access: SessionAccessPolicy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Stores one snapshot. Idempotent per clientId; refused when too big or closer than the minimum interval. */
  async update(principal: Principal, input: ClientPayload<'diagram:update'>): Promise<ClientAckData['diagram:update']> {
    const { snapshotMinIntervalMs } = this.config.diagram;
    const { bytes, elementCount, graph } = admitScene(input.scene, this.config.diagram);
    const done = await this.inDesignSession(principal, input.sessionId, async (tx) => {
      const existing = await this.diagrams.byClientId(tx, input.clientId);
      if (existing) return existing;
      if (tx.session.status === 'ended') throw new SessionEndedError();
      const last = await this.diagrams.latestHead(tx);
      const sinceMs = last ? Date.now() - last.createdAt.getTime() : Infinity;
      if (sinceMs < snapshotMinIntervalMs) {
        throw new DomainError('RATE_LIMITED', 'board snapshots are too frequent; debounce them', {
          retryAfterMs: Math.ceil(snapshotMinIntervalMs - sinceMs),
        });
      }
      const id = randomUUID();
      const phaseId = tx.session.phases[tx.session.phaseIndex]!.id;
      const seq = await tx.appendEvent('diagram:updated', { snapshotId: id, clientId: input.clientId, phaseId, scene: input.scene });
      return this.diagrams.insert(tx, { id, clientId: input.clientId, seq, phaseId, scene: input.scene, graph, bytes, elementCount });
    });
    return { snapshotId: done.id, seq: done.seq, at: done.createdAt.toISOString() };
  }

  /** For the candidate, their assigned coach or an admin (the one session access policy). */
  async latest(principal: Principal, sessionId: string): Promise<LatestDiagramDto> {
    const session = await this.access.visibleSession(principal, sessionId);
    await this.assertDesign(session);
    const row = await this.diagrams.latest(sessionId);
    return {
      sessionId,
      latest: row && {
        snapshotId: row.id,
        seq: row.seq,
        at: row.createdAt.toISOString(),
        phaseId: row.phaseId,
        clientId: row.clientId,
        scene: row.scene,
        graph: row.graph,
      },
    };
  }

  private async inDesignSession<T>(principal: Principal, sessionId: string, fn: (tx: SessionTx) => Promise<T>): Promise<T> {
    const done = await this.sessions.inSession(sessionId, async (tx) => {
      await this.access.assert(principal, tx.session, 'act');
      await this.assertDesign(tx.session);
      return fn(tx);
    });
    if (!done) throw new SessionNotFoundError();
    await this.notifier.notify(done.appended);
    return done.result;
  }

  private assertDesign(session: SessionRow): Promise<void> {
    return assertDesignSession(this.content, session);
  }
}
