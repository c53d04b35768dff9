import { Module } from '@nestjs/common';
import { SandboxModule } from '#libs/sandbox';
import { CodeFactsService } from './code-facts.service.js';

@Module({ imports: [SandboxModule], providers: [CodeFactsService], exports: [CodeFactsService] })
export class CodeFactsModule {}
