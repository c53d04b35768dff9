import { Injectable } from '@nestjs/common';
import type { Principal } from '#libs/auth';
import { SessionRecordsService, SessionsRepository, type StoredReport } from '#libs/interview';
import { ReviewRepository } from './review.repository.js';
import { TranscriptService } from './transcript.service.js';

export interface ProgressDto {
  sessions: {
    sessionId: string;
    questionId: string;
    mode: string;
    startedAt: string;
    endedAt: string;
    overall: number | null;
    /** False when the session assessed too little of the plan: shown with that caveat, left out of the trends. */
    complete: boolean;
    /** True when a coach corrected this session: the scores shown are the coach's. */
    corrected: boolean;
    dimensions: Record<string, number | null>;
  }[];
  /** Per dimension, one point per complete session that scored it, oldest first: ready for a line chart. */
  series: Record<string, { sessionId: string; at: string; score: number }[]>;
  /** Each dimension's title by id, as the reports name them (for the charts' labels). */
  dimensionTitles: Record<string, string>;
  overallSeries: { sessionId: string; at: string; overall: number }[];
  /** Key points missed most often across my sessions. */
  mostMissed: { questionId: string; keyPointId: string; text: string; missed: number; of: number }[];
  /** Consecutive UTC days with a finished session: the current run (ending today or yesterday) and the longest. */
  streak: { current: number; longest: number; lastDay: string | null };
}

const DAY_MS = 86_400_000;

@Injectable()
export class ProgressService {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly sessions: SessionsRepository,
    private readonly records: SessionRecordsService,
    private readonly transcripts: TranscriptService,
  ) {}

  async progress(principal: Principal, now = new Date()): Promise<ProgressDto> {
    const rows = await this.records.reportedSessions(principal.userId);
    const corrected = new Set((await this.reviews.correctionsOf(rows.map((r) => r.sessionId))).map((c) => c.sessionId));
    const sessions: ProgressDto['sessions'] = [];
    const reports: StoredReport[] = [];
    for (const row of rows) {
      let report: StoredReport = row.report;
      if (corrected.has(row.sessionId)) {
        const session = await this.sessions.find(row.sessionId);
        const view = session ? (await this.transcripts.build(session)).report : null;
        report = view?.corrected ?? report;
      }
      reports.push(report);
      sessions.push({
        sessionId: row.sessionId,
        questionId: row.questionId,
        mode: row.mode,
        startedAt: row.startedAt.toISOString(),
        endedAt: row.endedAt.toISOString(),
        overall: report.overall,
        complete: report.complete !== false,
        corrected: corrected.has(row.sessionId),
        dimensions: Object.fromEntries(report.dimensions.map((d) => [d.id, d.score])),
      });
    }
    return {
      sessions,
      ...trendsOf(sessions),
      dimensionTitles: Object.fromEntries(reports.flatMap((r) => r.dimensions.map((d) => [d.id, d.title] as const))),
      mostMissed: mostMissed(reports),
      streak: streakOf(
        sessions.map((s) => s.endedAt),
        now,
      ),
    };
  }
}

/** The charts' series: complete sessions only (an interview ended after one answer says little about a trend). */
export function trendsOf(sessions: ProgressDto['sessions']): Pick<ProgressDto, 'series' | 'overallSeries'> {
  const counted = sessions.filter((s) => s.complete);
  const series: ProgressDto['series'] = {};
  for (const s of counted) {
    for (const [id, score] of Object.entries(s.dimensions))
      if (score !== null) (series[id] ??= []).push({ sessionId: s.sessionId, at: s.endedAt, score });
  }
  const overallSeries = counted
    .filter((s) => s.overall !== null)
    .map((s) => ({ sessionId: s.sessionId, at: s.endedAt, overall: s.overall as number }));
  return { series, overallSeries };
}

export function mostMissed(reports: readonly StoredReport[], limit = 10): ProgressDto['mostMissed'] {
  const counts = new Map<string, ProgressDto['mostMissed'][number]>();
  for (const r of reports) {
    for (const k of r.keyPoints) {
      const key = `${r.questionId}|${k.id}`;
      const c = counts.get(key) ?? { questionId: r.questionId, keyPointId: k.id, text: k.text, missed: 0, of: 0 };
      c.of += 1;
      if (k.status === 'missed') c.missed += 1;
      counts.set(key, c);
    }
  }
  return [...counts.values()]
    .filter((c) => c.missed > 0)
    .sort((a, b) => b.missed - a.missed || b.missed / b.of - a.missed / a.of || a.keyPointId.localeCompare(b.keyPointId))
    .slice(0, limit);
}

export function streakOf(isoTimes: readonly string[], now: Date): ProgressDto['streak'] {
  const days = [...new Set(isoTimes.map((t) => Math.floor(Date.parse(t) / DAY_MS)))].sort((a, b) => a - b);
  if (days.length === 0) return { current: 0, longest: 0, lastDay: null };
  let longest = 1;
  let run = 1;
  for (let i = 1; i < days.length; i++) {
    run = days[i] === days[i - 1]! + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  const last = days[days.length - 1]!;
  const today = Math.floor(now.getTime() / DAY_MS);
  return { current: today - last <= 1 ? run : 0, longest, lastDay: new Date(last * DAY_MS).toISOString().slice(0, 10) };
}
