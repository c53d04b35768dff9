import type { ContentService } from '#libs/content';
import { DomainError } from '#libs/errors';
import type { SessionRow } from './session.types.js';

/** Whether the session's question is a system-design one (it has a board); refused with NOT_A_DESIGN_SESSION if not. */
export async function assertDesignSession(content: ContentService, session: SessionRow): Promise<void> {
  const question = await content.questionAt(session.questionId, session.questionVersion);
  if (question.kind !== 'system-design') {
    throw new DomainError('NOT_A_DESIGN_SESSION', 'this session has no board: its question is not a system-design question');
  }
}
