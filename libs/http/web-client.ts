import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/** Paths the web client never answers: the api's own routes keep their JSON 404s. */
const SERVER_PREFIXES = ['/api/', '/socket.io/', '/health'];

export type WebClientHandler = (req: Request, res: Response, next: NextFunction) => void;

/**
 * Serves the built single-page client from `dir`: its files as they are (hashed `assets/` cached for a year),
 * and `index.html` for any other GET that wants a page, so a deep link like `/sessions/…` opens the app.
 * Returns null when the client was not built (`dir/index.html` missing): the api then serves only the api.
 */
export function webClientHandler(dir: string): WebClientHandler | null {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return null;
  const root = normalize(dir + sep);

  const sendIndex = (res: Response, next: NextFunction) => {
    // The CSP and nosniff come from `securityHeaders()`, on every answer.
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index, (err) => err && next(err));
  };

  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PREFIXES.some((p) => req.path === p.replace(/\/$/, '') || req.path.startsWith(p))) {
      next();
      return;
    }
    const file = normalize(join(root, decodeURIComponentSafe(req.path)));
    if (file.startsWith(root) && file !== index && isFile(file)) {
      const hashed = req.path.startsWith('/assets/');
      res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.sendFile(file, (err) => err && next(err));
      return;
    }
    // A missing file with an extension (a stale asset, a favicon) is a plain 404, not the app.
    if (extname(req.path) !== '' || !req.accepts('html')) {
      next();
      return;
    }
    sendIndex(res, next);
  };
}

function decodeURIComponentSafe(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return '\u0000';
  }
}

function isFile(path: string): boolean {
  try {
    return !path.includes('\u0000') && statSync(path).isFile();
  } catch {
    return false;
  }
}
