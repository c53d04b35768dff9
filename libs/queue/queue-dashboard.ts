import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import type { Router } from 'express';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { createRedisConnection, type Redis } from '#libs/redis';
import { QUEUE_NAMES } from './job-registry.js';
import { queuePrefix } from './queue-prefix.js';

/**
 * The queue dashboard (bull-board) over every queue: counts, jobs, their data and errors, retry and clean. It is
 * an express router for the api to mount behind admin auth; its queues connect to Redis on first use.
 */
@Injectable()
export class QueueDashboard implements OnApplicationShutdown {
  private connection?: Redis;
  private readonly queues: Queue[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The dashboard's router for `basePath` (its pages, static assets and JSON api). */
  router(basePath: string): Router {
    this.connection = createRedisConnection(this.config.redis.target, { name: 'queue-dashboard' });
    for (const name of QUEUE_NAMES) this.queues.push(new Queue(name, { connection: this.connection, prefix: queuePrefix(this.config, name) }));
    const adapter = new ExpressAdapter().setBasePath(basePath);
    createBullBoard({
      queues: this.queues.map((q) => new BullMQAdapter(q)),
      serverAdapter: adapter,
      options: { uiConfig: { boardTitle: 'Mock Interview queues' } },
    });
    return adapter.getRouter() as Router;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close()));
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }
}
