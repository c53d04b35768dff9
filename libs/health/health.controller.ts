import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthCheckResult, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '#libs/auth';
import { REDIS, type Redis } from '#libs/redis';
import { Readiness } from './readiness.js';

const CHECK_TIMEOUT_MS = 1_500;

@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly postgres: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly readiness: Readiness,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  alive(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: not draining (SIGTERM), and Postgres and Redis both answer within the timeout. */
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => (this.readiness.draining ? this.indicators.check('serving').down('draining: shutting down') : this.indicators.check('serving').up()),
      () => this.postgres.pingCheck('postgres').withTimeout(CHECK_TIMEOUT_MS),
      () =>
        this.indicators
          .check('redis')
          .attempt(async () => {
            await this.redis.ping();
          })
          .withTimeout(CHECK_TIMEOUT_MS),
    ]);
  }
}
