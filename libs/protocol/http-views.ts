import { z } from 'zod';
import { codeFactsSchema } from './code-facts.js';
import { diagramSceneSchema } from './diagram-scene.js';
import { GRADE_STATUSES, sessionStateSchema, TURN_KINDS } from './interview-events.js';
import {
  CODE_RUN_STATUSES,
  codeCustomRunSchema,
  codeTestResultSchema,
  gradeProvenanceSchema,
  gradeSchema,
  keyPointStatusSchema,
  passCountSchema,
  sessionReportSchema,
} from './report-views.js';

/**
 * The REST api's answers, as zod schemas: the controllers declare them (the OpenAPI document is generated from
 * them), the services' return types must fit them, and the web client's types are generated from that document.
 * `.meta({ id })` names a schema in the document's components.
 */

const iso = z.string().describe('ISO 8601 date-time');

// ── auth ────────────────────────────────────────────────────────────────────────────────────────────────────────

export const accessTokenSchema = z.object({ accessToken: z.string(), expiresIn: z.number().int() }).meta({ id: 'AccessToken' });
export type AccessTokenDto = z.infer<typeof accessTokenSchema>;

const USER_ROLES = ['candidate', 'coach', 'admin'] as const;
export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: z.enum(USER_ROLES),
    earlyAccess: z.boolean(),
    createdAt: iso,
    lastLoginAt: iso.nullable(),
    disabledAt: iso.nullable(),
  })
  .meta({ id: 'User' });
export type UserDto = z.infer<typeof userSchema>;

// ── waitlist and rollout ────────────────────────────────────────────────────────────────────────────────────────

/**
 * The same for a new and an already-listed email, so a sign-up never reveals someone else's entry. The place,
 * referral code and private token for `GET /api/waitlist/:token` arrive in the welcome mail.
 */
export const signUpResultSchema = z.object({ status: z.literal('received') }).meta({ id: 'SignUpResult' });
export type SignUpDto = z.infer<typeof signUpResultSchema>;

const entryStatus = z.enum(['waiting', 'invited', 'joined']);

export const waitlistStatusSchema = z
  .object({ status: entryStatus, position: z.number().int().nullable(), referralCode: z.string(), referrals: z.number().int() })
  .meta({ id: 'WaitlistStatus' });
export type WaitlistStatusDto = z.infer<typeof waitlistStatusSchema>;

const waitlistEntrySchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    targetRole: z.string().nullable(),
    yearsExperience: z.number().int().nullable(),
    signupNumber: z.number().int(),
    referralCount: z.number().int(),
    status: entryStatus,
    position: z.number().int().nullable(),
    cohort: z.string().nullable(),
    invitedAt: iso.nullable(),
    inviteExpiresAt: iso.nullable(),
    redeemedAt: iso.nullable(),
    createdAt: iso,
  })
  .meta({ id: 'WaitlistEntry' });

export const waitlistPageSchema = z.object({ total: z.number().int(), entries: z.array(waitlistEntrySchema) }).meta({ id: 'WaitlistPage' });
export type WaitlistPageDto = z.infer<typeof waitlistPageSchema>;

export const inviteBatchSchema = z
  .object({
    cohort: z.string(),
    expiresAt: iso,
    /** `link`: the redeem link, only when no SMTP is configured (the mail goes to the log, so the admin passes it on). */
    invited: z.array(z.object({ entryId: z.string(), email: z.string(), link: z.string().optional() })),
    skipped: z.array(z.object({ email: z.string(), reason: z.string() })),
  })
  .meta({ id: 'InviteBatch' });
export type InviteBatchDto = z.infer<typeof inviteBatchSchema>;

/** An invite as the admin sees it: redeemed, expired or pending, and what became of its latest mail. */
export const inviteSchema = z
  .object({
    entryId: z.string(),
    email: z.string(),
    cohort: z.string(),
    state: z.enum(['pending', 'redeemed', 'expired']),
    createdAt: iso,
    expiresAt: iso,
    redeemedAt: iso.nullable(),
    mail: z.object({
      status: z.enum(['pending', 'sending', 'sent', 'failed', 'none']),
      transport: z.string().nullable(),
      sentAt: iso.nullable(),
      lastError: z.string().nullable(),
    }),
  })
  .meta({ id: 'Invite' });
