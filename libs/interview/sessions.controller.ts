import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '#libs/auth';
import { parsePayload } from '#libs/errors';
import { freeText } from '#libs/protocol';
import { SessionNotFoundError } from './session-errors.js';
import { CodeSessionService } from './code-session.service.js';
import { DiagramSessionService } from './diagram-session.service.js';
import { SessionsService } from './sessions.service.js';

const createSessionSchema = z.object({
  questionId: freeText().min(1).max(100),
  mode: z.enum(['practice', 'realistic']),
}).strict();

@Controller('api/sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly code: CodeSessionService,
    private readonly diagram: DiagramSessionService,
  ) {}

  @Post()
  create(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    return this.sessions.create(principal, parsePayload(createSessionSchema, body));
  }

  @Get()
  list(@CurrentPrincipal() principal: Principal) {
    return this.sessions.list(principal);
  }

  @Get(':id')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new SessionNotFoundError() })) id: string,
  ) {
    return this.sessions.get(principal, id);
  }

  /** Snapshots and runs in order, for replaying how the code grew. */
  @Get(':id/code-timeline')
  codeTimeline(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new SessionNotFoundError() })) id: string,
  ) {
    return this.code.timeline(principal, id);
  }

  /** The latest board scene and its component graph (system-design sessions), for a reload or another device. */
  @Get(':id/diagram')
  latestDiagram(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new SessionNotFoundError() })) id: string,
  ) {
    return this.diagram.latest(principal, id);
  }
}
