export { InterviewHttpModule, InterviewJobsModule, InterviewModule } from './interview.module.js';
export { SessionsService } from './sessions.service.js';
export { SessionsRepository } from './sessions.repository.js';
export { SessionReconcilerService } from './session-reconciler.service.js';
export { sessionEventsChannel, type SessionEventsNotice } from './session-notifier.js';
export { buildReport, type SessionReport } from './session-report.js';
export type { TranscriptTurnDto } from './session-views.js';
export { CodeSessionService } from './code-session.service.js';
export type { CodeTimelineDto, CodeTimelineEntry } from './code-timeline.js';
