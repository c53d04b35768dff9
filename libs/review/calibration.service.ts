import { Injectable } from '@nestjs/common';
import type { Principal } from '#libs/auth';
import { ContentService } from '#libs/content';
import { bandOf, type EvalItem, type Grade } from '#libs/grading';
import { categoricalAgreement, scoreAgreement, type ScoreAgreement } from './agreement.js';
import { correctGrade } from './corrected-grade.js';
import { type GradedAnswerRecord, SessionRecordsService } from '#libs/interview';
import { ReviewRepository } from './review.repository.js';
import { correctionKey, latestCorrections, type CorrectionRow } from './review.types.js';

interface CalibrationGroup {
  grader: string;
  model: string | null;
  promptVersion: string;
  answers: number;
  /** Every dimension pooled, then each dimension on its own. */
  pooled: ScoreAgreement;
  /** `title`: the role guide's name for the dimension (the id when no loaded guide names it). */
  dimensions: ({ id: string; title: string } & ScoreAgreement)[];
  keyPoints: { n: number; agreement: number | null; disagreements: number };
}

/** A reviewed answer's latest grade, with the coach whose review completed its session. */
type ReviewedAnswerRow = GradedAnswerRecord & { reviewCoachId: string | null };

export interface CalibrationDto {
  scope: 'own' | 'all';
  sessions: number;
  answers: number;
  groups: CalibrationGroup[];
}

/**
 * How well the AI agrees with coaches. Only sessions whose review is complete count: there, a value the coach
 * left alone is a value the coach agreed with, so agreement is measured over every graded item, not only the
 * corrected ones (which would make the AI look always wrong).
 */
@Injectable()
export class CalibrationService {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly sessions: SessionRecordsService,
    private readonly content: ContentService,
  ) {}

  async calibration(principal: Principal): Promise<CalibrationDto> {
    const own = principal.role !== 'admin';
    const answers = await this.reviewed(own ? principal.userId : null);
    const groups = new Map<string, { grader: string; model: string | null; promptVersion: string; rows: typeof answers }>();
    for (const a of answers) {
      const p = a.grade.provenance;
      const key = `${p.grader}|${p.model ?? ''}|${p.promptVersion}`;
      const g = groups.get(key) ?? { grader: p.grader, model: p.model, promptVersion: p.promptVersion, rows: [] };
      g.rows.push(a);
      groups.set(key, g);
    }
    return {
      scope: own ? 'own' : 'all',
      sessions: new Set(answers.map((a) => a.sessionId)).size,
      answers: answers.length,
      groups: [...groups.values()].map(({ rows, ...g }) => summarise(g, rows, this.dimensionTitles())),
    };
  }

  /** Every loaded role guide's dimension titles by id. */
  private dimensionTitles(): Map<string, string> {
    const titles = new Map<string, string>();
    for (const role of this.content.roles())
      for (const plan of Object.values(role.sessions)) for (const d of plan.dimensions) titles.set(d.id, d.title);
    return titles;
  }

  /** Coach-reviewed answers as eval items (`libs/grading/eval` format): the coach's corrected values are the labels. */
  async labels(coachId: string | null): Promise<EvalItem[]> {
    const answers = await this.reviewed(coachId);
    const items: EvalItem[] = [];
    for (const a of answers) {
      const [question, role] = await Promise.all([
        this.content.questionAt(a.questionId, a.questionVersion),
        this.content.roleAt(a.roleSlug, a.roleVersion),
      ]);
      const { corrected } = correctGrade(a.grade, a.turnId, a.latest, { role, question });
      items.push({
        id: `review-${a.turnId}`,
        questionId: a.questionId,
        answer: a.text,
        band: bandOf(corrected.overall),
        keyPoints: corrected.keyPoints.filter((k) => k.status === 'covered').map((k) => k.id),
        mistakes: corrected.mistakes.filter((m) => m.status === 'present').map((m) => m.id),
        tags: ['coach-reviewed', `grader:${a.grade.provenance.grader}`, `prompt:${a.grade.provenance.promptVersion.slice(0, 12)}`],
      });
    }
    return items.sort((x, y) => x.id.localeCompare(y.id));
  }

  /** The latest grade of every answer in a session whose review is complete (by this coach, or any for null). */
  private async reviewed(
    coachId: string | null,
  ): Promise<(Omit<ReviewedAnswerRow, 'grade'> & { grade: Grade; latest: Map<string, CorrectionRow> })[]> {
    const reviews = await this.reviews.completedReviews(coachId);
    const coachOf = new Map(reviews.map((r) => [r.sessionId, r.coachId]));
    const rows = (await this.sessions.gradedAnswers([...coachOf.keys()])).map((a) => ({ ...a, reviewCoachId: coachOf.get(a.sessionId) ?? null }));
    const corrections = await this.reviews.correctionsOf([...new Set(rows.map((r) => r.sessionId))]);
    const bySession = new Map<string, CorrectionRow[]>();
    for (const c of corrections) bySession.set(c.sessionId, [...(bySession.get(c.sessionId) ?? []), c]);
    return rows.map((r) => ({ ...r, latest: latestCorrections(bySession.get(r.sessionId) ?? []) }));
  }
}

function summarise(
  g: { grader: string; model: string | null; promptVersion: string },
  rows: { turnId: string; grade: Grade; latest: Map<string, CorrectionRow> }[],
  titles: ReadonlyMap<string, string> = new Map(),
): CalibrationGroup {
  const byDimension = new Map<string, [number, number][]>();
  const keyPoints: [string, string][] = [];
  for (const { turnId, grade, latest } of rows) {
    for (const d of grade.dimensions) {
      const coach = latest.get(correctionKey(turnId, 'dimension', d.id));
      byDimension.set(d.id, [...(byDimension.get(d.id) ?? []), [d.score, coach ? Number(coach.value) : d.score]]);
    }
    for (const k of grade.keyPoints) {
      const coach = latest.get(correctionKey(turnId, 'key_point', k.id));
      keyPoints.push([k.status, coach ? coach.value : k.status]);
    }
  }
  const dimensions = [...byDimension.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, pairs]) => ({ id, title: titles.get(id) ?? id, ...scoreAgreement(pairs) }));
  return {
    ...g,
    answers: rows.length,
    pooled: scoreAgreement([...byDimension.values()].flat()),
    dimensions,
    keyPoints: categoricalAgreement(keyPoints),
  };
}
