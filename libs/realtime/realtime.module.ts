import { Module } from '@nestjs/common';
import { AuthCoreModule } from '#libs/auth';
import { InterviewGateway } from './interview.gateway.js';

@Module({ imports: [AuthCoreModule], providers: [InterviewGateway] })
export class RealtimeModule {}
