import type { InterviewerDelta, ServerEvent, SessionStateDto } from '../protocol.js';
import {
  applyDelta,
  applyEvent,
  applyJoin,
  draftReplies,
  dropIdleDrafts,
  humanize,
  initialLiveState,
  keyPointCoverage,
  type LiveState,
  runningRuns,
} from './session-state.js';

const S = 'session-1';
const phase = { id: 'p1', title: 'Requirements', index: 0, count: 2 };
const state: SessionStateDto = {
  id: S,
  questionId: 'q',
  mode: 'practice',
  status: 'active',
  phase,
  phaseEndsAt: '2026-01-01T10:10:00.000Z',
  phases: [
    { id: 'p1', title: 'Requirements', minutes: 10 },
    { id: 'p2', title: 'Design', minutes: 10 },
  ],
  lastSeq: 2,
  startedAt: '2026-01-01T10:00:00.000Z',
  endedAt: null,
};
const at = '2026-01-01T10:00:00.000Z';
type Draft<E = ServerEvent> = E extends ServerEvent ? Omit<E, 'sessionId' | 'at'> : never;
const ev = (e: Draft): ServerEvent => ({ sessionId: S, at, ...e }) as ServerEvent;
const grade = (kps: [string, 'covered' | 'partial' | 'missed'][]) => ({
  questionId: 'q',
  phaseId: 'p1',
  provenance: {
    grader: 'rubric' as const,
    model: null,
    rubricVersion: 'r',
    promptVersion: 'p',
    tokens: { prompt: 0, cached: 0, completion: 0 },
    latencyMs: 1,
  },
  keyPoints: kps.map(([id, status]) => ({ id, status, evidence: [] })),
  mistakes: [],
  dimensions: [],
  overall: 50,
  feedback: { strengths: [], improvements: [], nextToStudy: [] },
  flags: [],
});

describe(applyEvent.name, () => {
  const joined = applyJoin(initialLiveState(S), {
    state,
    events: [
      ev({ seq: 1, type: 'phase:changed', phase, endsAt: state.phaseEndsAt }),
      ev({ seq: 2, type: 'interviewer:message', turnId: 't0', text: 'Hi', reason: 'opening' }),
    ],
  });

  it('builds the timeline from the join and follows an answer from queued to scored', () => {
    let s = applyEvent(joined, ev({ seq: 3, type: 'answer:accepted', turnId: 't1', clientId: 'c1', phaseId: 'p1', text: '<b>mine</b>' }));
    s = applyEvent(s, ev({ seq: 4, type: 'grade:status', turnId: 't1', status: 'grading' }));
    expect(s.items[1]).toMatchObject({ kind: 'answer', clientId: 'c1', status: 'grading', text: '<b>mine</b>' });
    s = applyEvent(s, ev({ seq: 5, type: 'grade:scored', turnId: 't1', grade: grade([['a', 'covered']]) }));
    expect(s.items[1]).toMatchObject({ status: 'scored', grade: { overall: 50 } });
    expect(s.lastSeq).toBe(5);
  });

  it('ignores an event it has already applied (a replay after resume changes nothing)', () => {
    const s = applyEvent(joined, ev({ seq: 3, type: 'answer:accepted', turnId: 't1', clientId: 'c1', phaseId: 'p1', text: 'x' }));
    expect(applyEvent(s, ev({ seq: 3, type: 'answer:accepted', turnId: 't1', clientId: 'c1', phaseId: 'p1', text: 'x' }))).toBe(s);
    expect(applyEvent(s, ev({ seq: 2, type: 'interviewer:message', turnId: 't0', text: 'Hi', reason: 'opening' }))).toBe(s);
  });

  it('shows a failed grade as failed with its code, and a retry puts it back in the queue', () => {
    let s = applyEvent(joined, ev({ seq: 3, type: 'answer:accepted', turnId: 't1', clientId: 'c1', phaseId: 'p1', text: 'x' }));
    s = applyEvent(s, ev({ seq: 4, type: 'grade:failed', turnId: 't1', code: 'GRADER_UNAVAILABLE' }));
    expect(s.items[1]).toMatchObject({ status: 'failed', failureCode: 'GRADER_UNAVAILABLE' });
    expect(s.items[1]).not.toHaveProperty('grade');
    s = applyEvent(s, ev({ seq: 5, type: 'grade:status', turnId: 't1', status: 'queued' }));
    expect(s.items[1]).toMatchObject({ status: 'queued', failureCode: undefined });
  });

  it('shows the board of a join’s latest snapshot: the earlier ones come without their scene and the seq still moves', () => {
    const scene = (label: string) => ({ type: 'excalidraw', version: 2, elements: [{ id: label, type: 'rectangle' }], appState: {} });
    const snapshot = (seq: number, withScene: boolean) =>
      ev({
        seq,
        type: 'diagram:updated',
        snapshotId: `d${seq}`,
        clientId: `c${seq}`,
        phaseId: 'p1',
        ...(withScene ? { scene: scene(`b${seq}`) } : {}),
      } as Draft);
    const s = applyJoin(joined, {
      state: { ...state, lastSeq: 6 },
      events: [snapshot(3, false), snapshot(4, false), snapshot(5, true), snapshot(6, false)],
    });
    expect(s.diagram).toEqual({ seq: 5, snapshotId: 'd5', clientId: 'c5', scene: scene('b5') });
    expect(s.lastSeq).toBe(6);
  });

  it('moves the phase and ends the session', () => {
    let s = applyEvent(joined, ev({ seq: 3, type: 'phase:changed', phase: { ...phase, id: 'p2', index: 1 }, endsAt: '2026-01-01T10:20:00.000Z' }));
    expect(s.phase?.index).toBe(1);
    s = applyEvent(s, ev({ seq: 4, type: 'session:ended', reason: 'clock' }));
    expect(s).toMatchObject({ status: 'ended', endedReason: 'clock' });
  });
});

