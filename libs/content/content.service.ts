import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { NotFoundError } from '#libs/errors';
import { LOGGER, type Logger } from '#libs/logging';
import {
  type ContentBundle,
  type LoadedPromptTemplate,
  type LoadedQuestion,
  type LoadedRoleGuide,
  storedQuestionSchema,
  roleGuideSchema,
} from './content.schema.js';
import { loadContent } from './content.loader.js';
import { type ContentVersionRow, ContentVersionsRepository } from './content-versions.repository.js';

/** Strips the loader's bookkeeping so the stored body is exactly the hashed content. */
function bodyOf<T extends { file: string; version: string }>(item: T): object {
  const { file: _file, version: _version, ...body } = item;
  return body;
}

function versionRows(bundle: ContentBundle): ContentVersionRow[] {
  const rows = (kind: ContentVersionRow['kind'], items: Iterable<LoadedRoleGuide | LoadedQuestion | LoadedPromptTemplate>, key: 'id' | 'slug') =>
    [...items].map((item) => ({
      kind,
      contentId: String((item as unknown as Record<string, unknown>)[key]),
      version: item.version,
      body: bodyOf(item),
      sourceFile: item.file,
    }));
  return [
    ...rows('role', bundle.roles.values(), 'slug'),
    ...rows('question', bundle.questions.values(), 'id'),
    ...rows('prompt', bundle.prompts.values(), 'id'),
  ];
}

/**
 * The content of this process: loaded and validated once at start-up (invalid content stops the process),
 * and every version recorded in Postgres so a grade can always point at exactly the rubric it used.
 */
@Injectable()
export class ContentService implements OnModuleInit {
  private bundle?: ContentBundle;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly versions: ContentVersionsRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    const bundle = await loadContent(this.config.content);
    const added = await this.versions.addMissing(versionRows(bundle));
    this.bundle = bundle;
    this.logger.info(
      { roles: bundle.roles.size, questions: bundle.questions.size, prompts: bundle.prompts.size, newVersions: added },
      'content loaded',
    );
  }

  private get content(): ContentBundle {
    if (!this.bundle) throw new Error('content is not loaded yet');
    return this.bundle;
  }

  roles(): LoadedRoleGuide[] {
    return [...this.content.roles.values()];
  }

  role(slug: string): LoadedRoleGuide {
    const role = this.content.roles.get(slug);
    if (!role) throw new NotFoundError(`role guide "${slug}" not found`);
    return role;
  }

  questions(filter: { kind?: string; topic?: string } = {}): LoadedQuestion[] {
    const topic = filter.topic?.toLowerCase();
    return [...this.content.questions.values()].filter(
      (q) => (!filter.kind || q.kind === filter.kind) && (!topic || q.topics.some((t) => t.toLowerCase().includes(topic))),
    );
  }

  question(id: string): LoadedQuestion {
    const question = this.content.questions.get(id);
    if (!question) throw new NotFoundError(`question "${id}" not found`);
    return question;
  }

  /** The question exactly as it was at `version` (a session keeps its rubric even after the file changes). */
  async questionAt(id: string, version: string): Promise<LoadedQuestion> {
    const current = this.content.questions.get(id);
    if (current?.version === version) return current;
    const row = await this.versions.find('question', id, version);
    if (!row) throw new NotFoundError(`question "${id}" has no version ${version}`);
    return { ...storedQuestionSchema.parse(row.body), file: row.sourceFile, version };
  }

  async roleAt(slug: string, version: string): Promise<LoadedRoleGuide> {
    const current = this.content.roles.get(slug);
    if (current?.version === version) return current;
    const row = await this.versions.find('role', slug, version);
    if (!row) throw new NotFoundError(`role guide "${slug}" has no version ${version}`);
    return { ...roleGuideSchema.parse(row.body), file: row.sourceFile, version };
  }

  prompt(id: string): LoadedPromptTemplate {
    const prompt = this.content.prompts.get(id);
    if (!prompt) throw new Error(`prompt "${id}" is missing from prompts/`);
    return prompt;
  }
}
