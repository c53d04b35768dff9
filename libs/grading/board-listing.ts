import { boardView, type DiagramFinding } from '#libs/diagram';
import type { BoardReading } from './board-reading.js';

/** Enough of a board to grade with; a bigger one is cut (the listing says so), as a prompt is not a database. */
const MAX_NODES = 60;
const MAX_EDGES = 80;
const MAX_NOTES = 10;
const MAX_TEXT = 120;

const clip = (text: string): string => {
  const folded = text.replace(/\s+/g, ' ').trim();
  return folded.length > MAX_TEXT ? `${folded.slice(0, MAX_TEXT - 1)}…` : folded;
};
const quoted = (text: string | null): string => (text ? ` "${clip(text).replace(/"/g, "'")}"` : '');

/**
 * The board as compact text for an LLM grader: components with their categories, arrows with their labels, notes,
 * and the structural findings the server computed, each line led by the element id the grader may cite. Every label
 * is the candidate's text: the caller puts the listing inside its untrusted-data tags, and elements the injection
 * screen flagged are left out (only counted).
 */
export function formatBoard(reading: BoardReading | null): string {
  if (!reading) return 'No board was drawn.';
  const view = boardView(reading.graph);
  if (view.nodes.length === 0 && view.notes.length === 0) return 'The board is empty.';
  const seen = new Set<string>();
  const edges = view.steps.filter((s) => !seen.has(s.edge.id) && seen.add(s.edge.id));
  const lines = [
    'Components (id [category] "label"):',
    ...view.nodes.slice(0, MAX_NODES).map((n) => `- ${n.id} [${n.category}]${quoted(n.label) || ' (no label)'}`),
    ...(view.nodes.length > MAX_NODES ? [`- … ${view.nodes.length - MAX_NODES} more components not listed`] : []),
    'Arrows (id: from -> to "label"):',
    ...(edges.length ? [] : ['- none']),
    ...edges.slice(0, MAX_EDGES).map(({ edge }) => `- ${edge.id}: ${edge.from} ${edge.bidirectional ? '<->' : '->'} ${edge.to}${quoted(edge.label)}`),
    ...(edges.length > MAX_EDGES ? [`- … ${edges.length - MAX_EDGES} more arrows not listed`] : []),
    ...(view.notes.length ? ['Notes:', ...view.notes.slice(0, MAX_NOTES).map((n) => `-${quoted(n)}`)] : []),
    ...findingLines(reading.evaluation.findings),
    ...(reading.flagged.size ? [`(${reading.flagged.size} element(s) left out: their text addresses the grader)`] : []),
  ];
  return lines.join('\n');
}

function findingLines(findings: readonly DiagramFinding[]): string[] {
  if (findings.length === 0) return [];
  // What each bears on, by rubric id: a finding naming a mistake makes that mistake present (the grade's code sets it).
  const about = (f: DiagramFinding) => [f.keyPoint && `key point ${f.keyPoint}`, f.mistake && `mistake ${f.mistake}`].filter(Boolean).join(', ');
  return [
    'Structural problems found by the server:',
    ...findings.map((f) => `- ${f.check} at ${f.elements.map((e) => e.id).join(', ')}${about(f) ? `; bears on ${about(f)}` : ''}`),
  ];
}
