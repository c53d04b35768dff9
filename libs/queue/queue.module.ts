import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobQueue } from './job-queue.service.js';
import { QueueWorkerService } from './queue-worker.service.js';

/** Producers: inject `JobQueue`. */
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class QueueModule {}

/** The worker side: imported only by apps/worker, next to the modules that provide the handlers. */
@Module({ imports: [DiscoveryModule], providers: [QueueWorkerService] })
export class QueueWorkerModule {}
