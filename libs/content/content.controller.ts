import { Controller, Get, Param, Query } from '@nestjs/common';
import { z } from 'zod';
import { CurrentPrincipal, type Principal, Public } from '#libs/auth';
import { parsePayload } from '#libs/errors';
import { freeText } from '#libs/protocol';
import { QUESTION_KINDS } from './common.schema.js';
import { ContentService } from './content.service.js';
import { toCandidateQuestion, toCandidateRole } from './question-view.js';

const questionFilter = z.object({ kind: z.enum(QUESTION_KINDS).optional(), topic: freeText().max(100).optional() });

/** Candidates see what a candidate may see; coaches and admins see the whole rubric. */
const seesRubric = (p: Principal) => p.role === 'coach' || p.role === 'admin';

@Controller('api')
export class ContentController {
  constructor(private readonly content: ContentService) {}

  @Public()
  @Get('roles')
  roles() {
    return this.content.roles().map((r) => ({ ...toCandidateRole(r), version: r.version }));
  }

  @Public()
  @Get('roles/:slug')
  role(@Param('slug') slug: string) {
    const role = this.content.role(slug);
    return { ...toCandidateRole(role), version: role.version };
  }

  @Get('questions')
  questions(@Query() query: unknown) {
    return this.content.questions(parsePayload(questionFilter, query)).map((q) => ({
      id: q.id,
      kind: q.kind,
      title: q.title,
      difficulty: q.difficulty,
      topics: q.topics,
      role: q.role,
    }));
  }

  @Get('questions/:id')
  question(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    const { file: _file, ...question } = this.content.question(id);
    return seesRubric(principal) ? question : { ...toCandidateQuestion(question), version: question.version };
  }
}
