import { fileURLToPath } from 'node:url';
import { type ContentBundle, loadContent, type LoadedQuestion, type LoadedRoleGuide } from '#libs/content';
import type { Grade } from '#libs/grading';
import { buildReport, type SessionReport } from '#libs/interview';
import { correctGrade } from './corrected-grade.js';
import { correctReport } from './corrected-report.js';
import { inline } from './markdown-text.js';
import { correctionKey, type CorrectionRow } from './review.types.js';
import { transcriptToMarkdown } from './transcript-markdown.js';
import type { TranscriptDto, TranscriptTurn } from './transcript.service.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe(transcriptToMarkdown.name, () => {
  let content: ContentBundle;
  let question: LoadedQuestion;
  let role: LoadedRoleGuide;
  const grade: Grade = {
    questionId: 'url-shortener',
    phaseId: 'deep-dive',
    keyPoints: [
      { id: 'cached-redirect-path', status: 'covered', evidence: ['Redis in front of DynamoDB keyed by code'] },
      { id: 'async-analytics', status: 'partial', evidence: ['clicks go to Kafka'] },
    ],
    mistakes: [],
    dimensions: [
      { id: 'data-model-storage', score: 3, reason: 'Keys the store by code and puts a cache in front of it.' },
      { id: 'scalability-reliability', score: 2, reason: 'Sends clicks to a queue but never says what happens when it is down.' },
    ],
    overall: 55,
    feedback: { strengths: ['Keyed the store by short code.'], improvements: ['Say what a redirect does while analytics is down.'], nextToStudy: [] },
    flags: [],
    provenance: {
      grader: 'rubric',
      model: null,
      rubricVersion: 'r'.repeat(64),
      promptVersion: 'p'.repeat(64),
      tokens: { prompt: 0, cached: 0, completion: 0 },
      latencyMs: 1,
    },
  };

  beforeAll(async () => {
    content = await loadContent({ rubricsDir: `${root}rubrics`, promptsDir: `${root}prompts` });
    question = content.questions.get('url-shortener')!;
    role = content.roles.get(question.role)!;
  });

  /** A three-turn transcript whose event sequence numbers have gaps, as they do in a real session. */
  function transcript(adjust: (report: SessionReport) => SessionReport = (r) => r): TranscriptDto {
    const turn = (n: number, seq: number, speaker: TranscriptTurn['speaker'], text: string): TranscriptTurn => ({
      turnId: `t${n}`,
      number: n,
      seq,
      phaseId: 'deep-dive',
      phaseTitle: 'Deep dive',
      speaker,
      text,
      at: '2026-01-01T10:00:00.000Z',
      annotations: [],
      disputes: [],
    });
    const ai = adjust(buildReport({ sessionId: 's1', mode: 'practice', question, role, grades: [grade], failedAnswers: 0 }));
    return {
      session: {
        id: 's1',
        candidateId: 'c1',
        questionId: question.id,
        questionTitle: question.title,
        questionKind: question.kind,
        questionVersion: question.version,
        mode: 'practice',
        status: 'ended',
        startedAt: '2026-01-01T10:00:00.000Z',
        endedAt: '2026-01-01T11:00:00.000Z',
        endReason: null,
      },
      turns: [
        {
          ...turn(1, 4, 'interviewer', 'How does a redirect find the long URL?'),
          reason: 'probe',
          keyPointId: 'cached-redirect-path',
          keyPointText: question.keyPoints.find((k) => k.id === 'cached-redirect-path')!.text,
        },
        {
          ...turn(2, 9, 'candidate', 'Redis in front of DynamoDB keyed by code; clicks go to Kafka.'),
          grading: { status: 'scored' },
          grade: correctGrade(grade, 't2', new Map(), { role, question }).view,
        },
        turn(3, 15, 'interviewer', 'Thanks.'),
      ],
      report: correctReport({ ai, question, role, correctedGrades: [grade], gradesChanged: false, failedAnswers: 0, latest: new Map() }),
      review: null,
      corrections: [],
      disputes: [],
    };
  }

  it('numbers the turns 1, 2, 3 by their place, not by their event sequence numbers', () => {
    const sut = transcriptToMarkdown(transcript());
    expect(sut.match(/^### \d+\. .*$/gm)).toEqual([
      '### 1. Interviewer · Deep dive · 2026-01-01T10:00:00.000Z',
      '### 2. Candidate · Deep dive · 2026-01-01T10:00:00.000Z',
      '### 3. Interviewer · Deep dive · 2026-01-01T10:00:00.000Z',
      ...[...sut.matchAll(/^(### \d+\. .*\((?:missed|partly covered)\))$/gm)].map((m) => m[1]), // the study plan's items
    ]);
  });

  it('labels the question, phases, dimensions and key points by their titles, never their ids', () => {
    const sut = transcriptToMarkdown(transcript());
    expect(sut.startsWith(`# Mock interview: ${inline(question.title)}\n`)).toBe(true);
    expect(sut).toContain(`| ${inline('Data model & storage')} | 3 |`);
    expect(sut).toContain(`| ${inline(question.keyPoints.find((k) => k.id === 'async-analytics')!.text)} | partly covered |`);
    const ids = [question.id, ...question.keyPoints.map((k) => k.id), ...question.phases.map((p) => p.id)];
    for (const id of ids) expect(sut).not.toContain(inline(id));
    for (const d of role.sessions['system-design'].dimensions) expect(sut).not.toContain(`| ${inline(d.id)} |`);
  });

  it("carries the graders' strengths and improvements, and each dimension's comment instead of its descriptor", () => {
    const sut = transcriptToMarkdown(transcript());
    expect(sut).toContain(`**Strengths**\n\n- ${inline('Keyed the store by short code.')}`);
    expect(sut).toContain(`**To improve**\n\n- ${inline('Say what a redirect does while analytics is down.')}`);
    expect(sut).toContain(`| ${inline(grade.dimensions[1]!.reason)} |`);
  });

  it('carries the study plan (explanation, references, practice prompt) and the model answer', () => {
    const sut = transcriptToMarkdown(transcript());
    const missed = question.keyPoints.find((k) => k.id === 'collision-free-id-generation')!;
    expect(sut).toContain('## Study plan');
    expect(sut).toContain(`. ${inline(missed.text)} (missed)`);
    expect(sut).toContain(inline(missed.explanation!));
    expect(sut).toContain(`- ${inline(missed.references![0]!.title)} — *${inline(missed.references![0]!.source)}*`);
    expect(sut).toContain(`**Practise:** ${inline(missed.practice!)}`);
    expect(sut.indexOf(inline(missed.text))).toBeLessThan(
      sut.indexOf(`${inline(question.keyPoints.find((k) => k.id === 'async-analytics')!.text)} (partly covered)`),
    );
    expect(sut).toContain('## Model answer');
    expect(sut).toContain(inline(question.referenceAnswer.split(/\n\s*\n/)[0]!.trim()));
  });

  describe('with a board that evidenced a key point', () => {
    const shown = {
      source: 'diagram' as const,
      elements: [
        { id: 'svc', kind: 'node' as const, label: 'Notification service', category: 'service' as const },
        { id: 'a1', kind: 'edge' as const, label: 'publish' },
        { id: 'kafka', kind: 'node' as const, label: 'Kafka', category: 'queue' as const },
        { id: 'a2', kind: 'edge' as const, label: null },
        { id: 'worker', kind: 'node' as const, label: 'Push | worker', category: 'worker' as const },
      ],
      text: 'Notification service → Kafka → Push | worker',
    };
    const withBoard: Grade = {
      ...grade,
      keyPoints: [
        { ...grade.keyPoints[0]!, diagramEvidence: [shown] },
        { ...grade.keyPoints[1]!, status: 'missed', evidence: [], diagramEvidence: [shown] },
      ],
    };
    const covered = () => inline(question.keyPoints.find((k) => k.id === 'cached-redirect-path')!.text);
    const missed = () => inline(question.keyPoints.find((k) => k.id === 'async-analytics')!.text);

    function boardTranscript(latest: ReadonlyMap<string, CorrectionRow> = new Map()): TranscriptDto {
      const base = transcript();
      const ai = buildReport({ sessionId: 's1', mode: 'practice', question, role, grades: [withBoard], failedAnswers: 0 });
      const turns = base.turns.map((t) => (t.turnId === 't2' ? { ...t, grade: correctGrade(withBoard, 't2', latest, { role, question }).view } : t));
      const corrected = correctGrade(withBoard, 't2', latest, { role, question });
      return {
        ...base,
        turns,
        report: correctReport({
          ai,
          question,
          role,
          correctedGrades: [corrected.corrected],
          gradesChanged: corrected.changed,
          failedAnswers: 0,
          latest,
        }),
      };
    }

    it("shows it beside the answer's quotes and in the report's key points, escaped, and never for a missed point", () => {
      const sut = transcriptToMarkdown(boardTranscript());
      const line = inline('from your board: Notification service → Kafka → Push | worker');
      expect(sut).toContain(`| ${covered()} | covered | “${inline('Redis in front of DynamoDB keyed by code')}”; ${line} |`);
      expect(sut).toContain(`| ${covered()} | covered — ${line} |`);
      expect(sut).toContain(`| ${missed()} | missed |  |`);
      expect(sut).toContain(`| ${missed()} | missed |\n`);
      expect(sut.split(line)).toHaveLength(3);
      expect(sut).not.toContain('Push | worker');
    });

    it("shows where the board showed a mistake in the report's mistakes, escaped", () => {
      const mistake = question.commonMistakes[0]!;
      const faulty: Grade = { ...withBoard, mistakes: [{ id: mistake.id, status: 'present', evidence: [], diagramEvidence: [shown] }] };
      const ai = buildReport({ sessionId: 's1', mode: 'practice', question, role, grades: [faulty], failedAnswers: 0 });
      const corrected = correctGrade(faulty, 't2', new Map(), { role, question });
      const report = correctReport({
        ai,
        question,
        role,
        correctedGrades: [corrected.corrected],
        gradesChanged: false,
        failedAnswers: 0,
        latest: new Map(),
      });
      const sut = transcriptToMarkdown({ ...transcript(), report });
      expect(sut).toContain(`- ${inline(mistake.text)} — ${inline('from your board: Notification service → Kafka → Push | worker')}\n`);
    });

    it('keeps the element ids and labels in the JSON view of the grade and the report', () => {
      const t = boardTranscript();
      expect(t.turns[1]!.grade!.keyPoints[0]!.ai.diagramEvidence).toEqual([shown]);
      expect(t.report!.ai.keyPoints.find((k) => k.id === 'cached-redirect-path')!.diagramEvidence).toEqual([shown]);
      expect(transcriptToMarkdown(transcript())).not.toContain('from your board');
    });

    it('drops it from a point a coach marked missed', () => {
      const row: CorrectionRow = {
        id: 'c1',
        sessionId: 's1',
        turnId: 't2',
        kind: 'key_point',
        itemId: 'cached-redirect-path',
        value: 'missed',
        reason: 'not said',
        version: 1,
        coachId: null,
        createdAt: new Date('2026-01-01T12:00:00Z'),
      };
      const sut = transcriptToMarkdown(boardTranscript(new Map([[correctionKey('t2', 'key_point', 'cached-redirect-path'), row]])));
      expect(sut).not.toContain('from your board');
    });
  });

  it('still exports a report stored before the study plan, model answer and dimension comments', () => {
    const old = transcript((r) => {
      const { studyPlan: _plan, modelAnswer: _model, questionTitle: _title, ...rest } = r;
      return { ...rest, dimensions: r.dimensions.map(({ comment: _comment, ...d }) => d) } as unknown as SessionReport;
    });
    const sut = transcriptToMarkdown(old);
    expect(sut).not.toContain('## Model answer');
    expect(sut).toContain('### What to study next');
    const descriptor = old.report!.ai.dimensions.find((d) => d.id === 'data-model-storage')!.descriptor!;
    expect(sut).toContain(`| ${inline(descriptor)} |`);
  });
});
