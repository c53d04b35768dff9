import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ContentKind = 'role' | 'question' | 'prompt';

/** One immutable version of a role guide, question (rubric) or prompt, as it was when first seen. */
@Entity({ name: 'content_versions' })
export class ContentVersionEntity {
  @PrimaryColumn({ type: 'text' })
  kind!: ContentKind;

  @PrimaryColumn({ name: 'content_id', type: 'text' })
  contentId!: string;

  @PrimaryColumn({ type: 'text' })
  version!: string;

  @Column({ type: 'jsonb' })
  body!: object;

  @Column({ name: 'source_file', type: 'text' })
  sourceFile!: string;

  @Column({ name: 'first_seen_at', type: 'timestamptz', insert: false })
  firstSeenAt!: Date;
}
