import type { KeyPoint, Question } from '#libs/content';
import type { DiagramCheckKind, DiagramFinding } from '#libs/diagram';
import { fillBoardSlots, fillSlots, namedComponents } from './components.js';
import type { ReplyContext } from './interviewer.port.js';
import { affirmsAny, lineKey, mentionsAny, stems } from './text-match.js';

export interface PickedProbe {
  key: string;
  text: string;
  reason: string;
  keyPointId?: string;
}

/** What the probe choice looks at: the candidate's words so far, the probes and lines already used. */
export interface ProbeState {
  /** Stems of every candidate turn so far, oldest first. */
  readonly candidateWords: readonly string[];
  /** Stems of the candidate's turns in the current phase. */
  readonly phaseWords: readonly string[];
  readonly usedProbes: ReadonlySet<string>;
  readonly saidLines: ReadonlySet<string>;
}

export function probeState(ctx: ReplyContext): ProbeState {
  // What the candidate asked is not what they designed: questions do not count as having said something.
  const candidate = ctx.history.filter((t) => t.speaker === 'candidate' && t.kind !== 'question');
  const now = ctx.turn.reading.kind === 'question' ? '' : ctx.turn.text;
  const interviewer = ctx.history.filter((t) => t.speaker === 'interviewer');
  return {
    candidateWords: stems([...candidate.map((t) => t.text), now].join(' \n ')),
    phaseWords: stems([...candidate.filter((t) => t.phaseId === ctx.phase.id).map((t) => t.text), now].join(' \n ')),
    usedProbes: new Set(interviewer.flatMap((t) => (t.probe ? [t.probe] : []))),
    saidLines: new Set(interviewer.map((t) => lineKey(t.text))),
  };
}

function fresh(state: ProbeState, key: string, text: string): boolean {
  if (state.usedProbes.has(key)) return false;
  const k = lineKey(text);
  return ![...state.saidLines].some((line) => line.includes(k));
}

/**
 * The follow-up for the highest-weighted key point of the phase still uncovered (rubric order breaks
 * ties): its probes whose condition holds on what the candidate said come first, then its unconditional
 * ones, then its default probe. A probe already asked in this session, or one whose slot names a product
 * the candidate never mentioned, is skipped; when a point has nothing left to ask, the next point is tried.
 */
export function keyPointProbe(ctx: ReplyContext, state: ProbeState, onlyAboutWhatWasSaid = false): PickedProbe | null {
  const open = ctx.question.keyPoints
    .map((kp, order) => ({ kp, order }))
    .filter(({ kp }) => kp.phase === ctx.phase.id && !ctx.covered.has(kp.id))
    .sort((a, b) => b.kp.weight - a.kp.weight || a.order - b.order);
  const named = namedComponents(state.candidateWords);
  for (const { kp } of open) {
    for (const option of probeOptions(kp, state, ctx.board?.findings ?? [])) {
      if (onlyAboutWhatWasSaid && !option.aboutSaid) continue;
      const text = fillSlots(option.finding ? fillBoardSlots(option.text, option.finding) : option.text, named);
      if (text !== null && fresh(state, option.key, text)) {
        return { key: option.key, text, keyPointId: kp.id, reason: `key point "${kp.text}" (weight ${kp.weight}) is not covered yet${option.why}` };
      }
    }
  }
  return null;
}

interface ProbeOption {
  key: string;
  text: string;
  why: string;
  /** The probe's condition names something the candidate said or drew: it follows their own design. */
  aboutSaid: boolean;
  /** A board probe: the finding its `{from}`/`{to}` name. */
  finding?: DiagramFinding;
}

