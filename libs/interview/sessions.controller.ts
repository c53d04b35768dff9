import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '#libs/auth';
import { DomainError } from '#libs/errors';
import { ApiErrors, ApiFile, ApiReturns } from '#libs/http';
import {
  type CodeTimelineDto,
  codeTimelineSchema,
  diagramSnapshotSchema,
  type DiagramTimelineDto,
  diagramTimelineSchema,
  freeText,
  latestDiagramSchema,
  type SessionDetailDto,
  sessionDetailSchema,
  type SessionStateDto,
  sessionStateSchema,
} from '#libs/protocol';
import { SessionNotFoundError } from './session-errors.js';
import { CodeSessionService } from './code-session.service.js';
import { DiagramReplayService } from './diagram-replay.service.js';
import { DiagramSessionService } from './diagram-session.service.js';
import { SessionsService } from './sessions.service.js';

const createSessionSchema = z
  .object({
    questionId: freeText().min(1).max(100),
    mode: z.enum(['practice', 'realistic']),
  })
  .strict();
type CreateSession = z.infer<typeof createSessionSchema>;

const diagramSvgQuerySchema = z.object({ snapshotId: z.uuid().optional() }).strict();
type DiagramSvgQuery = z.infer<typeof diagramSvgQuerySchema>;

const SessionId = () => new ParseUUIDPipe({ exceptionFactory: () => new SessionNotFoundError() });
const SnapshotId = () =>
  new ParseUUIDPipe({ exceptionFactory: () => new DomainError('SNAPSHOT_NOT_FOUND', 'this session has no board snapshot with that id') });

/**
 * The board picture is drawn by the server from stored data, but its text is the candidate's: served as a download
 * that may load nothing and run nothing, whatever opens it.
 */
const SVG_HEADERS = {
  'Content-Type': 'image/svg+xml; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'private, no-store',
};

@Controller('api/sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly code: CodeSessionService,
    private readonly diagram: DiagramSessionService,
    private readonly replay: DiagramReplayService,
  ) {}

  @Post()
  @ApiReturns(sessionStateSchema, 201)
  @ApiErrors('NOT_FOUND', 'EARLY_ACCESS_REQUIRED', 'CAPACITY_FULL', 'DAILY_LIMIT', 'BUDGET_EXHAUSTED')
  create(@CurrentPrincipal() principal: Principal, @Body({ schema: createSessionSchema }) body: CreateSession): Promise<SessionStateDto> {
    return this.sessions.create(principal, body);
  }

  @Get()
  @ApiReturns(z.array(sessionStateSchema))
  list(@CurrentPrincipal() principal: Principal): Promise<SessionStateDto[]> {
    return this.sessions.list(principal);
  }

  @Get(':id')
  @ApiReturns(sessionDetailSchema)
  @ApiErrors('SESSION_NOT_FOUND')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new SessionNotFoundError() })) id: string,
  ): Promise<SessionDetailDto> {
    return this.sessions.get(principal, id);
  }

  /** Snapshots and runs in order, for replaying how the code grew. */
  @Get(':id/code-timeline')
  @ApiReturns(codeTimelineSchema)
  @ApiErrors('SESSION_NOT_FOUND', 'NOT_A_CODING_SESSION')
  codeTimeline(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new SessionNotFoundError() })) id: string,
  ): Promise<CodeTimelineDto> {
    return this.code.timeline(principal, id);
  }

  /** The latest board scene and its component graph (system-design sessions), for a reload or another device. */
  @Get(':id/diagram')
  @ApiReturns(latestDiagramSchema)
  @ApiErrors('SESSION_NOT_FOUND', 'NOT_A_DESIGN_SESSION')
  latestDiagram(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new SessionNotFoundError() })) id: string,
  ): Promise<z.infer<typeof latestDiagramSchema>> {
    return this.diagram.latest(principal, id);
  }

  /** The board's snapshots in order, without their scenes (each can be 1 MB), for replaying how the design grew. */
  @Get(':id/diagram-timeline')
  @ApiReturns(diagramTimelineSchema)
  @ApiErrors('SESSION_NOT_FOUND', 'NOT_A_DESIGN_SESSION')
  diagramTimeline(@CurrentPrincipal() principal: Principal, @Param('id', SessionId()) id: string): Promise<DiagramTimelineDto> {
    return this.replay.timeline(principal, id);
  }

  /** One snapshot of the timeline with its scene and graph. */
  @Get(':id/diagram-timeline/:snapshotId')
  @ApiReturns(diagramSnapshotSchema)
  @ApiErrors('SESSION_NOT_FOUND', 'NOT_A_DESIGN_SESSION', 'SNAPSHOT_NOT_FOUND')
  diagramSnapshot(
    @CurrentPrincipal() principal: Principal,
    @Param('id', SessionId()) id: string,
    @Param('snapshotId', SnapshotId()) snapshotId: string,
  ): Promise<z.infer<typeof diagramSnapshotSchema>> {
    return this.replay.snapshot(principal, id, snapshotId);
  }

  /** The latest board (or `?snapshotId=`'s) drawn as SVG by the server, as a download. */
  @Get(':id/diagram.svg')
  @ApiFile('image/svg+xml', 'the board drawn as SVG, as a download')
  @ApiErrors('SESSION_NOT_FOUND', 'NOT_A_DESIGN_SESSION', 'SNAPSHOT_NOT_FOUND')
  async diagramSvg(
    @CurrentPrincipal() principal: Principal,
    @Param('id', SessionId()) id: string,
    @Query({ schema: diagramSvgQuerySchema }) { snapshotId }: DiagramSvgQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const drawn = await this.replay.svg(principal, id, snapshotId);
    res.set(SVG_HEADERS);
    res.setHeader('Content-Disposition', `attachment; filename="session-${id}-board-${drawn.snapshotId}.svg"`);
    return drawn.svg;
  }
}
