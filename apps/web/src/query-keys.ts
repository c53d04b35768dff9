/**
 * Query keys, one place: the api path's nouns, most general first, so invalidating a prefix reaches everything
 * under it (`['sessions', id]` covers that session's transcript, code timeline and boards).
 */
export const queryKeys = {
  questions: () => ['questions'] as const,
  question: (id: string) => ['questions', id] as const,
  /** The candidate's own sessions (dashboard list); invalidate with `exact` to leave per-session reads alone. */
  sessions: () => ['sessions'] as const,
  session: (id: string) => ['sessions', id] as const,
  transcript: (id: string) => ['sessions', id, 'transcript'] as const,
  codeTimeline: (id: string) => ['sessions', id, 'code-timeline'] as const,
  diagram: (id: string) => ['sessions', id, 'diagram'] as const,
  diagramTimeline: (id: string) => ['sessions', id, 'diagram-timeline'] as const,
  progress: () => ['me', 'progress'] as const,
  review: () => ['review'] as const,
  reviewQueue: () => ['review', 'queue'] as const,
  calibration: () => ['review', 'calibration'] as const,
  waitlistPlace: (token: string) => ['waitlist', token] as const,
  admin: {
    users: (role: string, q: string) => ['admin', 'users', role, q] as const,
    coachAssignments: () => ['admin', 'coach-assignments'] as const,
    invites: (q?: string) => (q === undefined ? (['admin', 'invites'] as const) : (['admin', 'invites', q] as const)),
    waitlist: (filters?: { status: string; q: string }) =>
      filters === undefined ? (['admin', 'waitlist'] as const) : (['admin', 'waitlist', filters] as const),
    rollout: () => ['admin', 'rollout'] as const,
  },
};
