import { toComponentGraph, type ComponentGraph } from '#libs/diagram';
import { detectInjection, type InjectionKind } from '#libs/grading';
import type { DiagramScene } from '#libs/protocol';

/**
 * The component graph stored with a snapshot. Labels are untrusted text, like answers: each label, edge label,
 * note and boundary title goes through the injection screen, and `flagged` names the elements whose text addresses
 * the grader, so a grader reading the graph leaves them out as it leaves out such passages of an answer.
 */
export interface StoredDiagramGraph extends ComponentGraph {
  flagged: { elementId: string; kinds: InjectionKind[] }[];
}

export function storedGraph(scene: DiagramScene): StoredDiagramGraph {
  const graph = toComponentGraph(scene);
  const texts: [string, string | null][] = [
    ...graph.nodes.map((n) => [n.id, n.label] as [string, string | null]),
    ...graph.edges.map((e) => [e.id, e.label] as [string, string | null]),
    ...graph.looseArrows.map((a) => [a.id, a.label] as [string, string | null]),
    ...graph.notes.map((n) => [n.id, n.text] as [string, string | null]),
    ...graph.boundaries.map((b) => [b.id, b.label] as [string, string | null]),
  ];
  const flagged: StoredDiagramGraph['flagged'] = [];
  for (const [elementId, text] of texts) {
    if (!text) continue;
    const report = detectInjection(text);
    if (report.suspected) flagged.push({ elementId, kinds: [...new Set(report.findings.map((f) => f.kind))] });
  }
  return { ...graph, flagged };
}
