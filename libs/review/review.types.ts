export type CorrectionKind = 'dimension' | 'key_point';

/** One version of a coach's correction. turnId null = the session report. Rows are never updated. */
export interface CorrectionRow {
  id: string;
  sessionId: string;
  turnId: string | null;
  kind: CorrectionKind;
  itemId: string;
  value: string;
  version: number;
  reason: string;
  coachId: string | null;
  createdAt: Date;
}

export interface AnnotationRow {
  id: string;
  sessionId: string;
  turnId: string;
  coachId: string | null;
  comment: string;
  createdAt: Date;
}

export interface DisputeRow {
  id: string;
  sessionId: string;
  turnId: string | null;
  candidateId: string;
  comment: string;
  createdAt: Date;
  resolvedAt: Date | null;
}

export interface ReviewRow {
  sessionId: string;
  coachId: string | null;
  completedAt: Date;
}

/** Who changed a value, when, why, and which version of the item this is. */
export interface CorrectionStamp {
  version: number;
  reason: string;
  coachId: string | null;
  at: string;
}

export interface CorrectionDto extends CorrectionStamp {
  id: string;
  turnId: string | null;
  kind: CorrectionKind;
  itemId: string;
  value: string;
}

export function toCorrectionDto(c: CorrectionRow): CorrectionDto {
  return {
    id: c.id,
    turnId: c.turnId,
    kind: c.kind,
    itemId: c.itemId,
    value: c.value,
    version: c.version,
    reason: c.reason,
    coachId: c.coachId,
    at: c.createdAt.toISOString(),
  };
}

export function stampOf(c: CorrectionRow): CorrectionStamp {
  return { version: c.version, reason: c.reason, coachId: c.coachId, at: c.createdAt.toISOString() };
}

/** The latest version of each corrected item, keyed `turn|kind|item` (turn `report` for the report). */
export function latestCorrections(rows: readonly CorrectionRow[]): Map<string, CorrectionRow> {
  const latest = new Map<string, CorrectionRow>();
  for (const row of rows) {
    const key = correctionKey(row.turnId, row.kind, row.itemId);
    const seen = latest.get(key);
    if (!seen || seen.version < row.version) latest.set(key, row);
  }
  return latest;
}

export function correctionKey(turnId: string | null, kind: CorrectionKind, itemId: string): string {
  return `${turnId ?? 'report'}|${kind}|${itemId}`;
}
