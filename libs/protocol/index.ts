export * from './interview-events.js';
export * from './code-facts.js';
export * from './report-views.js';
export * from './http-views.js';
export { freeText } from './free-text.js';
export { diagramSceneSchema, type DiagramElementType, type DiagramScene } from './diagram-scene.js';
/** @public scripts/openapi-contract.mjs reads it from the build to write docs/socket-protocol.schema.json. */
export { socketProtocolJsonSchema } from './socket-protocol-schema.js';
export { toJsonSchema } from './json-schema.js';