export type InviteDto = z.infer<typeof inviteSchema>;

/** A re-sent invite: a new code (the old one stops working) and a new expiry; `link` only without SMTP. */
export const inviteResentSchema = z
  .object({ entryId: z.string(), email: z.string(), expiresAt: iso, delivery: z.enum(['smtp', 'log']), link: z.string().optional() })
  .meta({ id: 'InviteResent' });
export type InviteResentDto = z.infer<typeof inviteResentSchema>;

/** Rollout limits; 0 means no limit. `source`: `config` until an admin saves limits, then `admin`. */
export const rolloutSettingsSchema = z
  .object({
    maxLiveSessions: z.number().int(),
    sessionsPerUserPerDay: z.number().int(),
    dailyTokenBudget: z.number().int(),
    source: z.enum(['config', 'admin']),
    updatedBy: z.string().nullable(),
    updatedAt: iso.nullable(),
  })
  .meta({ id: 'RolloutSettings' });
export type RolloutSettingsDto = z.infer<typeof rolloutSettingsSchema>;

export const rolloutStatusSchema = z
  .object({
    settings: rolloutSettingsSchema,
    usage: z.object({ liveSessions: z.number().int(), tokensToday: z.number().int(), day: z.string() }),
  })
  .meta({ id: 'RolloutStatus' });
export type RolloutStatusDto = z.infer<typeof rolloutStatusSchema>;

// ── sessions ────────────────────────────────────────────────────────────────────────────────────────────────────

/** A turn of the live view of a session (`GET /api/sessions/:id`); grades hidden until the end in realistic mode. */
const sessionTurnSchema = z
  .object({
    turnId: z.string(),
    seq: z.number().int(),
    phaseId: z.string(),
    speaker: z.enum(['candidate', 'interviewer']),
    text: z.string(),
    at: iso,
    reason: z.string().optional(),
    keyPointId: z.string().optional(),
    /** Interviewer replies: the candidate turn answered and the scenario facts given. */
    replyTo: z.string().optional(),
    factIds: z.array(z.string()).optional(),
    clientId: z.string().optional(),
    /** Candidate turns: how the server read them (questions and requests to move on are not graded). */
    kind: z.enum(TURN_KINDS).optional(),
    grading: z.object({ status: z.enum(GRADE_STATUSES), failureCode: z.string().optional(), grade: gradeSchema.optional() }).optional(),
  })
  .meta({ id: 'SessionTurn' });
export type SessionTurnDto = z.infer<typeof sessionTurnSchema>;

export const sessionDetailSchema = z
  .object({ state: sessionStateSchema, transcript: z.array(sessionTurnSchema), report: sessionReportSchema.nullable() })
  .meta({ id: 'SessionDetail' });
export type SessionDetailDto = z.infer<typeof sessionDetailSchema>;

const codeRunResultSchema = z.object({
  status: z.enum(CODE_RUN_STATUSES),
  tests: z.array(codeTestResultSchema),
  compileError: z.string().optional(),
  message: z.string().optional(),
  stdout: z.string().optional(),
  stderr: z.string().optional(),
  visible: passCountSchema,
  hidden: passCountSchema,
  wallMs: z.number().optional(),
  custom: codeCustomRunSchema.optional(),
  facts: codeFactsSchema.optional(),
  errorCode: z.string().optional(),
});

/** `GET /api/sessions/:id/code-timeline`: snapshots and runs in order, for replaying how the code grew. */
export const codeTimelineSchema = z
  .object({
    sessionId: z.string(),
    startedAt: iso,
    entries: z.array(
      z.discriminatedUnion('type', [
        z.object({
          type: z.literal('snapshot'),
          at: iso,
          offsetMs: z.number(),
          snapshotId: z.string(),
          phaseId: z.string(),
          language: z.string(),
          code: z.string(),
        }),
        z.object({
          type: z.literal('run'),
          at: iso,
          offsetMs: z.number(),
          runId: z.string(),
          kind: z.enum(['run', 'submit']),
          phaseId: z.string(),
          snapshotId: z.string(),
          /** A run on the candidate's own input: the text as typed (its result has `custom`, no tests). */
          input: z.string().optional(),
          state: z.enum(['queued', 'running', 'done']),
          finishedAt: iso.nullable(),
          result: codeRunResultSchema.nullable(),
        }),
      ]),
    ),
  })
  .meta({ id: 'CodeTimeline' });
