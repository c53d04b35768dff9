import 'reflect-metadata';
import { startProcess } from '#libs/runtime';
import { createWorkerApp } from './create-worker-app.js';

await startProcess('worker', createWorkerApp);
