import { Controller, Get, Param, Query } from '@nestjs/common';
import { z } from 'zod';
import { CurrentPrincipal, type Principal, Public } from '#libs/auth';
import { ApiErrors, ApiReturns } from '#libs/http';
import {
  type QuestionDetail,
  questionDetailSchema,
  type QuestionFilter,
  questionFilterSchema,
  type QuestionListItem,
  questionListItemSchema,
  type RoleView,
  roleViewSchema,
} from './content.dto.js';
import { ContentService } from './content.service.js';
import { toCandidateQuestion, toCandidateRole } from './question-view.js';

/** Candidates see what a candidate may see; coaches and admins see the whole rubric. */
const seesRubric = (p: Principal) => p.role === 'coach' || p.role === 'admin';

@Controller('api')
export class ContentController {
  constructor(private readonly content: ContentService) {}

  @Public()
  @Get('roles')
  @ApiReturns(z.array(roleViewSchema))
  roles(): RoleView[] {
    return this.content.roles().map((r) => ({ ...toCandidateRole(r), version: r.version }));
  }

  @Public()
  @Get('roles/:slug')
  @ApiReturns(roleViewSchema)
  @ApiErrors('NOT_FOUND')
  role(@Param('slug') slug: string): RoleView {
    const role = this.content.role(slug);
    return { ...toCandidateRole(role), version: role.version };
  }

  @Get('questions')
  @ApiReturns(z.array(questionListItemSchema))
  questions(@Query({ schema: questionFilterSchema }) query: QuestionFilter): QuestionListItem[] {
    return this.content.questions(query).map((q) => ({
      id: q.id,
      kind: q.kind,
      title: q.title,
      difficulty: q.difficulty,
      topics: q.topics,
      role: q.role,
    }));
  }

  @Get('questions/:id')
  @ApiReturns(questionDetailSchema)
  @ApiErrors('NOT_FOUND')
  question(@Param('id') id: string, @CurrentPrincipal() principal: Principal): QuestionDetail {
    const { file: _file, ...question } = this.content.question(id);
    return seesRubric(principal) ? question : { ...toCandidateQuestion(question), version: question.version };
  }
}