describe(keyPointCoverage.name, () => {
  it('keeps the best status each key point reached', () => {
    let s = applyJoin(initialLiveState(S), { state, events: [] });
    s = applyEvent(s, ev({ seq: 3, type: 'answer:accepted', turnId: 't1', clientId: 'c1', phaseId: 'p1', text: 'x' }));
    s = applyEvent(
      s,
      ev({
        seq: 4,
        type: 'grade:scored',
        turnId: 't1',
        grade: grade([
          ['a', 'covered'],
          ['b', 'missed'],
        ]),
      }),
    );
    s = applyEvent(s, ev({ seq: 5, type: 'answer:accepted', turnId: 't2', clientId: 'c2', phaseId: 'p1', text: 'y' }));
    s = applyEvent(
      s,
      ev({
        seq: 6,
        type: 'grade:scored',
        turnId: 't2',
        grade: grade([
          ['a', 'missed'],
          ['b', 'partial'],
        ]),
      }),
    );
    expect(keyPointCoverage(s.items)).toEqual([
      { id: 'a', status: 'covered', board: [] },
      { id: 'b', status: 'partial', board: [] },
    ]);
  });

  it('carries what the board showed for a point, from the grades that reached its best status, each line once', () => {
    const shown = (text: string) => ({ source: 'diagram' as const, elements: [{ id: 'n1', kind: 'node' as const, label: text }], text });
    const withBoard = (status: 'covered' | 'partial', lines: string[]) => {
      const g = grade([['a', status]]);
      return { ...g, keyPoints: g.keyPoints.map((k) => ({ ...k, diagramEvidence: lines.map(shown) })) };
    };
    let s = applyJoin(initialLiveState(S), { state, events: [] });
    const answered = (seq: number, turnId: string, g: ReturnType<typeof withBoard>) => {
      s = applyEvent(s, ev({ seq, type: 'answer:accepted', turnId, clientId: turnId, phaseId: 'p1', text: 'x' }));
      s = applyEvent(s, ev({ seq: seq + 1, type: 'grade:scored', turnId, grade: g }));
    };
    answered(3, 't1', withBoard('partial', ['Client → Postgres']));
    answered(5, 't2', withBoard('covered', ['Notification service → Kafka → Push worker']));
    answered(7, 't3', withBoard('covered', ['Notification service → Kafka → Push worker', 'Kafka (queue)']));
    expect(keyPointCoverage(s.items)).toEqual([
      { id: 'a', status: 'covered', board: ['Notification service → Kafka → Push worker', 'Kafka (queue)'] },
    ]);
  });

  it('labels each point with the text its grade event carried, so no id shows before the transcript arrives', () => {
    const text = 'Separates functional from non-functional requirements';
    const accepted = ev({ seq: 3, type: 'answer:accepted', turnId: 't1', clientId: 'c1', phaseId: 'p1', text: 'x' });
    const joined = applyJoin(initialLiveState(S), { state, events: [accepted] });
    const scored = applyEvent(
      joined,
      ev({ seq: 4, type: 'grade:scored', turnId: 't1', grade: grade([['a', 'covered']]), keyPointTexts: { a: text } }),
    );
    expect(keyPointCoverage(scored.items)).toEqual([{ id: 'a', status: 'covered', board: [], text }]);
  });

  it('humanizes ids', () => expect(humanize('chat-semantics')).toBe('Chat semantics'));
});