export type CodeTimelineDto = z.infer<typeof codeTimelineSchema>;

/** The component graph the server reads from a board (labels screened: `flagged` names elements addressing the grader). */
const diagramGraphSchema = z
  .object({
    nodes: z.array(
      z.object({
        id: z.string(),
        shape: z.string(),
        label: z.string().nullable(),
        category: z.string(),
        matched: z.string().optional(),
        boundaryIds: z.array(z.string()),
      }),
    ),
    edges: z.array(
      z.object({
        id: z.string(),
        from: z.string(),
        to: z.string(),
        label: z.string().nullable(),
        bidirectional: z.boolean(),
        via: z.enum(['bound', 'inferred']),
      }),
    ),
    notes: z.array(z.object({ id: z.string(), text: z.string(), boundaryIds: z.array(z.string()) })),
    boundaries: z.array(z.object({ id: z.string(), kind: z.enum(['group', 'frame']), label: z.string().nullable(), nodeIds: z.array(z.string()) })),
    looseArrows: z.array(z.object({ id: z.string(), label: z.string().nullable(), from: z.string().nullable(), to: z.string().nullable() })),
    flagged: z.array(z.object({ elementId: z.string(), kinds: z.array(z.string()) })),
  })
  .meta({ id: 'DiagramGraph' });

/** The latest board of a session: null before the first snapshot. */
export const latestDiagramSchema = z
  .object({
    sessionId: z.string(),
    latest: z
      .object({
        snapshotId: z.string(),
        seq: z.number().int(),
        at: iso,
        phaseId: z.string(),
        clientId: z.string(),
        scene: diagramSceneSchema,
        graph: diagramGraphSchema,
      })
      .nullable(),
  })
  .meta({ id: 'LatestDiagram' });

/** One board snapshot in a replay: when, in which phase, how much was drawn. No scene: fetch it by `snapshotId`. */
const diagramTimelineEntrySchema = z
  .object({
    snapshotId: z.string(),
    seq: z.number().int(),
    at: iso,
    /** Milliseconds since the session started. */
    offsetMs: z.number(),
    phaseId: z.string(),
    phaseTitle: z.string(),
    elementCount: z.number().int(),
    graph: z.object({ nodes: z.number().int(), edges: z.number().int() }),
  })
  .meta({ id: 'DiagramTimelineEntry' });
export type DiagramTimelineEntry = z.infer<typeof diagramTimelineEntrySchema>;

/** `GET /api/sessions/:id/diagram-timeline`: the board's snapshots in order, without their scenes. */
export const diagramTimelineSchema = z
  .object({ sessionId: z.string(), startedAt: iso, snapshots: z.array(diagramTimelineEntrySchema) })
  .meta({ id: 'DiagramTimeline' });
export type DiagramTimelineDto = z.infer<typeof diagramTimelineSchema>;

/** One snapshot with its scene and graph. */
export const diagramSnapshotSchema = diagramTimelineEntrySchema
  .omit({ graph: true, offsetMs: true })
  .extend({ sessionId: z.string(), clientId: z.string(), scene: diagramSceneSchema, graph: diagramGraphSchema })
  .meta({ id: 'DiagramSnapshot' });

// ── review ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** Who changed a value, when, why, and which version of the item this is. */
const correctionStampSchema = z
  .object({ version: z.number().int(), reason: z.string(), coachId: z.string().nullable(), at: iso })
  .meta({ id: 'CorrectionStamp' });

const correctionSchema = correctionStampSchema
  .extend({ id: z.string(), turnId: z.string().nullable(), kind: z.enum(['dimension', 'key_point']), itemId: z.string(), value: z.string() })
  .meta({ id: 'Correction' });

