import { Injectable } from '@nestjs/common';
import type { Question } from '#libs/content';
import { evaluateDiagram, type DiagramFinding } from '#libs/diagram';
import type { StoredDiagramGraph } from './diagram-graph.js';
import { DiagramSnapshotsRepository } from './diagram-snapshots.repository.js';

/** The board as it stood when an answer was given: the graph stored with that snapshot and the phase it was drawn in. */
export interface AnswerBoard {
  readonly snapshotId: string;
  /** The phase the snapshot was stored in. */
  readonly phaseId: string;
  /** Labels are untrusted text: `flagged` names the elements the injection screen caught (readers leave them out). */
  readonly graph: StoredDiagramGraph;
}

/**
 * What the worker reads of a system-design board for one candidate turn: the latest snapshot at or before the
 * turn's event (a board redrawn after the answer is not what the answer was given with). Both the grading job and
 * the interviewer's reply read it here.
 */
@Injectable()
export class AnswerBoardService {
  constructor(private readonly diagrams: DiagramSnapshotsRepository) {}

  /** Null for other kinds of question, and before anything was drawn. */
  async at(question: Question, sessionId: string, turnSeq: number): Promise<AnswerBoard | null> {
    if (question.kind !== 'system-design') return null;
    const row = await this.diagrams.graphAt(sessionId, turnSeq);
    return row && { snapshotId: row.id, phaseId: row.phaseId, graph: row.graph };
  }

  /** The structural problems the question asks to look for on that board (what a board probe is conditioned on). */
  findings(question: Question, board: AnswerBoard | null): DiagramFinding[] {
    const checks = question.kind === 'system-design' ? question.diagram?.checks : undefined;
    if (!board || !checks?.length) return [];
    return [...evaluateDiagram(board.graph, { checks }).findings];
  }
}