describe('code:result', () => {
  const joined = applyJoin(initialLiveState(S), { state, events: [] });
  const result = (seq: number, runId: string, status: 'PASSED' | 'FAILED' = 'FAILED') =>
    ev({
      seq,
      type: 'code:result',
      runId,
      kind: 'run',
      status,
      tests: [
        {
          name: 'classic sequence',
          hidden: false,
          passed: status === 'PASSED',
          expected: [1],
          actual: ['<img src=x>'],
          stdout: '<b>out</b>',
          timeMs: 3,
        },
      ],
      visible: { passed: status === 'PASSED' ? 1 : 0, total: 1 },
      hidden: { passed: 0, total: 0 },
    });

  it('keeps every run result in order, as the server sent it', () => {
    let s = applyEvent(joined, result(3, 'r1'));
    s = applyEvent(s, result(4, 'r2', 'PASSED'));
    expect(s.codeResults.map((r) => [r.seq, r.runId, r.status])).toEqual([
      [3, 'r1', 'FAILED'],
      [4, 'r2', 'PASSED'],
    ]);
    expect(s.codeResults[0]).toMatchObject({ tests: [{ actual: ['<img src=x>'], stdout: '<b>out</b>' }] });
    expect(s.codeResults[0]).not.toHaveProperty('sessionId');
  });

  it('does not double a result when a resume replays it (same seq) or a run is reported twice', () => {
    const s = applyEvent(joined, result(3, 'r1'));
    expect(applyEvent(s, result(3, 'r1'))).toBe(s);
    const again = applyEvent(s, result(4, 'r1'));
    expect(again.codeResults).toHaveLength(1);
    expect(again.lastSeq).toBe(4);
  });

  it('shows a run as running until its result arrives', () => {
    const s = applyEvent(joined, result(3, 'r1'));
    const accepted = [
      { runId: 'r1', kind: 'run' as const },
      { runId: 'r2', kind: 'submit' as const },
    ];
    expect(runningRuns(accepted, s.codeResults)).toEqual([{ runId: 'r2', kind: 'submit' }]);
    expect(runningRuns(accepted, applyEvent(s, result(4, 'r2')).codeResults)).toEqual([]);
  });
});

describe('candidate turns: how the server read them', () => {
  const joined = applyJoin(initialLiveState(S), { state, events: [] });
  const accepted = (seq: number, turnId: string, extra: Record<string, unknown> = {}) =>
    ev({ seq, type: 'answer:accepted', turnId, clientId: `c-${turnId}`, phaseId: 'p1', text: 'x', ...extra } as Draft);

  it('shows a question as not graded: no status, and nothing waits for a grade', () => {
    const s = applyEvent(joined, accepted(3, 't1', { kind: 'question', graded: false }));
    expect(s.items[0]).toMatchObject({ kind: 'answer', turnKind: 'question', graded: false, status: null });
  });

  it('follows a graded kind (dont-know) through grading like an answer', () => {
    let s = applyEvent(joined, accepted(3, 't1', { kind: 'dont-know', graded: true }));
    expect(s.items[0]).toMatchObject({ turnKind: 'dont-know', graded: true, status: 'queued' });
    s = applyEvent(s, ev({ seq: 4, type: 'grade:scored', turnId: 't1', grade: grade([]) }));
    expect(s.items[0]).toMatchObject({ status: 'scored' });
  });

  it('reads a turn the server says nothing about as a graded answer (an older server), and a question or move-on as not graded', () => {
    let s = applyEvent(joined, accepted(3, 't1'));
    s = applyEvent(s, accepted(4, 't2', { kind: 'question' }));
    s = applyEvent(s, accepted(5, 't3', { kind: 'move-on' }));
    expect(s.items.map((i) => i.kind === 'answer' && [i.turnKind, i.graded, i.status])).toEqual([
      ['answer', true, 'queued'],
      ['question', false, null],
      ['move-on', false, null],
    ]);
  });

  it('shows a grade event for a turn it took as not graded: the server has the last word', () => {
    let s = applyEvent(joined, accepted(3, 't1', { kind: 'question', graded: false }));
    s = applyEvent(s, ev({ seq: 4, type: 'grade:status', turnId: 't1', status: 'grading' }));
    expect(s.items[0]).toMatchObject({ graded: true, status: 'grading' });
  });

  it("keeps the interviewer line's replyTo and factIds", () => {
    const s = applyEvent(
      joined,
      ev({ seq: 3, type: 'interviewer:message', turnId: 'i1', text: '50M users', reason: 'answer', replyTo: 't1', factIds: ['users'] }),
    );
    expect(s.items[0]).toMatchObject({ kind: 'interviewer', replyTo: 't1', factIds: ['users'] });
    expect(applyEvent(joined, ev({ seq: 3, type: 'interviewer:message', turnId: 'i1', text: 'Hi', reason: 'opening' })).items[0]).not.toHaveProperty(
      'replyTo',
    );
  });
});

