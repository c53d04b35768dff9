import { Module } from '@nestjs/common';
import { AuthCoreModule } from '#libs/auth';
import { RolloutController } from './rollout.controller.js';
import { RolloutRepository } from './rollout.repository.js';
import { RolloutService } from './rollout.service.js';

/** The admission check session creation calls (needs DbModule from the app). */
@Module({ imports: [AuthCoreModule], providers: [RolloutRepository, RolloutService], exports: [RolloutService] })
export class RolloutModule {}

/** Admin HTTP: read and set the limits. */
@Module({ imports: [RolloutModule], controllers: [RolloutController] })
export class RolloutHttpModule {}