/** A grade as a reviewer sees it: the AI's values, and beside them the coach's where there are any. */
const reviewedGradeSchema = z
  .object({
    provenance: gradeProvenanceSchema,
    flags: gradeSchema.shape.flags,
    feedback: gradeSchema.shape.feedback,
    mistakes: gradeSchema.shape.mistakes,
    overall: z.object({ ai: z.number(), corrected: z.number().optional() }),
    dimensions: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        ai: z.object({ score: z.number().int(), reason: z.string() }),
        corrected: z.object({ score: z.number().int() }).optional(),
        correction: correctionStampSchema.optional(),
      }),
    ),
    keyPoints: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        /** `diagramEvidence`: what the board showed for the point, when the board counted. */
        ai: z.object({
          status: keyPointStatusSchema,
          evidence: z.array(z.string()),
          diagramEvidence: gradeSchema.shape.keyPoints.element.shape.diagramEvidence,
        }),
        corrected: z.object({ status: keyPointStatusSchema }).optional(),
        correction: correctionStampSchema.optional(),
      }),
    ),
  })
  .meta({ id: 'ReviewedGrade' });

/** The report with the AI's values and the coach-corrected ones side by side (`corrected` null while nothing was). */
const reviewedReportSchema = z
  .object({
    ai: sessionReportSchema,
    corrected: sessionReportSchema.nullable(),
    overall: z.object({ ai: z.number().nullable(), corrected: z.number().nullable().optional() }),
    dimensions: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        ai: z.number().nullable(),
        corrected: z.number().nullable().optional(),
        correction: correctionStampSchema.optional(),
      }),
    ),
    keyPoints: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        ai: keyPointStatusSchema,
        corrected: keyPointStatusSchema.optional(),
        correction: correctionStampSchema.optional(),
      }),
    ),
  })
  .meta({ id: 'ReviewedReport' });

const disputeView = z.object({ id: z.string(), comment: z.string(), at: iso, resolvedAt: iso.nullable() });

const transcriptTurnSchema = z
  .object({
    turnId: z.string(),
    /** 1, 2, 3… in transcript order (`seq` is the event sequence, with gaps). */
    number: z.number().int(),
    seq: z.number().int(),
    phaseId: z.string(),
    phaseTitle: z.string(),
    speaker: z.enum(['candidate', 'interviewer']),
    text: z.string(),
    at: iso,
    /** Interviewer turns: why it was asked, and the key point it probes (its text once the session has ended). */
    reason: z.string().optional(),
    keyPointId: z.string().optional(),
    keyPointText: z.string().optional(),
    grading: z.object({ status: z.enum(GRADE_STATUSES), failureCode: z.string().optional() }).optional(),
    grade: reviewedGradeSchema.optional(),
    /** Answers of a system-design session: the board snapshot at that answer (null: nothing drawn yet). */
    diagramSnapshotId: z.string().nullable().optional(),
    annotations: z.array(z.object({ id: z.string(), comment: z.string(), coachId: z.string().nullable(), at: iso })),
    disputes: z.array(disputeView),
  })
  .meta({ id: 'TranscriptTurn' });

/** `GET /api/sessions/:id/transcript`: turns, grades with corrections, the report, the review and its history. */
export const transcriptSchema = z
  .object({
    session: z.object({
      id: z.string(),
      candidateId: z.string(),
      questionId: z.string(),
      questionTitle: z.string(),
      /** `system-design` sessions have a board, `coding` ones code. */
      questionKind: z.enum(['system-design', 'coding', 'behavioral']),
      questionVersion: z.string(),
      mode: z.enum(['practice', 'realistic']),
      status: z.enum(['active', 'ended']),
      startedAt: iso,
      endedAt: iso.nullable(),
      endReason: z.enum(['candidate', 'clock']).nullable(),
    }),
    turns: z.array(transcriptTurnSchema),
    report: reviewedReportSchema.nullable(),
    review: z.object({ completedAt: iso, coachId: z.string().nullable() }).nullable(),
    /** Every version of every correction, oldest first. */
    corrections: z.array(correctionSchema),
    /** Disputes about the session as a whole (turn disputes sit on their turn). */
    disputes: z.array(disputeView),
  })
  .meta({ id: 'Transcript' });

