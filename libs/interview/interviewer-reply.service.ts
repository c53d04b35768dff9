import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { ContentService } from '#libs/content';
import { type Grade, GradingService } from '#libs/grading';
import { createInterviewer, readGrade, readTurn, type ConversationTurn, type Interviewer, type ReplyContext } from '#libs/interviewer';
import { LOGGER, type Logger } from '#libs/logging';
import type { JobContext } from '#libs/queue';
import { AnswerBoardService } from './answer-board.service.js';
import { say } from './session-flow.js';
import { SessionNotifier } from './session-notifier.js';
import { type GradingTurn, isGraded, SessionsRepository } from './sessions.repository.js';

const HISTORY_TURNS = 12;

/**
 * The reply's turn id, the same on every run of the job, so a retried stream continues under one id.
 * @public bench/interviewer-stream.mjs imports it from the build (dist/), which knip does not read.
 */
export function replyTurnId(turnId: string): string {
  const h = createHash('sha256').update(`reply:${turnId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The interviewer's reply to one candidate turn (the `interviewer.reply` job): reads the session, lets the
 * interviewer answer and follow up (an LLM's words stream to the room as `interviewer:delta`), and stores
 * the line once, keyed by the turn it answers. Runs beside the grading job, not after it: the offline
 * grader's reading of the answer (milliseconds) is what the interviewer decides with.
 */
@Injectable()
export class InterviewerReplyService {
  private interviewer?: Interviewer;

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly content: ContentService,
    private readonly grading: GradingService,
    private readonly notifier: SessionNotifier,
    private readonly boards: AnswerBoardService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** `graded`: the answer's grade when the caller just stored it (it stands for the offline reading). */
  async reply(turnId: string, ctx: Pick<JobContext, 'signal'>, graded?: Grade): Promise<void> {
    const found = await this.sessions.turnToReply(turnId);
    if (!found || found.session.status !== 'active') return;
    const { session, turns, covered } = found;
    const lineKey = `reply:${turnId}`;
    const turn = turns.find((t) => t.id === turnId);
    if (!turn || turns.some((t) => t.lineKey === lineKey)) return;
    const kind = turn.kind ?? 'answer';
    if (kind === 'move-on') return;
    const [question, role] = await Promise.all([
      this.content.questionAt(session.questionId, session.questionVersion),
      this.content.roleAt(session.roleSlug, session.roleVersion),
    ]);
    const plan = role.sessions[question.kind].phases;
    const phase = plan.find((p) => p.id === turn.phaseId) ?? plan[0]!;
    const before = turns.filter((t) => t.seq < turn.seq);
    const latest = turns.filter((t) => t.speaker === 'candidate').at(-1);
    const current = session.phases[session.phaseIndex]!;
    // The board as the candidate had it when they answered: it counts in the reading, and its findings can drive a probe.
    const board = await this.boards.at(question, session.id, turn.seq);
    const findings = this.boards.findings(question, board);
    const analysis = !isGraded(turn.kind)
      ? undefined
      : (graded ??
        (await this.grading.analyse({
          question,
          questionVersion: question.version,
          role,
          phaseId: turn.phaseId,
          history: before.slice(-HISTORY_TURNS).map((t) => ({ role: t.speaker, text: t.text, phaseId: t.phaseId })),
          answer: turn.text,
          promptVersion: this.content.prompt('grader').version,
          ...(board ? { diagram: { graph: board.graph, phaseId: board.phaseId } } : {}),
        })));
    const reading = analysis ? readGrade(analysis) : undefined;
    const coveredNow = reading?.coveredNow ?? [];
    const context: ReplyContext = {
      roleTitle: role.title,
      question,
      phase: { id: phase.id, title: phase.title, description: phase.description, checklist: phase.checklist },
      minutesLeft: Math.max(0, Math.ceil((session.phaseEndsAt.getTime() - Date.now()) / this.config.sessions.phaseMinuteMs)),
      mode: session.mode,
      turn: { id: turn.id, text: turn.text, reading: { ...readTurn(turn.text), kind } },
      history: before.map(toConversationTurn),
      covered: new Set([...covered, ...coveredNow]),
      ...(reading ? { analysis: reading } : {}),
      followUp: latest?.id === turn.id && turn.phaseId === current.id,
      ...(findings.length > 0 ? { board: { findings } } : {}),
    };
    const id = replyTurnId(turnId);
    let index = 0;
    const said = await this.current().reply(context, {
      signal: ctx.signal,
      onDelta: (text) => void this.notifier.delta({ sessionId: session.id, turnId: id, index: index++, text }),
    });
    if (!said) return;
    const { reply, provenance } = said;
    if (provenance.fallback) this.logger.warn({ turnId, fallback: provenance.fallback }, 'the LLM interviewer fell back to the offline line');
    const done = await this.sessions.inSession(session.id, async (tx) => {
      if (tx.session.status !== 'active') return;
      await say(tx, {
        turnId: id,
        text: reply.text,
        reason: reply.reason,
        ...(reply.keyPointId ? { keyPointId: reply.keyPointId } : {}),
        lineKey,
        meta: { replyTo: turnId, factIds: [...reply.factIds], probe: reply.probe, provenance },
      });
    });
    if (done) await this.notifier.notify(done.appended);
  }

  private current(): Interviewer {
    this.interviewer ??= createInterviewer(this.config, this.content.prompt('interviewer'));
    return this.interviewer;
  }
}

function toConversationTurn(t: GradingTurn): ConversationTurn {
  return {
    speaker: t.speaker,
    text: t.text,
    phaseId: t.phaseId,
    kind: t.kind,
    ...(t.meta?.factIds ? { factIds: t.meta.factIds } : {}),
    probe: t.meta?.probe ?? null,
  };
}
