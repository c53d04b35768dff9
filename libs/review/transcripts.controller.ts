import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal } from '#libs/auth';
import { parsePayload } from '#libs/errors';
import { SessionNotFoundError } from '#libs/interview';
import { ProgressService } from './progress.service.js';
import { disputeSchema, transcriptQuerySchema } from './review.dto.js';
import { ReviewService } from './review.service.js';
import { transcriptToMarkdown } from './transcript-markdown.js';
import { TranscriptService } from './transcript.service.js';

const SessionId = () => new ParseUUIDPipe({ exceptionFactory: () => new SessionNotFoundError() });

/** A session's transcript and export, its deletion, disputes, and my progress. */
@Controller('api')
export class TranscriptsController {
  constructor(
    private readonly transcripts: TranscriptService,
    private readonly reviews: ReviewService,
    private readonly progressService: ProgressService,
  ) {}

  /**
   * JSON by default; `?format=json|md` downloads it as a file, with the board of a system-design session. Text is
   * data: never served as HTML.
   */
  @Get('sessions/:id/transcript')
  async transcript(
    @CurrentPrincipal() principal: Principal,
    @Param('id', SessionId()) id: string,
    @Query() query: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { format } = parsePayload(transcriptQuerySchema, query);
    if (!format) return this.transcripts.forPrincipal(principal, id);
    // Downloads carry the board too (the final picture drawn by the server, and its timeline).
    const transcript = await this.transcripts.exportFor(principal, id);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Disposition', `attachment; filename="session-${id}.${format}"`);
    if (format === 'json') {
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      return transcript;
    }
    res.setHeader('Content-Type', 'text/markdown; charset=utf-8');
    return transcriptToMarkdown(transcript);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  async delete(@CurrentPrincipal() principal: Principal, @Param('id', SessionId()) id: string): Promise<void> {
    await this.reviews.deleteSession(principal, id);
  }

  @Post('sessions/:id/disputes')
  dispute(@CurrentPrincipal() principal: Principal, @Param('id', SessionId()) id: string, @Body() body: unknown) {
    return this.reviews.dispute(principal, id, parsePayload(disputeSchema, body));
  }

  @Get('me/progress')
  progress(@CurrentPrincipal() principal: Principal) {
    return this.progressService.progress(principal);
  }
}
