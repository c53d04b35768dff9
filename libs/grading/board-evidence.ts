import { boardView, type DiagramElementRef } from '#libs/diagram';
import type { BoardReading } from './board-reading.js';
import type { DiagramEvidenceGrade } from './diagram-evidence.schema.js';

/** Element refs by id: the board's nodes and arrows a grader may cite (flagged ones are not on it). */
function citable(reading: BoardReading | null): Map<string, DiagramElementRef & { from?: string; to?: string }> {
  const refs = new Map<string, DiagramElementRef & { from?: string; to?: string }>();
  if (!reading) return refs;
  const view = boardView(reading.graph);
  for (const n of view.nodes) refs.set(n.id, { id: n.id, kind: 'node', label: n.label, category: n.category });
  for (const s of view.steps)
    refs.set(s.edge.id, { id: s.edge.id, kind: 'edge', label: s.edge.label, from: s.from.label ?? s.from.id, to: s.to.label ?? s.to.id });
  return refs;
}

/**
 * Board evidence from element ids an LLM grader cited: the ids on the board become refs with the board's own
 * labels (never the model's words), the rest are dropped. Null when none is on the board.
 */
export function boardEvidenceFromIds(ids: readonly string[], reading: BoardReading | null): DiagramEvidenceGrade | null {
  const refs = citable(reading);
  const found = [...new Set(ids)].flatMap((id) => {
    const ref = refs.get(id);
    return ref ? [ref] : [];
  });
  if (found.length === 0) return null;
  const text = found.map((r) => (r.kind === 'edge' ? `${r.from} → ${r.to}${r.label ? ` (${r.label})` : ''}` : (r.label ?? r.id))).join(', ');
  return { source: 'diagram', elements: found.map(({ from: _f, to: _t, ...ref }) => ref), text };
}

/**
 * Keeps the board evidence whose elements are on the board (by id, not flagged), with the board's labels; an item
 * left with no element is dropped. What a grade says the board showed, the board must show.
 */
export function verifyBoardEvidence(
  evidence: readonly DiagramEvidenceGrade[] | undefined,
  reading: BoardReading | null,
): { kept: DiagramEvidenceGrade[]; dropped: number } {
  const refs = citable(reading);
  const kept: DiagramEvidenceGrade[] = [];
  let dropped = 0;
  for (const item of evidence ?? []) {
    const elements = item.elements.flatMap((e) => {
      const ref = refs.get(e.id);
      return ref && ref.kind === e.kind ? [{ ...e, label: ref.label }] : [];
    });
    if (elements.length === 0) dropped++;
    else kept.push({ ...item, elements });
  }
  return { kept, dropped };
}
