import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type DynamicModule, Module } from '@nestjs/common';
import pg from 'pg';
import { ConfigModule } from '../../libs/config/index.js';
import { canonicalHash, ContentModule, ContentService, STUDY_FIELDS } from '../../libs/content/index.js';
import { DbModule } from '../../libs/db/index.js';
import { LoggingModule } from '../../libs/logging/index.js';
import { testLogger } from '../support/silent-logger.js';
import { testConfig } from '../support/test-config.js';

@Module({})
class ContentOnly {
  static forRoot(contentDir: string): DynamicModule {
    return {
      module: ContentOnly,
      imports: [
        ConfigModule.forRoot(testConfig({ CONTENT_DIR: contentDir })),
        LoggingModule.forRoot(testLogger()),
        DbModule.forRoot(),
        ContentModule,
      ],
    };
  }
}

async function versionsOf(questionId: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT version FROM content_versions WHERE kind = 'question' AND content_id = $1 ORDER BY first_seen_at, version`,
      [questionId],
    );
    return rows.map((r: { version: string }) => r.version);
  } finally {
    await client.end();
  }
}

describe(ContentService.name, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'content-'));
    await cp('rubrics', join(dir, 'rubrics'), { recursive: true });
    await cp('prompts', join(dir, 'prompts'), { recursive: true });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function start(): Promise<INestApplicationContext> {
    return NestFactory.createApplicationContext(ContentOnly.forRoot(dir), { logger: false });
  }

  it('records a new immutable version when one word of a rubric changes, keeping the old one', async () => {
    let app = await start();
    const before = app.get(ContentService).question('url-shortener').version;
    await app.close();
    expect(await versionsOf('url-shortener')).toContain(before);

    const file = join(dir, 'rubrics/questions/url-shortener.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/^title: (.*)$/m, 'title: $1 (revised)'));
    app = await start();
    const after = app.get(ContentService).question('url-shortener');
    expect(after.version).not.toBe(before);
    await expect(app.get(ContentService).questionAt('url-shortener', before)).resolves.toMatchObject({ version: before });
    await app.close();

    const versions = await versionsOf('url-shortener');
    expect(versions).toEqual(expect.arrayContaining([before, after.version]));

    app = await start(); // a restart with no change adds nothing
    await app.close();
    expect(await versionsOf('url-shortener')).toHaveLength(versions.length);
  });

  it('reads back a version stored before key points had study material (the sessions that used it keep their report)', async () => {
    const app = await start();
    try {
      const { file: _file, version: _version, ...current } = app.get(ContentService).question('lru-cache');
      const older = structuredClone(current) as Record<string, unknown> & { keyPoints: Record<string, unknown>[] };
      for (const kp of older.keyPoints) for (const field of STUDY_FIELDS) delete kp[field];
      const version = canonicalHash(older);
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      try {
        await client.query(
          `INSERT INTO content_versions (kind, content_id, version, body, source_file) VALUES ('question', 'lru-cache', $1, $2, 'rubrics/questions/lru-cache.yaml') ON CONFLICT DO NOTHING`,
          [version, JSON.stringify(older)],
        );
      } finally {
        await client.end();
      }
      const read = await app.get(ContentService).questionAt('lru-cache', version);
      expect(read.version).toBe(version);
      expect(read.keyPoints.map((k) => k.id)).toEqual(current.keyPoints.map((k) => k.id));
      expect(read.keyPoints.every((k) => k.explanation === undefined && k.references === undefined)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('refuses to change or delete a stored version', async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await expect(client.query(`UPDATE content_versions SET body = '{}'`)).rejects.toThrow(/immutable/);
      await expect(client.query(`DELETE FROM content_versions`)).rejects.toThrow(/immutable/);
    } finally {
      await client.end();
    }
  });
});
