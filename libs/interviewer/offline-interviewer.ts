import type { Question, ScenarioFact } from '#libs/content';
import { factsFor } from './fact-finder.js';
import type { InterviewerReply, LineProvenance, Interviewer, ReplyContext } from './interviewer.port.js';
import { boardProbe, checklistProbe, keyPointProbe, probeState, standingFindings, type PickedProbe, type ProbeState } from './probe-picker.js';
import { lineKey } from './text-match.js';

/** Overall at or above which an answer is in the passing band (band 3 "lean hire" starts at 50). */
export const PASSING_OVERALL = 50;

/** What the interviewer says when the scenario leaves a question open, by kind of interview. */
const ASSUME: Record<Question['kind'], readonly string[]> = {
  'system-design': [
    "That one is your call: state an assumption and we'll go with it.",
    "I don't have a number for that. Pick a reasonable assumption, say it out loud, and design for it.",
    "We haven't decided that. Assume what you think is reasonable and tell me why.",
    "That's open. Make the assumption you'd defend in a design review, and we'll run with it.",
  ],
  coding: [
    "That's not specified, so it's your call: state your assumption and code to it.",
    "Your call. Say what you're assuming and make the code consistent with it.",
    "It's open. State your assumption before you rely on it.",
  ],
  behavioral: [
    "That's up to you: pick the example you can talk about in the most detail.",
    'Your call. Choose whatever lets you show what you did yourself.',
    "There's no rule there, it's up to you; go with what makes the story clearest.",
  ],
};
const REPEAT_PREFIXES = ['As I said: ', 'Same answer as before: ', 'To repeat: ', 'Again: '];
const PASSING_ACKS = ['Okay, that works.', 'Good.', 'That makes sense.', 'Fair enough.', 'Okay.'];
const WEAK_ACKS = ['Okay.', "Let's dig into that.", 'Let me push on that a bit.', 'Got it.'];
/** A line that leads into what follows by itself. */
const LEADS_IN = /^Let(?:'s| me| us)\b/;
const DONT_KNOW_OPENERS = [
  "That's fine, it happens in real interviews too. Let's come at it from another angle.",
  'No problem. Reason it out from first principles rather than recall.',
  'Okay. Think out loud; a partial answer is better than none.',
];

/**
 * The deterministic interviewer: answers clarifying questions from the scenario facts (and invites an
 * assumption for anything the scenario leaves open, never inventing a number), follows up with a probe
 * chosen by what the candidate said, praises only answers in the passing band, and never says the same
 * line twice in a session. Pure: the same context gives the same reply.
 */
export class OfflineInterviewer implements Interviewer {
  async reply(ctx: ReplyContext): Promise<{ reply: InterviewerReply; provenance: LineProvenance } | null> {
    const started = performance.now();
    const reply = composeReply(ctx);
    if (!reply) return null;
    return {
      reply,
      provenance: {
        interviewer: 'offline',
        model: null,
        promptVersion: null,
        tokens: { prompt: 0, completion: 0 },
        latencyMs: performance.now() - started,
      },
    };
  }
}

export function composeReply(ctx: ReplyContext): InterviewerReply | null {
  const state = probeState(ctx);
  const { kind } = ctx.turn.reading;
  if (kind === 'move-on') return null; // the phase change says it
  const facts = answerQuestions(ctx, state);
  if (kind === 'question') return facts ? unique(state, facts.parts, facts, null) : null;

  const probe = ctx.followUp ? chooseProbe(ctx, state) : null;
  const parts = [...(facts?.parts ?? [])];
  const reasons = facts ? [facts.reason] : [];
  if (probe) {
    // After an answer to the candidate's own question, the probe follows it directly: "That one is your call: state an
    // assumption and we'll go with it. Got it. What is …" read as the interviewer acknowledging itself.
    parts.push(facts ? '' : opener(ctx, state, probe.text), probe.text);
    reasons.push(probe.reason);
  } else if (ctx.followUp && kind === 'answer') {
    const wrap = wrapUp(ctx, state);
    if (wrap) {
      parts.push(wrap.text);
      reasons.push(
        wrap.board
          ? `nothing left to probe in ${ctx.phase.title}, but the board still shows ${wrap.board}: the phase is not called covered`
          : passing(ctx)
            ? `every key point of ${ctx.phase.title} is covered and the answer is in the passing band`
            : `nothing left to probe in ${ctx.phase.title}: its key points are asked and its checklist touched (the answer is below the passing band: no praise)`,
      );
    }
  }
  if (parts.length === 0) return null;
  return unique(state, parts, { reason: reasons.join('; '), factIds: facts?.factIds ?? [] }, probe);
}

/** In the passing band with no dimension held down by a wrong claim or a major mistake: only then praise or wrap up. */
function passing(ctx: ReplyContext): boolean {
  return (ctx.analysis?.overall ?? 0) >= PASSING_OVERALL && (ctx.analysis?.lowestDimension ?? 1) > 2;
}

/**
 * Praise is earned by an answer in the passing band, in practice mode, and not while the board shows a problem that
 * bears on this phase or a later one (it is asked about, not praised over). The LLM interviewer is told the same.
 */
export function praiseAllowed(ctx: ReplyContext): boolean {
  if (ctx.mode !== 'practice' || !passing(ctx)) return false;
  const { now, later } = standingFindings(ctx);
  return now.length === 0 && later.length === 0;
}

/**
 * A finding the board shows for this phase first ("I see Web app talks straight to Postgres…"), even when the
 * words covered every point; then the highest-weighted key point of the phase still open, asked about what the
 * candidate said when a probe fits it ("Every notification lands in MySQL…"). A weak answer in a phase with
 * nothing left to probe (no key points, or all covered or asked) gets a basic of the phase it has not touched (the
 * role's checklist), so "nothing to probe" never reads as "all covered"; a passing one gets a wrap-up instead.
 */
function chooseProbe(ctx: ReplyContext, state: ProbeState): PickedProbe | null {
  const probe = boardProbe(ctx, state) ?? keyPointProbe(ctx, state, true) ?? keyPointProbe(ctx, state);
  if (probe || passing(ctx)) return probe;
  return checklistProbe(ctx, state);
}

/**
 * A short opener before the probe: praise only when it is earned (`praiseAllowed`). A probe that leads in by itself
 * ("Let's pin the scope down first.") gets no second lead-in ("Let's dig into that.") before it.
 */
function opener(ctx: ReplyContext, state: ProbeState, probe: string): string {
  const pick = (list: readonly string[]) => list[(state.saidLines.size + ctx.turn.text.length) % list.length]!;
  if (ctx.turn.reading.kind === 'dont-know') return pick(DONT_KNOW_OPENERS);
  if (praiseAllowed(ctx)) return pick(PASSING_ACKS);
  if (ctx.mode !== 'practice') return '';
  return pick(LEADS_IN.test(probe) ? WEAK_ACKS.filter((ack) => !LEADS_IN.test(ack)) : WEAK_ACKS);
}

/**
 * Nothing left to probe: praise only for a passing answer in practice mode, otherwise a neutral close. A board
 * that still shows a problem for this phase or a later one (asked about already, or to be asked in its phase) is
 * not "what I wanted to hear": the close stays neutral, and `board` says which finding kept it so.
 */
function wrapUp(ctx: ReplyContext, state: ProbeState): { text: string; board: string | null } | null {
  const title = ctx.phase.title.toLowerCase();
  const { now, later } = standingFindings(ctx);
  const standing = now[0] ?? later[0];
  const options = praiseAllowed(ctx)
    ? [
        `That covers what I wanted to hear on ${title}. Anything you'd add before we move on?`,
        `Good, I have what I need on ${title}. If you're happy with it, move on when you're ready.`,
      ]
    : [`Noted. Anything else on ${title} before we move on?`, `Okay. Move on to the next part when you're ready.`];
  const text = options.find((o) => !state.saidLines.has(lineKey(o)));
  return text ? { text, board: standing && ctx.mode === 'practice' && passing(ctx) ? `${standing.check}: ${standing.text}` : null } : null;
}

interface FactAnswer {
  parts: string[];
  factIds: string[];
  reason: string;
}

/**
 * Every question of a question turn is answered; in an answer turn only those put to the interviewer
 * ("Do we need…?", "Can I assume…?"): the rest ("What happens if the broker dies?") is thinking aloud.
 */
function answerQuestions(ctx: ReplyContext, state: ProbeState): FactAnswer | null {
  const { kind, questions, asks } = ctx.turn.reading;
  const toAnswer = kind === 'question' ? questions : asks;
  const given = new Set(ctx.history.flatMap((t) => t.factIds ?? []));
  const facts: ScenarioFact[] = [];
  let unknown = 0;
  for (const q of toAnswer) {
    const found = factsFor(q, ctx.question);
    if (found.length === 0) {
      // In an answer, only a question put to the interviewer ("Do we…?", "Can I…?") is owed an answer.
      if (kind === 'question' || /\b(?:we|i|you|us|our)\b/i.test(q)) unknown++;
      continue;
    }
    for (const { fact } of found) if (!facts.includes(fact)) facts.push(fact);
  }
  if (facts.length === 0 && unknown === 0) return null;
  const parts = facts.map((f) => f.answer.trim());
  if (unknown > 0) {
    const options = ASSUME[ctx.question.kind];
    const invite = options.find((a) => ![...state.saidLines].some((l) => l.includes(lineKey(a)))) ?? options[0]!;
    parts.push(facts.length > 0 ? `As for the rest: ${/^I\b/.test(invite) ? invite : invite.charAt(0).toLowerCase() + invite.slice(1)}` : invite);
  }
  const repeated = facts.filter((f) => given.has(f.id)).map((f) => f.id);
  const reason = [
    facts.length
      ? `answered from the scenario: ${facts.map((f) => f.id).join(', ')}${repeated.length ? ` (asked before: ${repeated.join(', ')})` : ''}`
      : '',
    unknown ? `${unknown} question(s) the scenario leaves open: invited an assumption` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return { parts, factIds: facts.map((f) => f.id), reason };
}

/** The reply, made new if the same words were said before (a question asked twice gets the same fact, said so). */
function unique(
  state: ProbeState,
  parts: readonly string[],
  meta: { reason: string; factIds: readonly string[] },
  probe: PickedProbe | null,
): InterviewerReply | null {
  const base = parts.filter(Boolean).join(' ');
  const candidates = [base, ...REPEAT_PREFIXES.map((p) => p + base)];
  const text = candidates.find((c) => !state.saidLines.has(lineKey(c)));
  if (!text) return null;
  return {
    text,
    reason: meta.reason,
    factIds: [...meta.factIds],
    probe: probe?.key ?? null,
    ...(probe ? { probeText: probe.text } : {}),
    ...(probe?.keyPointId ? { keyPointId: probe.keyPointId } : {}),
  };
}
