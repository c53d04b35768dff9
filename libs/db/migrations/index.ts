import { CreateUsers1764201600000 } from './1764201600000-create-users.js';
import { CreateContentVersions1764205200000 } from './1764205200000-create-content-versions.js';
import { CreateSessions1764208800000 } from './1764208800000-create-sessions.js';
import { CreateReview1764212400000 } from './1764212400000-create-review.js';
import { CreateWaitlist1764216000000 } from './1764216000000-create-waitlist.js';
import { CreateCodeRuns1764219600000 } from './1764219600000-create-code-runs.js';
import { InterviewerLines1764223200000 } from './1764223200000-interviewer-lines.js';
import { UserTokenVersion1764226800000 } from './1764226800000-user-token-version.js';
import { ReportVersions1764230400000 } from './1764230400000-report-versions.js';
import { CreateDiagramSnapshots1764234000000 } from './1764234000000-create-diagram-snapshots.js';
import { CreateRefreshTokens1764237600000 } from './1764237600000-create-refresh-tokens.js';
import { CodeRunInput1764241200000 } from './1764241200000-code-run-input.js';

/** Every migration, in order. Listed explicitly so the same list works from source (tests) and from dist. */
export const migrations = [
  CreateUsers1764201600000,
  CreateContentVersions1764205200000,
  CreateSessions1764208800000,
  CreateReview1764212400000,
  CreateWaitlist1764216000000,
  CreateCodeRuns1764219600000,
  InterviewerLines1764223200000,
  UserTokenVersion1764226800000,
  ReportVersions1764230400000,
  CreateDiagramSnapshots1764234000000,
  CreateRefreshTokens1764237600000,
  CodeRunInput1764241200000,
];
