import { realpathSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { type CgroupDetection, CgroupLimits } from './cgroup-limits.js';
import { checkSandbox, type SandboxAvailability } from './sandbox-check.js';
import { SandboxRunner } from './sandbox-runner.js';
import type { SandboxOutcome, SandboxRequest, SandboxRuntime } from './sandbox.types.js';
import type { StaticAnalysisOutcome, StaticAnalysisRequest } from './static-analysis.js';

/** The configured sandbox: one runner with a uid slot per concurrent run. */
@Injectable()
export class SandboxService {
  readonly runtime: SandboxRuntime;
  private detection?: Promise<CgroupDetection>;
  private runnerReady?: Promise<SandboxRunner>;
  private availability?: Promise<SandboxAvailability>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
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
  }

  /** Checked once per process: the isolation layer is there, the memory bound the config asks for, and a smoke run passes. */
  check(): Promise<SandboxAvailability> {
    this.availability ??= (async () => {
      const memory = { required: this.config.sandbox.memoryBound === 'cgroup', cgroupUnavailable: (await this.cgroup()).reason };
      return checkSandbox(await this.runner(), this.runtime, undefined, memory);
    })();
    return this.availability;
  }

  /** Whether a memory cgroup bounds each run's process tree as a whole (else the per-process rlimits alone). */
  async memoryCgroup(): Promise<boolean> {
    return (await this.runner()).cgroup !== null;
  }

  async run(request: SandboxRequest): Promise<SandboxOutcome> {
    return (await this.runner()).run(request);
  }

  async analyse(request: StaticAnalysisRequest): Promise<StaticAnalysisOutcome> {
    return (await this.runner()).analyse(request);
  }

  // Detected on first use, not at construction: on cgroup v2 detection moves this process into a leaf group, which
  // only a process that runs code should do.
  private cgroup(): Promise<CgroupDetection> {
    const sandbox = this.config.sandbox;
    this.detection ??=
      sandbox.cgroup === 'auto' ? CgroupLimits.detect({ root: sandbox.cgroupRoot }) : Promise.resolve({ limits: null, reason: 'SANDBOX_CGROUP=off' });
    return this.detection;
  }

  private runner(): Promise<SandboxRunner> {
    this.runnerReady ??= this.cgroup().then(({ limits }) => new SandboxRunner(this.runtime, this.config.sandbox.limits, limits));
    return this.runnerReady;
  }
}
