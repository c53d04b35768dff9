export * from './interview-events.js';
export * from './code-facts.js';
export * from './report-views.js';
export * from './http-views.js';
export { freeText } from './free-text.js';
export { DIAGRAM_ELEMENT_TYPES, DIAGRAM_TEXT_MAX_CHARS, diagramSceneSchema, type DiagramElementType, type DiagramScene } from './diagram-scene.js';
export { socketProtocolJsonSchema } from './socket-protocol-schema.js';
export { toJsonSchema, type JsonSchema } from './json-schema.js';
