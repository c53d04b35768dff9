import type { LoadedQuestion, LoadedRoleGuide } from '#libs/content';
import { evaluateDiagram, toComponentGraph, type ComponentGraph } from '#libs/diagram';
import { RubricGrader } from '#libs/grading';
import { readGrade, type ConversationTurn, type Interviewer, type InterviewerReply } from '../interviewer.port.js';
import { findLeak } from '../leak-guard.js';
import { PASSING_OVERALL } from '../offline-interviewer.js';
import { lineKey } from '../text-match.js';
import { readTurn } from '../turn-reader.js';
import type { Conversation } from './conversation-dataset.js';

const INTERVIEWER_CHECKS = ['kind', 'facts', 'assumption', 'probe', 'mentions', 'avoids', 'silent', 'noRepeat', 'noLeak', 'noFalsePraise'] as const;
type InterviewerCheck = (typeof INTERVIEWER_CHECKS)[number];

/**
 * What the interviewer aims for, per check: the three "never" checks allow no failure, the rest 85–90 %.
 * A set below a target is flagged in the report.
 */
const INTERVIEWER_TARGETS: Record<InterviewerCheck, number> = {
  kind: 0.9,
  facts: 0.9,
  assumption: 0.9,
  probe: 0.85,
  mentions: 0.85,
  avoids: 0.9,
  silent: 0.9,
  noRepeat: 1,
  noLeak: 1,
  noFalsePraise: 1,
};

/**
 * What CI enforces (the run fails below): the "never" checks at 100 %; the others at floors under what the
 * offline interviewer measures today on every split (reading facts from free text is where it falls short
 * of its targets, on the held-out questions most: see bench/README.md), so a regression fails the build.
 */
const INTERVIEWER_GATES: Record<InterviewerCheck, number> = {
  ...INTERVIEWER_TARGETS,
  facts: 0.7,
  assumption: 0.75,
  probe: 0.7,
  mentions: 0.6,
};

const PRAISE = /\b(?:good|great|nice|excellent|solid|well done|that covers|makes sense|that works|fair enough|strong|impressive|exactly)\b/i;
const INVITES_ASSUMPTION = /\b(?:assum\w*|your call|up to you)\b/i;

interface InterviewerFailure {
  conversation: string;
  turn: number;
  check: InterviewerCheck;
  detail: string;
}

export interface InterviewerEvalReport {
  conversations: number;
  turns: number;
  checks: Record<InterviewerCheck, { passed: number; total: number }>;
  failures: InterviewerFailure[];
  passed: boolean;
}

export interface InterviewerEvalContent {
  questions: ReadonlyMap<string, LoadedQuestion>;
  roles: ReadonlyMap<string, LoadedRoleGuide>;
  promptVersion: string;
}

/**
 * Plays each scripted conversation against an interviewer, turn by turn, as the live service does: the
 * offline grader reads each answer (phase scope), coverage accumulates over the session, and every reply
 * joins the history the next turn sees. Scores each expectation and the three "never" checks.
 */
