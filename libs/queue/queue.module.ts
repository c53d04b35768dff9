import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { MetricsModule } from '#libs/metrics';
import { JobQueue } from './job-queue.service.js';
import { QueueDashboard } from './queue-dashboard.js';
import type { QueueName } from './job-registry.js';
import { CONSUMED_QUEUES, QueueWorkerService } from './queue-worker.service.js';

/** Producers: inject `JobQueue`. */
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class QueueModule {}

/** The api's queue dashboard (`QueueDashboard.router`), mounted behind admin auth. */
@Module({ providers: [QueueDashboard], exports: [QueueDashboard] })
export class QueueDashboardModule {}

/**
 * The consuming side, imported only by the apps that run jobs (apps/worker, apps/code-runner), next to the
 * modules that provide the handlers of exactly the queues they consume.
 */
@Module({})
export class QueueWorkerModule {
  static consuming(queues: readonly QueueName[]): DynamicModule {
    return {
      module: QueueWorkerModule,
      // One per process; global so the worker's health check (libs/health) can read its queues and schedules.
      global: true,
      imports: [DiscoveryModule, MetricsModule],
      providers: [{ provide: CONSUMED_QUEUES, useValue: queues }, QueueWorkerService],
      exports: [QueueWorkerService],
    };
  }
}
