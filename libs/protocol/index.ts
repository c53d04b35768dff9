export * from './interview-events.js';
