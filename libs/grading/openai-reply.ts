import { boardEvidenceFromIds } from './board-evidence.js';
import { boardMistakes } from './board-mistakes.js';
import type { BoardReading } from './board-reading.js';
import type { VerifiedEvidence } from './evidence-verifier.js';
import type { Grade, KeyPointGrade, MistakeGrade } from './grade.schema.js';
import type { GradeInput } from './grader.port.js';
import type { GradingScope } from './grading-scope.js';
import { openAiReplySchema, replyCompletenessProblems, type OpenAiReply } from './openai-grade.schema.js';

export type ReplyCheck = { readonly ok: true; readonly reply: OpenAiReply } | { readonly ok: false; readonly problems: string[] };

/**
 * Parses and re-validates one model reply: JSON, the schema, every rubric id exactly once.
 * (Quotes are checked on the assembled grade by `verifyEvidence`.) The problems are phrased
 * for the model, because they are what a repair request sends back.
 */
export function checkReply(content: string, input: Pick<GradeInput, 'question'>, scope: GradingScope): ReplyCheck {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    return { ok: false, problems: [`the reply is not valid JSON (${error instanceof Error ? error.message : 'parse error'})`] };
  }
  const parsed = openAiReplySchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    };
  }
  const reply = parsed.data;
  const problems = replyCompletenessProblems(reply, input.question, scope);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, reply };
}

/** The texts a quote may come from: the answer and the candidate's own earlier turns, never the interviewer. */
export function candidateTexts(input: Pick<GradeInput, 'answer' | 'history'>): string[] {
  return [input.answer, ...input.history.filter((t) => t.role === 'candidate').map((t) => t.text)];
}

/** The quotes `verifyEvidence` had to drop (nowhere in the candidate's text), phrased for a repair request. */
export function inventedQuoteProblems(grade: Grade, verified: VerifiedEvidence): string[] {
  return verified.repairs.flatMap((repair) => {
    const at = /^(keyPoints|mistakes)\[(\d+)\]\.evidence/.exec(repair.path);
    if (!at || repair.action !== 'dropped') return [];
    const list = at[1] === 'keyPoints' ? grade.keyPoints : grade.mistakes;
    const id = list[Number(at[2])]?.id ?? '?';
    return [
      `${at[1]} "${id}": the evidence ${JSON.stringify(clip(repair.before))} is not an exact excerpt of the candidate's text: copy it exactly or leave it out`,
    ];
  });
}

/**
 * `verifyEvidence` downgrades a covered point whose quotes were invented; a point the model
 * called partial gets the same treatment when all its quotes turn out to be invented: with
 * nothing the candidate wrote left to stand on, it is missed.
 */
export function settleUnsupportedPartials(verified: VerifiedEvidence): Grade {
  const invented = new Set(verified.repairs.filter((r) => r.action === 'dropped').map((r) => /^keyPoints\[(\d+)\]/.exec(r.path)?.[1]));
  const keyPoints = verified.grade.keyPoints.map((kp, k) =>
    kp.status === 'partial' && kp.evidence.length === 0 && !kp.diagramEvidence?.length && invented.has(String(k))
      ? { ...kp, status: 'missed' as const }
      : kp,
  );
  return { ...verified.grade, keyPoints };
}

/**
 * A validated reply as the parts of a grade; `overall`, feedback (`groundFeedback`) and
 * provenance are added by the grader. The reply already has the grade's shape, so this only puts the items in rubric
 * order, trims quotes and drops empty ones, and enforces what the prompt promises: a missed
 * point and an absent mistake carry no quotes, a mistake not yet due (an absent topic
 * before its phase) is absent, and an unjudged dimension (score null) is left out. A due mistake the board shows (a
 * structural finding whose check names it) is present with the finding's elements, as the rubric grader has it.
 */
export function gradePartsFromReply(
  reply: OpenAiReply,
  input: GradeInput,
  scope: GradingScope,
  board: BoardReading | null = null,
): Pick<Grade, 'keyPoints' | 'mistakes' | 'dimensions' | 'flags'> {
  const points = new Map(reply.keyPoints.map((k) => [k.id, k]));
  const mistakes = new Map(reply.mistakes.map((m) => [m.id, m]));
  const dimensions = new Map(reply.dimensions.map((d) => [d.id, d]));
  const shownOnBoard = boardMistakes(board, scope.dueMistakes);
  return {
    keyPoints: input.question.keyPoints.flatMap((kp): KeyPointGrade[] => {
      const got = points.get(kp.id);
      if (!got) return [];
      const note = got.note?.trim() ?? '';
      // Cited board elements become evidence with the board's own labels; ids not on the board are dropped here.
      const shown = got.status === 'missed' ? null : boardEvidenceFromIds(got.diagramElements ?? [], board);
      return [
        {
          id: kp.id,
          status: got.status,
          evidence: got.status === 'missed' ? [] : texts(got.evidence),
          ...(shown ? { diagramEvidence: [shown] } : {}),
          ...(note === '' ? {} : { note }),
        },
      ];
    }),
    mistakes: input.question.commonMistakes.flatMap((m): MistakeGrade[] => {
      const got = mistakes.get(m.id);
      if (!got) return [];
      const said = got.status === 'present' && scope.dueMistakes.has(m.id);
      const shown = shownOnBoard.get(m.id);
      return [
        {
          id: m.id,
          status: said || shown ? 'present' : 'absent',
          evidence: said ? texts(got.evidence) : [],
          ...(shown ? { diagramEvidence: shown } : {}),
        },
      ];
    }),
    dimensions: scope.dimensions.flatMap((id) => {
      const got = dimensions.get(id);
      return got && got.score !== null ? [{ id, score: got.score, reason: got.reason.trim() }] : [];
    }),
    flags: [...new Set(reply.flags)],
  };
}

/** Trimmed, without empty strings or repeats (the grade's lists hold non-empty items). */
function texts(items: readonly string[]): string[] {
  return [...new Set(items.map((t) => t.trim()).filter((t) => t !== ''))];
}

/** A quote cut short enough to send back in a repair request. */
export function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
