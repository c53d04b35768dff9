import type { InjectionFinding } from './injection-detector.js';
import type { FoldedText } from './text-normaliser.js';

/**
 * Instructions to the grader that the English keyword patterns cannot see: paraphrases, other languages, and
 * text disguised as leetspeak, spaced-out letters or base64. Each disguise is undone and the plain detector
 * (`detect`, run once more on the recovered text, never recursively) decides; a finding covers the disguised span.
 */
export function findDisguised(folded: FoldedText, detect: (text: string) => boolean): InjectionFinding[] {
  const out: InjectionFinding[] = [];
  const text = folded.text;
  const push = (from: number, to: number) => out.push({ kind: 'instruction', start: folded.sourceStart(from), end: folded.sourceEnd(to - 1) });
  for (const m of text.matchAll(ADDRESSED)) push(m.index, m.index + m[0].length);
  // Leetspeak: digits and symbols read as the letters they imitate, character for character (offsets hold).
  if (LEET_HINT.test(text)) {
    const plain = text.replace(/[013457@$]/g, (c) => LEET[c] ?? c);
    if (plain !== text)
      for (const m of plain.matchAll(SENTENCE))
        if (detect(m[0]) && !detect(text.slice(m.index, m.index + m[0].length))) push(m.index, m.index + m[0].length);
  }
  // Spaced letters: "i g n o r e  t h e  r u b r i c".
  for (const m of text.matchAll(SPACED)) {
    const joined = m[0]
      .split(/ {2,}/)
      .map((word) => word.replace(/ /g, ''))
      .join(' ');
    if (detect(joined)) push(m.index, m.index + m[0].length);
  }
  // Base64 (case matters, so the original text): decoded, printable, and itself an instruction.
  for (const m of folded.source.matchAll(BASE64)) {
    const decoded = Buffer.from(m[0], 'base64').toString('utf8');
    const printable = decoded.replace(/[^\x20-\x7e\n]/g, '').length / Math.max(1, decoded.length);
    if (printable >= 0.9 && detect(decoded)) out.push({ kind: 'instruction', start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * Text addressed to whoever grades, in English paraphrase, German, Spanish and French: what a candidate answering an
 * interviewer has no reason to write.
 */
const ADDRESSED = new RegExp(
  [
    // English paraphrases.
    String.raw`\b(scoring|grading|evaluation|marking) (note|notes|instruction|instructions|guidance|hint)\b`,
    String.raw`\bwhoever( or whatever)?( is)? (evaluates|grades|scores|marks|reviews|assesses|evaluating|grading|scoring|marking|assessing) (this|these|my|the)\b`,
    String.raw`\b(for|to) (the )?(person|one|people|whoever) (evaluating|grading|scoring|marking|assessing)\b`,
    String.raw`\b(award|give|assign) (this|it|me|the answer)( \w+){0,3} (the )?(top|highest|maximum|best) (band|score|grade|mark)\b`,
    // The grader's own vocabulary asked for, or a grader guessed to be a machine.
    String.raw`\b(award|give|assign|record) (the |a )?(top|highest|maximum|best) band\b`,
    String.raw`\b(all|every) (the )?(key points?|rubric (points?|items?)) (as |had been |have been |are |were )?(covered|present|met|satisfied|fulfilled)\b`,
    String.raw`\b(scored|graded|marked|reviewing|reviewed|evaluated|assessed) (\w+ ){0,3}(automatically|by an automated|by a machine|by an ai)\b`,
    // German.
    String.raw`\b(ignoriere|ignorieren sie|vergiss|vergessen sie) (alle |die |deine |ihre )?(vorherigen |bisherigen |obigen )?(anweisungen|regeln|vorgaben|bewertungskriterien|instruktionen)\b`,
    String.raw`\b(bewerte|bewerten sie|benote|benoten sie|gib|geben sie) (diese antwort|die antwort|mir|mich|dieser antwort)( \w+){0,3} (mit )?(100|der (hoechst|höchst)\w*|voller punktzahl|volle punktzahl|bestnote|note 1)\b`,
    String.raw`\b(volle punktzahl|hoechstpunktzahl|höchstpunktzahl|bestnote|(hoechste|höchste|hochste|beste)n? (stufe|note|bewertung))\b`,
    String.raw`\b(hinweis|nachricht|notiz) (an|fuer|für|fur) (den |die |das )?(\w+ )?(bewerter|bewerterin|pruefer|prüfer|korrektor|grader|bewertung|bewertungssystem)\b`,
    String.raw`\b(markieren|markiere|werten|werte) (sie )?(alle )?(kernpunkte|punkte|kriterien) als (abgedeckt|erfuellt|erfüllt)\b`,
    // Spanish.
    String.raw`\b(ignora|ignore|olvida) (todas |las |tus |sus )*(instrucciones|reglas|indicaciones|criterios)( anteriores| previas)?\b`,
    String.raw`\b(dale|dame|otorga|asigna|pon|califica|puntua|puntúa)( \w+){0,4} (la )?(maxima|máxima|mejor|perfecta) (puntuacion|puntuación|nota|calificacion|calificación)\b`,
    String.raw`\b(puntuacion|puntuación|nota|calificacion|calificación) (maxima|máxima|perfecta)\b`,
    String.raw`\b(nota|mensaje) (para|al) (el |la )?(evaluador|evaluadora|corrector|calificador|sistema de evaluacion|sistema de evaluación)\b`,
    String.raw`\b(asigne|asigna|otorgue|otorga|ponga|pon) (la )?banda [0-9]\b`,
    // French.
    String.raw`\b(ignorez|ignore|oubliez|oublie) (toutes |tous |les |vos |tes )*(instructions|consignes|regles|criteres)( precedentes)?\b`,
    String.raw`\b(remarque|note|message) (pour|a|au) (l'|le |la )?(evaluateur|evaluatrice|correcteur|correctrice|examinateur|systeme d'evaluation|systeme de notation)\b`,
    String.raw`\b(attribuez|attribue|donnez|donne|accordez|mettez)( \w+){0,4} (la )?(note|bande) (maximale|parfaite|4)\b`,
    String.raw`\b(cochez|marquez|validez) (tous|toutes) les (points cles|points|criteres)\b`,
  ].join('|'),
  'g',
);

const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
/** A digit or symbol inside a word ("1gn0re", "rubr1c"): the only text worth a leetspeak reading. */
const LEET_HINT = /[a-z][013457@$][a-z]|\b[013457@$][a-z]{2,}/;
/** Sentences (or lines) of the folded text. */
const SENTENCE = /[^.!?\n]+[.!?]?/g;
/** Five or more single letters, one space apart, words two or more spaces apart. */
const SPACED = /\b(?:[a-z0-9] {1,3}){5,}[a-z0-9]\b/g;
/** A base64 run long enough to hold an instruction. */
const BASE64 = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{20,}={0,2}(?![A-Za-z0-9+/=])/g;
