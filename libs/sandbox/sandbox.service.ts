import { realpathSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { CgroupLimits } from './cgroup-limits.js';
import { checkSandbox, type SandboxAvailability } from './sandbox-check.js';
import { SandboxRunner } from './sandbox-runner.js';
import type { SandboxOutcome, SandboxRequest, SandboxRuntime } from './sandbox.types.js';
import type { StaticAnalysisOutcome, StaticAnalysisRequest } from './static-analysis.js';

/** The configured sandbox: one runner with a uid slot per concurrent run. */
@Injectable()
export class SandboxService {
  readonly runtime: SandboxRuntime;
  private readonly runner: Promise<SandboxRunner>;
  private availability?: Promise<SandboxAvailability>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const resolved = (path: string) => {
      try {
        return realpathSync(path);
      } catch {
        return path; // the check reports it missing
      }
    };
    this.runtime = {
      bwrap: resolved(config.sandbox.bwrap),
      python: resolved(config.sandbox.python),
      node: resolved(config.sandbox.node),
      uidBase: config.sandbox.uidBase,
      slots: config.coding.runConcurrency,
    };
    const cgroup = config.sandbox.cgroup === 'auto' ? CgroupLimits.detect() : Promise.resolve(null);
    this.runner = cgroup.then((group) => new SandboxRunner(this.runtime, config.sandbox.limits, group));
  }

  /** Checked once per process: the isolation layer is there and a smoke run passes. */
  check(): Promise<SandboxAvailability> {
    this.availability ??= this.runner.then((runner) => checkSandbox(runner, this.runtime));
    return this.availability;
  }

  /** Whether a memory cgroup bounds each run's process tree as a whole (else the per-process rlimits alone). */
  async memoryCgroup(): Promise<boolean> {
    return (await this.runner).cgroup !== null;
  }

  async run(request: SandboxRequest): Promise<SandboxOutcome> {
    return (await this.runner).run(request);
  }

  async analyse(request: StaticAnalysisRequest): Promise<StaticAnalysisOutcome> {
    return (await this.runner).analyse(request);
  }
}
