import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

let acorn: Promise<string> | undefined;

/**
 * acorn's CommonJS build, written beside a JavaScript solution for the analyser to parse it inside the sandbox
 * (the sandbox binds no node_modules). Read once per process.
 */
export function acornSource(): Promise<string> {
  acorn ??= readFile(createRequire(import.meta.url).resolve('acorn'), 'utf8');
  return acorn;
}
