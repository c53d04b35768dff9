import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler, type JobPayload } from '#libs/queue';
import { UsersService } from './users.service.js';

@Injectable()
@HandlesJob('auth.record-login')
export class RecordLoginHandler implements JobHandler<'auth.record-login'> {
  constructor(private readonly users: UsersService) {}

  handle({ userId, at }: JobPayload<'auth.record-login'>): Promise<void> {
    return this.users.recordLogin(userId, new Date(at));
  }
}