function probeOptions(kp: KeyPoint, state: ProbeState, findings: readonly DiagramFinding[]): ProbeOption[] {
  const conditional: ProbeOption[] = [];
  const plain: ProbeOption[] = [];
  for (const probe of kp.probes ?? []) {
    const option = { key: `${kp.id}:${probe.id}`, text: probe.text };
    if (!probe.when) {
      plain.push({ ...option, why: '', aboutSaid: false });
      continue;
    }
    const board = probe.when.board;
    // The board shows the problem now (the latest drawing, not an earlier one the candidate fixed).
    const finding = board ? findings.find((f) => board.includes(f.check)) : undefined;
    if (board && !finding) continue;
    // What the candidate rejected ("we do not need idempotency keys") is not what they built: a probe about using it
    // ("a second request with the same key …") would talk past them.
    const saidOk = !probe.when.said || affirmsAny(state.candidateWords, probe.when.said);
    const notSaidOk = !probe.when.notSaid || !affirmsAny(state.candidateWords, probe.when.notSaid);
    if (!saidOk || !notSaidOk) continue;
    const why = [
      probe.when.said || probe.when.notSaid ? `the candidate ${describe(probe.when)}` : '',
      finding ? `the board shows ${finding.check}: ${finding.text}` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    conditional.push({
      ...option,
      why: `; asked for what ${why}`,
      aboutSaid: probe.when.said !== undefined || finding !== undefined,
      ...(finding ? { finding } : {}),
    });
  }
  return [...conditional, ...plain, { key: `${kp.id}:default`, text: kp.probe, why: '', aboutSaid: false }];
}

function describe(when: { said?: readonly string[]; notSaid?: readonly string[] }): string {
  const parts: string[] = [];
  if (when.said) parts.push(`mentioned (${when.said.slice(0, 3).join(', ')}…)`);
  if (when.notSaid) parts.push(`has not mentioned (${when.notSaid.slice(0, 3).join(', ')}…)`);
  return parts.join(' and ');
}

/**
 * A probe from the phase's checklist (what any answer in this phase should touch) for an item the candidate
 * has not touched in this phase, in the role guide's order; null when every item is touched.
 */
export function checklistProbe(ctx: ReplyContext, state: ProbeState): PickedProbe | null {
  const untouched = ctx.phase.checklist.filter((item) => !mentionsAny(state.phaseWords, item.terms));
  for (const item of untouched) {
    for (const [n, text] of item.probes.entries()) {
      const key = `checklist:${item.id}:${n}`;
      if (fresh(state, key, text)) {
        return { key, text, reason: `phase checklist: "${item.text}" not addressed yet` };
      }
    }
  }
  return null;
}

/**
 * The phases a board finding bears on: the phase of the key point its check names, and of every key point with a
 * board probe conditioned on it. Empty when the rubric ties it to no key point (a mistake-only check nobody probes):
 * such a finding bears on every phase.
 */
function findingPhases(question: Question, finding: DiagramFinding): ReadonlySet<string> {
  const phases = new Set<string>();
  for (const kp of question.keyPoints) {
    if (kp.id === finding.keyPoint || (kp.probes ?? []).some((p) => p.when?.board?.includes(finding.check))) phases.add(kp.phase);
  }
  return phases;
}

/**
 * The findings on the board (as it stands at this turn) that bear on the current phase (`now`: asked about in this
 * phase) and those that bear only on a later one (`later`: asked about then). Either kind keeps the interviewer
 * from telling the candidate that the phase is covered.
 */
export function standingFindings(ctx: ReplyContext): { now: DiagramFinding[]; later: DiagramFinding[] } {
  const order = ctx.question.phases.map((p) => p.id);
  const current = order.indexOf(ctx.phase.id);
  const now: DiagramFinding[] = [];
  const later: DiagramFinding[] = [];
  for (const finding of ctx.board?.findings ?? []) {
    const phases = findingPhases(ctx.question, finding);
    if (phases.size === 0 || phases.has(ctx.phase.id)) now.push(finding);
    else if ([...phases].some((p) => order.indexOf(p) > current)) later.push(finding);
  }
  return { now, later };
}

/**
 * What the interviewer asks about a finding when the rubric has no board probe for it in this phase: the check's
 * problem put as a question about the candidate's own boxes (never the rubric's message, which is feedback).
 */
const CHECK_PROBES: Record<DiagramCheckKind, string> = {
  'client-to-database':
    'I see {from} talks straight to {to} on your board. What happens when {to} is slow or down, and what stands between {from} and the data it may read?',
  'single-stateful-write-path': 'On your board {from} writes to a single {to}. What happens to those writes when that {to} node dies?',
  'queue-without-consumer-group':
    'On your board one {to} reads everything from {from}. What happens when the load doubles, or when that {to} crashes?',
};

/**
 * A follow-up about what the board shows for this phase, asked before any other and whether or not the words
 * covered the point it bears on: a phase is never called covered while its board contradicts the design. The
 * rubric's board probes of the phase's key points (highest weight first), then, for a finding no probe of the
 * phase is conditioned on, the check's own question (`board:<check>`); each asked once per session.
 */
export function boardProbe(ctx: ReplyContext, state: ProbeState): PickedProbe | null {
  const { now } = standingFindings(ctx);
  if (now.length === 0) return null;
  const phasePoints = ctx.question.keyPoints
    .map((kp, order) => ({ kp, order }))
    .filter(({ kp }) => kp.phase === ctx.phase.id)
    .sort((a, b) => b.kp.weight - a.kp.weight || a.order - b.order);
  const named = namedComponents(state.candidateWords);
  for (const { kp } of phasePoints) {
    for (const option of probeOptions(kp, state, now)) {
      if (!option.finding) continue;
      const text = fillSlots(fillBoardSlots(option.text, option.finding), named);
      if (text === null || !fresh(state, option.key, text)) continue;
      const standing = ctx.covered.has(kp.id)
        ? `key point "${kp.text}" is covered, but the board contradicts it`
        : `key point "${kp.text}" (weight ${kp.weight}) is not covered yet`;
      return { key: option.key, text, keyPointId: kp.id, reason: `${standing}${option.why}` };
    }
  }
  const probed = new Set(phasePoints.flatMap(({ kp }) => (kp.probes ?? []).flatMap((p) => p.when?.board ?? [])));
  for (const finding of now) {
    if (probed.has(finding.check)) continue;
    const key = `board:${finding.check}`;
    const text = fillBoardSlots(CHECK_PROBES[finding.check], finding);
    if (!fresh(state, key, text)) continue;
    const keyPointId = finding.keyPoint && ctx.question.keyPoints.some((k) => k.id === finding.keyPoint) ? finding.keyPoint : undefined;
    return { key, text, ...(keyPointId ? { keyPointId } : {}), reason: `the board shows ${finding.check}: ${finding.text}` };
  }
  return null;
}
