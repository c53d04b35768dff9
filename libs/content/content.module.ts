import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContentController } from './content.controller.js';
import { ContentVersionEntity } from './content-version.entity.js';
import { ContentVersionsRepository } from './content-versions.repository.js';
import { ContentService } from './content.service.js';

/** Loads and versions the content at start-up (invalid content stops the process). */
@Module({
  imports: [TypeOrmModule.forFeature([ContentVersionEntity])],
  providers: [ContentVersionsRepository, ContentService],
  exports: [ContentService],
})
export class ContentModule {}

/** The read-only content API. */
@Module({ imports: [ContentModule], controllers: [ContentController] })
export class ContentHttpModule {}