describe(applyDelta.name, () => {
  const joined = applyJoin(initialLiveState(S), {
    state,
    events: [ev({ seq: 2, type: 'interviewer:message', turnId: 't0', text: 'Hi', reason: 'opening' })],
  });
  const delta = (turnId: string, index: number, text: string): InterviewerDelta => ({ sessionId: S, turnId, index, text });
  const final = (seq: number, turnId: string, text: string) =>
    ev({ seq, type: 'interviewer:message', turnId, text, reason: 'answer', replyTo: 't1' });
  const T = 1_000;
  const apply = (s: LiveState, ...deltas: InterviewerDelta[]) => deltas.reduce((acc, d) => applyDelta(acc, d, T), s);
  const texts = (s: LiveState) => draftReplies(s).map((d) => [d.turnId, d.text]);

  it('joins the pieces of a reply in order, outside the event log', () => {
    const s = apply(joined, delta('r1', 0, 'Fifty '), delta('r1', 1, 'million '), delta('r1', 2, 'users.'));
    expect(texts(s)).toEqual([['r1', 'Fifty million users.']]);
    expect(s.drafts.r1).toMatchObject({ nextIndex: 3, ahead: {} });
    expect(s.lastSeq).toBe(joined.lastSeq);
    expect(s.items).toBe(joined.items);
  });

  it('holds a piece that arrives early until the ones before it do', () => {
    let s = apply(joined, delta('r1', 1, 'b'), delta('r1', 3, 'd'));
    expect(texts(s)).toEqual([['r1', '']]); // shown as typing, no text yet
    s = applyDelta(s, delta('r1', 0, 'a'), T);
    expect(texts(s)).toEqual([['r1', 'ab']]);
    s = applyDelta(s, delta('r1', 2, 'c'), T);
    expect(s.drafts.r1).toEqual({ turnId: 'r1', text: 'abcd', nextIndex: 4, ahead: {}, first: 'a', updatedAt: T });
  });

  it('waits at a gap that never fills: the final message brings the whole reply', () => {
    let s = apply(joined, delta('r1', 0, 'a'), delta('r1', 2, 'c'), delta('r1', 3, 'd'));
    expect(texts(s)).toEqual([['r1', 'a']]);
    s = applyEvent(s, final(3, 'r1', 'abcd'));
    expect(s.drafts).toEqual({});
    expect(s.items.at(-1)).toMatchObject({ kind: 'interviewer', turnId: 'r1', text: 'abcd', seq: 3 });
  });

  it('ignores a piece it already holds (the same state object comes back)', () => {
    const s = apply(joined, delta('r1', 0, 'a'), delta('r1', 2, 'c'));
    expect(applyDelta(s, delta('r1', 0, 'a'), T)).toBe(s);
    expect(applyDelta(s, delta('r1', 2, 'c'), T)).toBe(s);
  });

  it('replaces the draft with the final message, and ignores pieces of that reply after it', () => {
    let s = apply(joined, delta('r1', 0, 'Fifty '), delta('r1', 1, 'mil'));
    s = applyEvent(s, final(3, 'r1', 'Fifty million users.'));
    expect(s.drafts).toEqual({});
    expect(s.items.filter((i) => i.turnId === 'r1')).toEqual([
      { kind: 'interviewer', seq: 3, turnId: 'r1', text: 'Fifty million users.', phaseId: 'p1', replyTo: 't1' },
    ]);
    expect(applyDelta(s, delta('r1', 2, 'lion users.'), T)).toBe(s);
    expect(applyDelta(s, delta('r1', 0, 'Fifty '), T)).toBe(s);
  });

  it('shows a final message that comes without any piece, and ignores pieces that trail it', () => {
    const s = applyEvent(joined, final(3, 'r1', 'Done.'));
    expect(applyDelta(s, delta('r1', 0, 'Do'), T)).toBe(s);
    expect(s.items.at(-1)).toMatchObject({ turnId: 'r1', text: 'Done.' });
  });

  it('keeps several replies apart, in the order they started; each final message takes only its own', () => {
    let s = apply(joined, delta('r2', 0, 'second'), delta('r1', 0, 'first'), delta('r2', 1, '!'));
    expect(texts(s)).toEqual([
      ['r2', 'second!'],
      ['r1', 'first'],
    ]);
    s = applyEvent(s, final(3, 'r2', 'second!'));
    expect(texts(s)).toEqual([['r1', 'first']]);
  });

  it('changes nothing on a replay: old events leave the drafts alone, and a replayed final message is not doubled', () => {
    let s = apply(joined, delta('r1', 0, 'a'));
    expect(applyEvent(s, ev({ seq: 2, type: 'interviewer:message', turnId: 't0', text: 'Hi', reason: 'opening' }))).toBe(s);
    s = applyEvent(s, final(3, 'r1', 'ab'));
    expect(applyEvent(s, final(3, 'r1', 'ab'))).toBe(s);
    // The same reply under a later seq (not something the server does) still shows once.
    expect(applyEvent(s, final(4, 'r1', 'ab')).items.filter((i) => i.turnId === 'r1')).toHaveLength(1);
  });

  it('starts a draft over when its writer does (a retried job streams again from piece 0 under the same turnId)', () => {
    let s = apply(joined, delta('r1', 0, 'Fifty '), delta('r1', 1, 'mil'), delta('r1', 3, 'x'));
    s = applyDelta(s, delta('r1', 0, 'About '), T + 5);
    expect(s.drafts.r1).toEqual({ turnId: 'r1', text: 'About ', nextIndex: 1, ahead: {}, first: 'About ', updatedAt: T + 5 });
    s = applyDelta(s, delta('r1', 1, '50M users.'), T + 6);
    expect(texts(s)).toEqual([['r1', 'About 50M users.']]);
    // The same piece 0 again is only a duplicate: the pieces after it that we hold stay.
    expect(applyDelta(s, delta('r1', 0, 'About '), T + 7)).toBe(s);
  });

  it('drops a draft no piece has reached for a while (its writer gave up), and its final message still shows', () => {
    let s = applyDelta(applyDelta(joined, delta('r1', 0, 'a'), 0), delta('r2', 0, 'b'), 30_000);
    expect(dropIdleDrafts(s, 44_999)).toBe(s);
    s = dropIdleDrafts(s, 45_000);
    expect(texts(s)).toEqual([['r2', 'b']]);
    s = applyEvent(s, final(3, 'r1', 'abc'));
    expect(s.items.at(-1)).toMatchObject({ turnId: 'r1', text: 'abc' });
    expect(texts(s)).toEqual([['r2', 'b']]);
  });

  it('drops drafts on a (re)join: pieces are never re-sent, the final message comes from the log', () => {
    const s = apply(joined, delta('r1', 0, 'a'), delta('r2', 0, 'b'));
    const rejoined = applyJoin(s, { state: { ...state, lastSeq: 3 }, events: [final(3, 'r1', 'abc')] });
    expect(rejoined.drafts).toEqual({});
    expect(rejoined.items.filter((i) => i.turnId === 'r1')).toHaveLength(1);
    // A piece of r2 sent after the join, past what we had, waits (the gap) instead of showing a reply's middle.
    expect(texts(applyDelta(rejoined, delta('r2', 4, 'e'), T))).toEqual([['r2', '']]);
    // The same join ack again changes nothing in the timeline.
    const again = applyJoin(rejoined, { state: { ...state, lastSeq: 3 }, events: [final(3, 'r1', 'abc')] });
    expect(again.items).toBe(rejoined.items);
  });

  it("ignores another session's pieces, malformed ones, and any after the session ended (which clears the drafts)", () => {
    const s = apply(joined, delta('r1', 0, 'a'));
    expect(applyDelta(s, { ...delta('r1', 1, 'b'), sessionId: 'other' }, T)).toBe(s);
    expect(applyDelta(s, delta('r1', -1, 'b'), T)).toBe(s);
    expect(applyDelta(s, delta('r1', 1.5, 'b'), T)).toBe(s);
    expect(applyDelta(s, { ...delta('r1', 1, 'b'), text: undefined as unknown as string }, T)).toBe(s);
    const ended = applyEvent(s, ev({ seq: 3, type: 'session:ended', reason: 'candidate' }));
    expect(ended.drafts).toEqual({});
    expect(applyDelta(ended, delta('r1', 1, 'b'), T)).toBe(ended);
  });
});
