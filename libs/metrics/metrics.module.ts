import { Module } from '@nestjs/common';
import { MetricsService } from './metrics.service.js';

/** One `MetricsService` per app; every lib module that records imports this module (Nest keeps one instance). */
@Module({ providers: [MetricsService], exports: [MetricsService] })
export class MetricsModule {}
