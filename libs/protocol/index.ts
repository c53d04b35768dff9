export * from './interview-events.js';
export * from './code-facts.js';
export { freeText } from './free-text.js';
export { DIAGRAM_ELEMENT_TYPES, DIAGRAM_TEXT_MAX_CHARS, diagramSceneSchema, type DiagramElementType, type DiagramScene } from './diagram-scene.js';
export type { InviteBatchDto, InviteDto, InviteResentDto, SignUpDto, WaitlistEntryDto, WaitlistStatusDto } from './waitlist-dtos.js';
export type { DiagramTimelineDto, DiagramTimelineEntry, ReviewQueueRowDto } from './review-dtos.js';
