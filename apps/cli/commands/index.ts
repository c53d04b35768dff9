import type { CliCommand } from './command.js';
import { contentCheckCommand } from './content-check.command.js';
import { evalCommand } from './eval.command.js';
import { exportLabelsCommand } from './export-labels.command.js';
import { gradeCommand } from './grade.command.js';
import { interviewerEvalCommand } from './interviewer-eval.command.js';
import { migrateCommand } from './migrate.command.js';
import { userCreateCommand } from './user-create.command.js';

export type { CliCommand } from './command.js';

/** Every CLI command; add new ones here. */
export const commands: CliCommand[] = [
  migrateCommand,
  userCreateCommand,
  contentCheckCommand,
  gradeCommand,
  evalCommand,
  interviewerEvalCommand,
  exportLabelsCommand,
];
