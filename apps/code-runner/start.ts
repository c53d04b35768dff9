import 'reflect-metadata';
import { startProcess } from '#libs/runtime';
import { createCodeRunnerApp } from './create-code-runner-app.js';

await startProcess('code-runner', createCodeRunnerApp);
