import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, type Logger } from '#libs/logging';
import { type HandlerAvailability, HandlesJob, type JobHandler, type JobPayload } from '#libs/queue';
import { SandboxService } from '#libs/sandbox';
import { CodeRunService } from './code-run.service.js';

@Injectable()
@HandlesJob('code.run')
export class CodeRunHandler implements JobHandler<'code.run'> {
  constructor(
    private readonly runs: CodeRunService,
    private readonly sandbox: SandboxService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** No isolation layer, no code runs: the `code` queue is left to a worker that has one. */
  async availability(): Promise<HandlerAvailability> {
    const check = await this.sandbox.check();
    if (!check.ok) this.logger.error({ reason: check.reason }, `refusing to run candidate code: ${check.reason}`);
    else this.logger.info({ runtime: this.sandbox.runtime, memoryCgroup: await this.sandbox.memoryCgroup() }, 'sandbox ready for candidate code');
    return check.ok ? check : { ok: false, reason: `the sandbox is unavailable (${check.reason}); candidate code is never run unsandboxed` };
  }

  handle({ runId }: JobPayload<'code.run'>): Promise<void> {
    return this.runs.execute(runId);
  }
}
