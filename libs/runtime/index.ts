export { startProcess } from './start-process.js';
