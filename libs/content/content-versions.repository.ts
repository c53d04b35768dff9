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

  /**
   * Inserts the versions not seen before; known ones are left untouched. Returns how many were new. Every process
   * calls it at boot with every rubric, role and prompt: it asks which are known first (a few short rows), so a
   * boot sends the bodies (about a megabyte) only when the content changed.
   */
  async addMissing(items: ContentVersionRow[]): Promise<number> {
    if (items.length === 0) return 0;
    const known = new Set(
      (
        await this.versions.find({
          select: { kind: true, contentId: true, version: true },
          where: items.map(({ kind, contentId, version }) => ({ kind, contentId, version })),
        })
      ).map((v) => `${v.kind}\0${v.contentId}\0${v.version}`),
    );
    const missing = items.filter((i) => !known.has(`${i.kind}\0${i.contentId}\0${i.version}`));
    if (missing.length === 0) return 0;
    // Another process may insert the same versions meanwhile: `orIgnore` keeps theirs.
    const result = await this.versions
      .createQueryBuilder()
      .insert()
      .into(ContentVersionEntity)
      .values(missing)
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
