import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { MetricsModule } from '#libs/metrics';
import { HealthController } from './health.controller.js';
import { Readiness } from './readiness.js';
import { DbPingRepository } from './db-ping.repository.js';
import { WorkerHealthServer } from './worker-health.server.js';

/** `GET /health` (alive) and `GET /health/ready` (Postgres and Redis reachable). */
@Module({ imports: [TerminusModule.forRoot({ logger: false })], controllers: [HealthController], providers: [Readiness], exports: [Readiness] })
export class HealthModule {}

/** The worker's and the code runner's health endpoint on `WORKER_HEALTH_PORT` (needs `QueueWorkerModule.consuming`). */
@Module({ imports: [MetricsModule], providers: [DbPingRepository, WorkerHealthServer], exports: [WorkerHealthServer] })
export class WorkerHealthModule {}
