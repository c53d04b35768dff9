import { Module } from '@nestjs/common';
import { ContentModule } from '#libs/content';
import { GradingService } from './grading.service.js';

/** Provides `GradingService`; needs the global config and, through `ContentModule`, the database. */
@Module({ imports: [ContentModule], providers: [GradingService], exports: [GradingService] })
export class GradingModule {}
