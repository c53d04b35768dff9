import { DomainError } from '#libs/errors';

export class SessionNotFoundError extends DomainError {
  constructor() {
    super('SESSION_NOT_FOUND', 'session not found');
  }
}

export class SessionEndedError extends DomainError {
  constructor() {
    super('SESSION_ENDED', 'the session has ended');
  }
}

export class AnswerTooLongError extends DomainError {
  constructor(limit: number, length: number) {
    super('ANSWER_TOO_LONG', `answer is ${length} characters; the limit is ${limit}`, { limit, length });
  }
}
