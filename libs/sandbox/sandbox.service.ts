import { realpathSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { checkSandbox, type SandboxAvailability } from './sandbox-check.js';
import { SandboxRunner } from './sandbox-runner.js';
import type { SandboxOutcome, SandboxRequest, SandboxRuntime } from './sandbox.types.js';

/** The configured sandbox: one runner with a uid slot per concurrent run. */
@Injectable()
export class SandboxService {
  readonly runtime: SandboxRuntime;
  private readonly runner: SandboxRunner;
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
    this.runner = new SandboxRunner(this.runtime, config.sandbox.limits);
  }

  /** Checked once per process: the isolation layer is there and a smoke run passes. */
  check(): Promise<SandboxAvailability> {
    this.availability ??= checkSandbox(this.runner, this.runtime);
    return this.availability;
  }

  run(request: SandboxRequest): Promise<SandboxOutcome> {
    return this.runner.run(request);
  }
}