export async function runInterviewerEval(
  conversations: readonly Conversation[],
  interviewer: Interviewer,
  content: InterviewerEvalContent,
): Promise<InterviewerEvalReport> {
  const grader = new RubricGrader({ corpus: content.questions.values() });
  const checks = Object.fromEntries(INTERVIEWER_CHECKS.map((c) => [c, { passed: 0, total: 0 }])) as InterviewerEvalReport['checks'];
  const failures: InterviewerFailure[] = [];
  let turns = 0;
  for (const conversation of conversations) {
    const question = content.questions.get(conversation.questionId);
    if (!question) throw new Error(`conversation ${conversation.id}: unknown question "${conversation.questionId}"`);
    const role = content.roles.get(question.role)!;
    const plan = role.sessions[question.kind].phases;
    const history: ConversationTurn[] = [];
    const covered = new Set<string>();
    const said = new Set<string>();
    let phaseId = plan[0]!.id;
    let board: { graph: ComponentGraph; phaseId: string } | undefined;
    for (const [index, turn] of conversation.turns.entries()) {
      turns++;
      phaseId = turn.phase ?? phaseId;
      if (turn.board) board = { graph: toComponentGraph(turn.board), phaseId };
      const boardChecks = question.kind === 'system-design' ? question.diagram?.checks : undefined;
      const findings = board && boardChecks?.length ? evaluateDiagram(board.graph, { checks: boardChecks }).findings : [];
      const phase = plan.find((p) => p.id === phaseId);
      if (!phase) throw new Error(`conversation ${conversation.id} turn ${index + 1}: unknown phase "${phaseId}"`);
      const reading = readTurn(turn.say, turn.intent);
      const graded = reading.kind === 'answer' || reading.kind === 'dont-know';
      const analysis = graded
        ? await grader.grade({
            question,
            questionVersion: question.version,
            role,
            phaseId,
            history: history.slice(-12).map((t) => ({ role: t.speaker, text: t.text, phaseId: t.phaseId })),
            answer: turn.say,
            promptVersion: content.promptVersion,
            ...(board ? { diagram: board } : {}),
          })
        : undefined;
      const answerRead = analysis ? readGrade(analysis) : undefined;
      const coveredNow = answerRead?.coveredNow ?? [];
      coveredNow.forEach((id) => covered.add(id));
      const result = await interviewer.reply({
        roleTitle: role.title,
        question,
        phase: { id: phase.id, title: phase.title, description: phase.description, checklist: phase.checklist },
        minutesLeft: phase.maxMinutes,
        mode: conversation.mode,
        turn: { id: `${conversation.id}-${index + 1}`, text: turn.say, reading },
        history: [...history],
        covered: new Set(covered),
        ...(answerRead ? { analysis: answerRead } : {}),
        followUp: true,
        ...(findings.length > 0 ? { board: { findings } } : {}),
      });
      const reply = result?.reply ?? null;
      const record = (check: InterviewerCheck, ok: boolean, detail: string) => {
        checks[check].total++;
        if (ok) checks[check].passed++;
        else failures.push({ conversation: conversation.id, turn: index + 1, check, detail });
      };
      const text = reply?.text ?? '';
      const e = turn.expect;
      if (e.kind) record('kind', reading.kind === e.kind, `read as ${reading.kind}, expected ${e.kind}`);
      if (e.facts) {
        const got = [...(reply?.factIds ?? [])].sort();
        record(
          'facts',
          JSON.stringify(got) === JSON.stringify([...e.facts].sort()),
          `gave [${got.join(', ')}], expected [${e.facts.join(', ')}]: "${text}"`,
        );
      }
      if (e.assumption !== undefined)
        record('assumption', INVITES_ASSUMPTION.test(text) === e.assumption, `${e.assumption ? 'no' : 'an'} invitation to assume: "${text}"`);
      if (e.probeOneOf)
        record(
          'probe',
          probedOneOf(reply, e.probeOneOf),
          `probed ${reply?.probe ?? 'nothing'}, expected one of ${e.probeOneOf.join(', ')}: "${text}"`,
        );
      if (e.mentions)
        record(
          'mentions',
          e.mentions.every((w) => text.toLowerCase().includes(w.toLowerCase())),
          `missing ${e.mentions.join(', ')}: "${text}"`,
        );
      if (e.avoids)
        record('avoids', !e.avoids.some((w) => text.toLowerCase().includes(w.toLowerCase())), `says one of ${e.avoids.join(', ')}: "${text}"`);
      if (e.silent !== undefined) record('silent', (reply === null) === e.silent, e.silent ? `said "${text}"` : 'said nothing');
      if (reply) {
        const key = lineKey(reply.text);
        record('noRepeat', !said.has(key), `said twice: "${reply.text}"`);
        said.add(key);
        const candidateWords = [...history.filter((t) => t.speaker === 'candidate').map((t) => t.text), turn.say];
        // Scenario facts are meant to be said (a requirement the reference answer restates is still a fact).
        const leak = findLeak(reply.text, question, [
          question.prompt,
          question.title,
          ...question.scenario.facts.map((f) => f.answer),
          ...candidateWords,
        ]);
        record('noLeak', leak === null, leak ? `${leak.source} ${leak.id}: "${reply.text}"` : '');
        const weak = analysis !== undefined && analysis.overall < PASSING_OVERALL;
        if (weak || e.praise === false)
          record('noFalsePraise', !PRAISE.test(stripFacts(reply, question)), `praise for an answer at ${analysis?.overall ?? '?'}: "${reply.text}"`);
      }
      history.push({ speaker: 'candidate', text: turn.say, phaseId, kind: reading.kind });
      if (reply) history.push({ speaker: 'interviewer', text: reply.text, phaseId, factIds: reply.factIds, probe: reply.probe });
    }
  }
  const passed = INTERVIEWER_CHECKS.every((c) => checks[c].total === 0 || checks[c].passed / checks[c].total >= INTERVIEWER_GATES[c]);
  return { conversations: conversations.length, turns, checks, failures, passed };
}

function probedOneOf(reply: InterviewerReply | null, expected: readonly string[]): boolean {
  if (!reply?.probe) return false;
  const [head] = reply.probe.split(':');
  return expected.includes(head === 'checklist' ? 'checklist' : head!);
}

/** Praise is judged on the interviewer's own words, not on a fact or probe it quotes ("what is a good key?"). */
function stripFacts(reply: InterviewerReply, question: LoadedQuestion): string {
  let text = reply.text;
  if (reply.probeText) text = text.replace(reply.probeText, '');
  for (const fact of question.scenario.facts) text = text.replace(fact.answer.trim(), '');
  return text;
}

export function formatInterviewerEval(report: InterviewerEvalReport, label: string): string {
  const lines = [`interviewer eval (${label}): ${report.conversations} conversations, ${report.turns} turns`];
  for (const c of INTERVIEWER_CHECKS) {
    const { passed, total } = report.checks[c];
    if (total === 0) continue;
    const share = passed / total;
    const gate = INTERVIEWER_GATES[c];
    const target = INTERVIEWER_TARGETS[c];
    const mark = share < gate ? '  FAILS THE GATE' : share < target ? '  below target' : '';
    lines.push(
      `  ${c.padEnd(14)} ${String(passed).padStart(4)}/${String(total).padEnd(4)} ${(share * 100).toFixed(1).padStart(5)}%  (target ${(target * 100).toFixed(0)}%, gate ${(gate * 100).toFixed(0)}%)${mark}`,
    );
  }
  if (report.failures.length > 0) {
    lines.push('  failures:');
    for (const f of report.failures.slice(0, 40)) lines.push(`    ${f.conversation} #${f.turn} ${f.check}: ${f.detail}`);
    if (report.failures.length > 40) lines.push(`    … ${report.failures.length - 40} more`);
  }
  lines.push(report.passed ? '  PASSED' : '  FAILED');
  return lines.join('\n');
}
