import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';

/**
 * Cache-Control for each kind of file in the built client.
 *
 * - `assets/`: Vite names every file there by a hash of its content, so a name never
 *   changes meaning: a year, immutable (no revalidation on reload either).
 * - `index.html`: names the current assets, so it must be revalidated on every load
 *   (`no-cache` = store, but ask first; the ETag makes that a 304).
 * - anything else at the root (robots.txt, the icons): stable names, content that could
 *   change with a release; a day.
 */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_REVALIDATE = 'no-cache';
const CACHE_DAY = 'public, max-age=86400';

function cacheControlFor(root: string, file: string): string {
  // `file` is the file actually sent: `index.html.br` for a brotli answer to `/`.
  const path = relative(root, file).split(sep).join('/').replace(/\.(br|gz)$/, '');
  if (path.startsWith('assets/')) return CACHE_IMMUTABLE;
  if (path === 'index.html') return CACHE_REVALIDATE;
  return CACHE_DAY;
}

/** A path whose last segment has a dot names a file (`/favicon.ico`, `/x.php`); client routes never do. */
const looksLikeFile = (path: string) => /\.[^/]*$/.test(path);

/**
 * The built client (client/dist) at the site's root, outside `/api`.
 *
 * Files are sent pre-compressed: the build writes a brotli (`.br`) and a gzip (`.gz`) copy
 * beside each text file (vite-plugin-compression2), and express-static-gzip sends the one the
 * request accepts, brotli first, with `Vary: Accept-Encoding`. Nothing is compressed per
 * request (see docs/architecture.md, *Serving the client*).
 *
 * A path that names no file: a client route (no dot in its last segment) gets index.html,
 * so that a reload of `/plans/…` works; anything else falls through to the API's 404 —
 * never the app's HTML under a file's name (which made `/robots.txt` and `/favicon.ico`
 * answer with the app).
 *
 * Returns null when there is no build to serve (the API alone, as in `npm run dev`).
 */
export function serveClient(root: string): RequestHandler | null {
  if (!existsSync(join(root, 'index.html'))) return null;
  const files = expressStaticGzip(root, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: {
      index: false,
      // Our own header below: serve-static's would be `public, max-age=0` for everything.
      cacheControl: false,
      setHeaders: (res, file) => res.setHeader('Cache-Control', cacheControlFor(root, file)),
    },
  }) as RequestHandler;

  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/api' || req.path.startsWith('/api/')) return next();
    files(req, res, (err?: unknown) => {
      if (err) return next(err);
      if (looksLikeFile(req.path)) return next();
      // A client route: the app's page, negotiated and cached like /index.html itself.
      const url = req.url;
      req.url = '/index.html';
      files(req, res, (fallbackErr?: unknown) => {
        req.url = url;
        next(fallbackErr);
      });
    });
  };
}