/** `GET /api/me/progress`: finished sessions over time, trends of complete ones, most-missed points, streak. */
export const progressSchema = z
  .object({
    sessions: z.array(
      z.object({
        sessionId: z.string(),
        questionId: z.string(),
        mode: z.string(),
        startedAt: iso,
        endedAt: iso,
        overall: z.number().nullable(),
        /** False when the session assessed too little of the plan: shown with that caveat, left out of the trends. */
        complete: z.boolean(),
        /** True when a coach corrected this session: the scores shown are the coach's. */
        corrected: z.boolean(),
        dimensions: z.record(z.string(), z.number().nullable()),
      }),
    ),
    /** Per dimension, one point per complete session that scored it, oldest first. */
    series: z.record(z.string(), z.array(z.object({ sessionId: z.string(), at: iso, score: z.number() }))),
    dimensionTitles: z.record(z.string(), z.string()),
    overallSeries: z.array(z.object({ sessionId: z.string(), at: iso, overall: z.number() })),
    mostMissed: z.array(
      z.object({ questionId: z.string(), keyPointId: z.string(), text: z.string(), missed: z.number().int(), of: z.number().int() }),
    ),
    /** Consecutive UTC days with a finished session: the current run and the longest. */
    streak: z.object({ current: z.number().int(), longest: z.number().int(), lastDay: z.string().nullable() }),
  })
  .meta({ id: 'Progress' });

const scoreAgreementShape = {
  n: z.number().int(),
  exact: z.number().nullable(),
  withinOne: z.number().nullable(),
  kappa: z.number().nullable(),
  /** Why kappa is null, when it is. */
  kappaNote: z.string().optional(),
};

/** `GET /api/review/calibration`: how well the AI agrees with coaches, per grader, model and prompt version. */
export const calibrationSchema = z
  .object({
    scope: z.enum(['own', 'all']),
    sessions: z.number().int(),
    answers: z.number().int(),
    groups: z.array(
      z.object({
        grader: z.string(),
        model: z.string().nullable(),
        promptVersion: z.string(),
        answers: z.number().int(),
        pooled: z.object(scoreAgreementShape),
        dimensions: z.array(z.object({ id: z.string(), title: z.string(), ...scoreAgreementShape })),
        keyPoints: z.object({ n: z.number().int(), agreement: z.number().nullable(), disagreements: z.number().int() }),
      }),
    ),
  })
  .meta({ id: 'Calibration' });

/** A row of the coach's queue: who, which question, why it is flagged, since when. */
export const reviewQueueRowSchema = z
  .object({
    sessionId: z.string(),
    candidateId: z.string(),
    candidateEmail: z.string(),
    questionId: z.string(),
    questionTitle: z.string(),
    mode: z.string(),
    endedAt: iso,
    flags: z.array(z.string()),
    /** Each flag with its reason and how many of the session's answers carry it. */
    flagReasons: z.array(z.object({ flag: z.string(), reason: z.string(), answers: z.number().int() })),
    openDisputes: z.number().int(),
    reviewedAt: iso.nullable(),
  })
  .meta({ id: 'ReviewQueueRow' });
export type ReviewQueueRowDto = z.infer<typeof reviewQueueRowSchema>;

/** What one review request stored: the new correction versions, the annotations, and the completion. */
export const reviewResultSchema = z
  .object({
    corrections: z.array(correctionSchema),
    annotations: z.array(z.object({ id: z.string(), turnId: z.string(), comment: z.string(), coachId: z.string().nullable(), at: iso })),
    review: z.object({ completedAt: iso, coachId: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'ReviewResult' });

export const disputeSchema = z
  .object({ id: z.string(), sessionId: z.string(), turnId: z.string().nullable(), comment: z.string(), at: iso, resolvedAt: iso.nullable() })
  .meta({ id: 'Dispute' });

export const coachAssignmentSchema = z.object({ coachId: z.string(), candidateId: z.string(), assignedAt: iso }).meta({ id: 'CoachAssignment' });

export const coachAssignmentRowSchema = coachAssignmentSchema
  .extend({ coachEmail: z.string(), candidateEmail: z.string() })
  .meta({ id: 'CoachAssignmentRow' });

/** The board in a transcript download: the final picture (SVG drawn by the server) and graph, and the timeline. */
const diagramExportSchema = z
  .object({
    finalSnapshotId: z.string().nullable(),
    finalSvg: z.string().nullable(),
    finalGraph: diagramGraphSchema.nullable(),
    snapshots: z.array(diagramTimelineEntrySchema),
  })
  .meta({ id: 'DiagramExport' });

/** `?format=json`: the transcript as a download, with the board of a system-design session (null for others). */
export const transcriptExportSchema = transcriptSchema.extend({ diagram: diagramExportSchema.nullable() }).meta({ id: 'TranscriptExport' });
