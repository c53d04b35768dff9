import type { Question } from '#libs/content';
import { evaluateDiagram, type DiagramEvaluation, type DiagramExpectations, type ScreenedGraph } from '#libs/diagram';
import { detectInjection } from './injection-detector.js';

/**
 * The session's board at the time of an answer, as a grading request carries it: the component graph stored with
 * the latest snapshot at or before the answer (libs/interview), and the phase it was drawn in.
 */
export interface GradeBoard {
  /** Labels are candidate text: `flagged` names the elements the store's injection screen caught. */
  readonly graph: ScreenedGraph;
  /** The phase the snapshot was stored in; absent for a board that stands for a whole session (evals). */
  readonly phaseId?: string;
}

export interface BoardReading {
  /** The graph with `flagged` completed by this grader's own screen of every text on it. */
  readonly graph: ScreenedGraph;
  /** Element ids whose text addresses the grader: left out of everything a grader reads. */
  readonly flagged: ReadonlySet<string>;
  /** The board against the question's expectations (nothing expected: nothing credited, nothing found). */
  readonly evaluation: DiagramEvaluation;
}

const NOTHING: DiagramExpectations = {};

/**
 * Reads a board for grading. Every label, edge label, note and boundary title goes through the injection screen
 * again (a graph stored before the screen, or built by an eval, is screened all the same): an element that addresses
 * the grader is left out, as an injected passage of an answer is. Null for a question that is not a system-design
 * one, or when there is no board.
 */
export function readBoard(question: Question, board: GradeBoard | undefined): BoardReading | null {
  if (!board || question.kind !== 'system-design') return null;
  const { graph } = board;
  const flagged = new Set((graph.flagged ?? []).map((f) => f.elementId));
  const texts: [string, string | null][] = [
    ...graph.nodes.map((n): [string, string | null] => [n.id, n.label]),
    ...graph.edges.map((e): [string, string | null] => [e.id, e.label]),
    ...graph.looseArrows.map((a): [string, string | null] => [a.id, a.label]),
    ...graph.notes.map((n): [string, string | null] => [n.id, n.text]),
    ...graph.boundaries.map((b): [string, string | null] => [b.id, b.label]),
  ];
  for (const [id, text] of texts) if (text && !flagged.has(id) && detectInjection(text).suspected) flagged.add(id);
  const screened: ScreenedGraph = { ...graph, flagged: [...flagged].map((elementId) => ({ elementId })) };
  return { graph: screened, flagged, evaluation: evaluateDiagram(screened, question.diagram ?? NOTHING) };
}
