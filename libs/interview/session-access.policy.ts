import { Injectable, Optional } from '@nestjs/common';
import type { Principal } from '#libs/auth';
import { CoachDirectory } from './coach-directory.js';
import { SessionNotFoundError } from './session-errors.js';
import type { SessionRow } from './session.types.js';
import { SessionsRepository } from './sessions.repository.js';

/**
 * What a principal may do with a session: `see` it (transcript, replay, join), `act` in it (answer, code, draw,
 * dispute: its own candidate only), `delete` it (its candidate or an admin) or `review` it (an assigned coach or
 * an admin, never the candidate).
 */
export type SessionPermission = 'see' | 'act' | 'delete' | 'review';

/**
 * The one place the session ownership rule is written: its candidate, a coach assigned to that candidate, or an
 * admin, each for what `SessionPermission` gives them. Anyone else gets SESSION_NOT_FOUND, exactly like a missing
 * session, so a probe learns nothing about which ids exist. A change made under the session's row lock asks
 * `assert` with the locked row, so the answer holds for the whole change.
 */
@Injectable()
export class SessionAccessPolicy {
  constructor(
    private readonly sessions: SessionsRepository,
    @Optional() private readonly coaches?: CoachDirectory,
  ) {}

  async may(principal: Principal, session: SessionRow, permission: SessionPermission): Promise<boolean> {
    const own = session.candidateId === principal.userId;
    const admin = principal.role === 'admin';
    switch (permission) {
      case 'act':
        return own;
      case 'delete':
        return own || admin;
      case 'see':
        return own || admin || this.assignedCoach(principal, session);
      case 'review':
        return admin || this.assignedCoach(principal, session);
    }
  }

  /** Throws SESSION_NOT_FOUND unless `principal` may do `permission` with `session` (missing: null). */
  async assert(principal: Principal, session: SessionRow | null, permission: SessionPermission): Promise<SessionRow> {
    if (!session || !(await this.may(principal, session, permission))) throw new SessionNotFoundError();
    return session;
  }

  async visibleSession(principal: Principal, sessionId: string): Promise<SessionRow> {
    return this.assert(principal, await this.sessions.find(sessionId), 'see');
  }

  canSee(principal: Principal, session: SessionRow): Promise<boolean> {
    return this.may(principal, session, 'see');
  }

  private async assignedCoach(principal: Principal, session: SessionRow): Promise<boolean> {
    return principal.role === 'coach' && this.coaches !== undefined && this.coaches.isCoachOf(principal.userId, session.candidateId);
  }
}
