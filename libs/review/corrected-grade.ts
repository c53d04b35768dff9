import type { Question, RoleGuide } from '#libs/content';
import { computeOverall, type DiagramEvidenceGrade, type DimensionScore, type Grade, type KeyPointStatus, type Provenance } from '#libs/grading';
import { correctionKey, stampOf, type CorrectionRow, type CorrectionStamp } from './review.types.js';

/** A grade as a reviewer sees it: the AI's values, and beside them the coach's where there are any. */
export interface GradeView {
  provenance: Provenance;
  flags: Grade['flags'];
  feedback: Grade['feedback'];
  mistakes: Grade['mistakes'];
  overall: { ai: number; corrected?: number };
  /** `title`: the role guide's title of the dimension, what a reader sees instead of its id. */
  dimensions: { id: string; title: string; ai: { score: number; reason: string }; corrected?: { score: number }; correction?: CorrectionStamp }[];
  /**
   * `text`: the key point as the rubric words it, what a reader sees instead of its id. `ai.diagramEvidence`: what the
   * board showed for it (elements, and a line naming them), when the board counted.
   */
  keyPoints: {
    id: string;
    text: string;
    ai: { status: KeyPointStatus; evidence: string[]; diagramEvidence?: DiagramEvidenceGrade[] };
    corrected?: { status: KeyPointStatus };
    correction?: CorrectionStamp;
  }[];
}

/**
 * Applies the latest corrections of one answer to its AI grade. The stored grade is never changed; the
 * corrected grade is a copy whose overall is recomputed by `computeOverall`, the rule every grader uses.
 */
export function correctGrade(
  ai: Grade,
  turnId: string,
  latest: ReadonlyMap<string, CorrectionRow>,
  content: { role: RoleGuide; question: Pick<Question, 'kind' | 'keyPoints'> },
): { view: GradeView; corrected: Grade; changed: boolean } {
  let changed = false;
  const titles = new Map(content.role.sessions[content.question.kind].dimensions.map((d) => [d.id, d.title]));
  const texts = new Map(content.question.keyPoints.map((k) => [k.id, k.text]));
  const dimensions = ai.dimensions.map((d) => {
    const c = latest.get(correctionKey(turnId, 'dimension', d.id));
    const base = { id: d.id, title: titles.get(d.id) ?? d.id, ai: { score: d.score, reason: d.reason } };
    if (!c) return { view: base, score: d.score };
    changed = true;
    const score = Number(c.value) as DimensionScore;
    return { view: { ...base, corrected: { score }, correction: stampOf(c) }, score };
  });
  const keyPoints = ai.keyPoints.map((k) => {
    const c = latest.get(correctionKey(turnId, 'key_point', k.id));
    const ai = { status: k.status, evidence: k.evidence, ...(k.diagramEvidence?.length ? { diagramEvidence: k.diagramEvidence } : {}) };
    const base = { id: k.id, text: texts.get(k.id) ?? k.id, ai };
    if (!c) return { view: base, status: k.status };
    changed = true;
    const status = c.value as KeyPointStatus;
    return { view: { ...base, corrected: { status }, correction: stampOf(c) }, status };
  });
  // A corrected score carries the coach's reason: the report's comment on the dimension must speak for the score.
  const correctedDimensions = ai.dimensions.map((d, i) => {
    const c = latest.get(correctionKey(turnId, 'dimension', d.id));
    return c ? { ...d, score: dimensions[i]!.score, reason: c.reason } : d;
  });
  const corrected: Grade = {
    ...ai,
    dimensions: correctedDimensions,
    keyPoints: ai.keyPoints.map((k, i) => ({ ...k, status: keyPoints[i]!.status })),
    overall: changed ? computeOverall(correctedDimensions, content.role, content.question) : ai.overall,
  };
  const view: GradeView = {
    provenance: ai.provenance,
    flags: ai.flags,
    feedback: ai.feedback,
    mistakes: ai.mistakes,
    overall: changed ? { ai: ai.overall, corrected: corrected.overall } : { ai: ai.overall },
    dimensions: dimensions.map((d) => d.view),
    keyPoints: keyPoints.map((k) => k.view),
  };
  return { view, corrected, changed };
}
