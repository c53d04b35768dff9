import { Injectable } from '@nestjs/common';
import type { Principal } from '#libs/auth';
import { SessionNotFoundError } from './session-errors.js';
import type { SessionRow } from './session.types.js';
import { SessionsRepository } from './sessions.repository.js';

/**
 * The one answer to "may this principal see this session?": its candidate, a coach assigned to that
 * candidate, or an admin. Anyone else gets SESSION_NOT_FOUND, exactly like a missing session, so a probe
 * learns nothing about which ids exist.
 */
@Injectable()
export class SessionAccessPolicy {
  constructor(private readonly sessions: SessionsRepository) {}

  async visibleSession(principal: Principal, sessionId: string): Promise<SessionRow> {
    const session = await this.sessions.find(sessionId);
    if (!session || !(await this.canSee(principal, session))) throw new SessionNotFoundError();
    return session;
  }

  /** Only the session's own candidate (answering, deleting, disputing). */
  async ownSession(principal: Principal, sessionId: string): Promise<SessionRow> {
    const session = await this.sessions.find(sessionId);
    if (!session || session.candidateId !== principal.userId) throw new SessionNotFoundError();
    return session;
  }

  /** An assigned coach or an admin (correcting and reviewing); the candidate themself may not. */
  async reviewableSession(principal: Principal, sessionId: string): Promise<SessionRow> {
    const session = await this.sessions.find(sessionId);
    const allowed =
      session !== null &&
      (principal.role === 'admin' || (principal.role === 'coach' && (await this.sessions.isCoachOf(principal.userId, session.candidateId))));
    if (!allowed) throw new SessionNotFoundError();
    return session;
  }

  async canSee(principal: Principal, session: SessionRow): Promise<boolean> {
    if (session.candidateId === principal.userId) return true;
    if (principal.role === 'admin') return true;
    return principal.role === 'coach' && this.sessions.isCoachOf(principal.userId, session.candidateId);
  }
}
