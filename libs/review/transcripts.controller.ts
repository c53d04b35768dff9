import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentPrincipal, type Principal } from '#libs/auth';
import { ApiErrors, ApiNoContent, ApiReturns } from '#libs/http';
import { SessionNotFoundError } from '#libs/interview';
import { disputeSchema as disputeViewSchema, progressSchema, transcriptExportSchema, transcriptSchema } from '#libs/protocol';
import { ProgressService } from './progress.service.js';
import { type DisputeInput, disputeSchema, type TranscriptQuery, transcriptQuerySchema } from './review.dto.js';
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
  @ApiReturns(
    z.union([transcriptSchema, transcriptExportSchema]).describe('The transcript; with `format=json`, the download (`TranscriptExport`)'),
    200,
    {
      mediaType: 'text/markdown',
      description: 'with `format=md`, the Markdown download',
    },
  )
  @ApiErrors('SESSION_NOT_FOUND')
  async transcript(
    @CurrentPrincipal() principal: Principal,
    @Param('id', SessionId()) id: string,
    @Query({ schema: transcriptQuerySchema }) { format }: TranscriptQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<z.infer<typeof transcriptSchema> | z.infer<typeof transcriptExportSchema> | string> {
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
  @ApiNoContent()
  @ApiErrors('SESSION_NOT_FOUND')
  async delete(@CurrentPrincipal() principal: Principal, @Param('id', SessionId()) id: string): Promise<void> {
    await this.reviews.deleteSession(principal, id);
  }

  @Post('sessions/:id/disputes')
  @ApiReturns(disputeViewSchema, 201)
  @ApiErrors('SESSION_NOT_FOUND', 'TURN_NOT_FOUND', 'CONFLICT')
  dispute(
    @CurrentPrincipal() principal: Principal,
    @Param('id', SessionId()) id: string,
    @Body({ schema: disputeSchema }) body: DisputeInput,
  ): Promise<z.infer<typeof disputeViewSchema>> {
    return this.reviews.dispute(principal, id, body);
  }

  @Get('me/progress')
  @ApiReturns(progressSchema)
  progress(@CurrentPrincipal() principal: Principal): Promise<z.infer<typeof progressSchema>> {
    return this.progressService.progress(principal);
  }
}
