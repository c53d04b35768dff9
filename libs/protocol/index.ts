export * from './interview-events.js';
export * from './code-facts.js';
export { freeText } from './free-text.js';
export { DIAGRAM_ELEMENT_TYPES, DIAGRAM_TEXT_MAX_CHARS, diagramSceneSchema, type DiagramElementType, type DiagramScene } from './diagram-scene.js';
export type { InviteBatchDto, SignUpDto, WaitlistEntryDto, WaitlistStatusDto } from './waitlist-dtos.js';
