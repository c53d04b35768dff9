import type { ServerEvent, SessionStateDto } from '../protocol.js';
import { applyEvent, applyJoin, humanize, initialLiveState, keyPointCoverage } from './session-state.js';

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
    events: [ev({ seq: 1, type: 'phase:changed', phase, endsAt: state.phaseEndsAt }), ev({ seq: 2, type: 'interviewer:message', turnId: 't0', text: 'Hi', reason: 'opening' })],
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
    s = applyEvent(s, ev({ seq: 4, type: 'grade:scored', turnId: 't1', grade: grade([['a', 'covered'], ['b', 'missed']]) }));
    s = applyEvent(s, ev({ seq: 5, type: 'answer:accepted', turnId: 't2', clientId: 'c2', phaseId: 'p1', text: 'y' }));
    s = applyEvent(s, ev({ seq: 6, type: 'grade:scored', turnId: 't2', grade: grade([['a', 'missed'], ['b', 'partial']]) }));
    expect(keyPointCoverage(s.items)).toEqual([
      { id: 'a', status: 'covered' },
      { id: 'b', status: 'partial' },
    ]);
  });

  it('humanizes ids', () => expect(humanize('chat-semantics')).toBe('Chat semantics'));
});
