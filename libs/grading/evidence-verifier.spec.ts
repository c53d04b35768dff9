import type { Grade } from './grade.schema.js';
import { verifyEvidence } from './evidence-verifier.js';

const ANSWER = 'We   pull metrics with Prometheus,\nbecause the up metric shows dead targets.\nLogs go through Kаfka (Cyrillic а here).';

function gradeWith(keyPoints: Grade['keyPoints'], mistakes: Grade['mistakes'] = []): Grade {
  return {
    questionId: 'q',
    phaseId: 'p',
    keyPoints,
    mistakes,
    dimensions: [],
    overall: 50,
    feedback: { strengths: [], improvements: [], nextToStudy: [] },
    flags: [],
    provenance: {
      grader: 'openai',
      model: 'm',
      rubricVersion: 'r',
      promptVersion: 'p',
      tokens: { prompt: 1, cached: 0, completion: 1 },
      latencyMs: 1,
    },
  };
}

describe(verifyEvidence.name, () => {
  it('keeps verbatim quotes untouched', () => {
    const sut = verifyEvidence(gradeWith([{ id: 'a', status: 'covered', evidence: ['pull metrics with Prometheus'] }]), ANSWER);
    expect(sut.repairs).toEqual([]);
    expect(sut.grade.keyPoints[0]?.evidence).toEqual(['pull metrics with Prometheus']);
    expect(sut.verified).toBe(1);
    expect(sut.grade.flags).toEqual([]);
  });

  it('relocates a quote that differs in whitespace, case, quotes or look-alike letters to the exact original', () => {
    const sut = verifyEvidence(
      gradeWith([{ id: 'a', status: 'covered', evidence: ['"we pull metrics with prometheus, because the up metric"', 'Logs go through Kafka'] }]),
      ANSWER,
    );
    expect(sut.grade.keyPoints[0]?.evidence).toEqual(['We   pull metrics with Prometheus,\nbecause the up metric', 'Logs go through Kаfka']);
    for (const quote of sut.grade.keyPoints[0]?.evidence ?? []) expect(ANSWER).toContain(quote);
    expect(sut.repairs.map((r) => r.action)).toEqual(['relocated', 'relocated']);
  });

  it('drops invented quotes and downgrades a covered point left without evidence', () => {
    const sut = verifyEvidence(gradeWith([{ id: 'a', status: 'covered', evidence: ['we use tail-based sampling to cut cost'] }]), ANSWER);
    expect(sut.grade.keyPoints[0]).toEqual({ id: 'a', status: 'missed', evidence: [] });
    expect(sut.invented).toBe(1);
    expect(sut.repairs.map((r) => `${r.path} ${r.action}`)).toEqual(['keyPoints[0].evidence[0] dropped', 'keyPoints[0].status downgraded']);
    expect(sut.grade.flags).toEqual(['low_confidence']);
  });

  it('downgrades a covered point that never had a quote to partial', () => {
    const sut = verifyEvidence(gradeWith([{ id: 'a', status: 'covered', evidence: [] }]), ANSWER);
    expect(sut.grade.keyPoints[0]?.status).toBe('partial');
    expect(sut.grade.flags).toEqual([]);
  });

  it('clears a mistake whose only quote was invented but keeps an absent-topic mistake', () => {
    const sut = verifyEvidence(
      gradeWith(
        [],
        [
          { id: 'wrong', status: 'present', evidence: ['we store counters in MySQL'] },
          { id: 'absent-topic', status: 'present', evidence: [] },
        ],
      ),
      ANSWER,
    );
    expect(sut.grade.mistakes.map((m) => m.status)).toEqual(['absent', 'present']);
  });

  it('accepts quotes from any of the candidate texts', () => {
    const sut = verifyEvidence(gradeWith([{ id: 'a', status: 'covered', evidence: ['earlier turn text'] }]), [ANSWER, 'an earlier turn text here']);
    expect(sut.grade.keyPoints[0]?.evidence).toEqual(['earlier turn text']);
  });
});
