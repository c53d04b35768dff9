import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { z } from 'zod';
import { rows } from '#libs/db';
import { type ContentKind, ContentVersionEntity } from './content-version.entity.js';

export interface ContentVersionRow {
  kind: ContentKind;
  contentId: string;
  version: string;
  body: object;
  sourceFile: string;
}

@Injectable()
export class ContentVersionsRepository {
  constructor(@InjectRepository(ContentVersionEntity) private readonly versions: Repository<ContentVersionEntity>) {}

  /** Inserts the versions not seen before; known ones are left untouched. Returns how many were new. */
  async addMissing(items: ContentVersionRow[]): Promise<number> {
    if (items.length === 0) return 0;
    const result = await this.versions
      .createQueryBuilder()
      .insert()
      .into(ContentVersionEntity)
      .values(items)
      .orIgnore()
      .returning(['version'])
      .execute();
    return rows(z.object({ version: z.string() }), result.raw).length;
  }

  list(kind: ContentKind, contentId: string): Promise<ContentVersionEntity[]> {
    return this.versions.find({ where: { kind, contentId }, order: { firstSeenAt: 'ASC' } });
  }

  find(kind: ContentKind, contentId: string, version: string): Promise<ContentVersionEntity | null> {
    return this.versions.findOneBy({ kind, contentId, version });
  }
}
