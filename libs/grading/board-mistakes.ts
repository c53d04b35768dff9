import type { BoardReading } from './board-reading.js';
import type { DiagramEvidenceGrade } from './diagram-evidence.schema.js';

/** Places shown per mistake: enough to find them on the board, as for a key point. */
const MAX_EVIDENCE = 3;

/**
 * The mistakes the board shows (rubrics/README.md, "Diagrams"): a structural finding whose check names a mistake
 * (`mistake: <id>`) makes that mistake present once it is due, whatever the words say. Evidence is the finding's
 * elements (the two nodes and the arrow between them, with the board's labels), never a quote.
 */
export function boardMistakes(reading: BoardReading | null, due: ReadonlySet<string>): Map<string, DiagramEvidenceGrade[]> {
  const shown = new Map<string, DiagramEvidenceGrade[]>();
  for (const f of reading?.evaluation.findings ?? []) {
    if (!f.mistake || !due.has(f.mistake)) continue;
    const list = shown.get(f.mistake) ?? [];
    if (list.length >= MAX_EVIDENCE || list.some((e) => e.text === f.text)) continue;
    list.push({ source: 'diagram', elements: f.elements.map((e) => ({ ...e })), text: f.text });
    shown.set(f.mistake, list);
  }
  return shown;
}
