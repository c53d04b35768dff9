import { randomUUID } from 'node:crypto';
import type { NewEvent, SessionTx } from './sessions.repository.js';
import { type InterviewerLine, openingLine, timeUpLine } from './interviewer.js';

/**
 * The interviewer speaks: a transcript turn and its event, in the caller's transaction. Events that belong
 * before the line (`before`) are appended in the same round trip. A line with a `lineKey` is said once per
 * session: false when it was said already (the caller holds the session's lock, so that check is final).
 */
export async function say(tx: SessionTx, line: InterviewerLine, before: readonly NewEvent[] = []): Promise<boolean> {
  if (line.lineKey && (await tx.hasLine(line.lineKey))) {
    await tx.appendEvents(before);
    return false;
  }
  const turnId = line.turnId ?? randomUUID();
  const phase = tx.session.phases[tx.session.phaseIndex]!;
  const { replyTo, factIds } = line.meta ?? {};
  const events: NewEvent[] = [
    ...before,
    {
      type: 'interviewer:message',
      payload: {
        turnId,
        text: line.text,
        reason: line.reason,
        ...(line.keyPointId ? { keyPointId: line.keyPointId } : {}),
        ...(replyTo ? { replyTo } : {}),
        ...(factIds?.length ? { factIds } : {}),
      },
    },
  ];
  await tx.appendEvents(events, {
    seqOf: events.length - 1,
    id: turnId,
    phaseId: phase.id,
    speaker: 'interviewer',
    clientId: null,
    text: line.text,
    reason: line.reason,
    keyPointId: line.keyPointId ?? null,
    lineKey: line.lineKey ?? null,
    meta: line.meta ?? null,
  });
  return true;
}

export async function startPhase(tx: SessionTx, index: number, minuteMs: number, now = new Date()): Promise<void> {
  const phase = tx.session.phases[index]!;
  const endsAt = new Date(now.getTime() + phase.minutes * minuteMs);
  await tx.moveToPhase(index, endsAt);
  await tx.appendEvent('phase:changed', {
    phase: { id: phase.id, title: phase.title, index, count: tx.session.phases.length },
    endsAt: endsAt.toISOString(),
  });
  await say(tx, openingLine(phase, index, tx.session.phases.length));
}

export type Transition = { kind: 'phase'; index: number } | { kind: 'ended' };

/** Moves to the next phase, or ends the session after the last one. Never backwards, never skips two. */
export async function nextPhase(tx: SessionTx, reason: 'candidate' | 'clock', minuteMs: number): Promise<Transition> {
  const s = tx.session;
  if (reason === 'clock') await say(tx, timeUpLine(s.phases[s.phaseIndex]!));
  const next = s.phaseIndex + 1;
  if (next >= s.phases.length) {
    await endSession(tx, reason);
    return { kind: 'ended' };
  }
  await startPhase(tx, next, minuteMs);
  return { kind: 'phase', index: next };
}

export async function endSession(tx: SessionTx, reason: 'candidate' | 'clock'): Promise<void> {
  await tx.end(reason);
  await tx.appendEvent('session:ended', { reason });
}
