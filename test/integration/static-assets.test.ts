import { readFileSync, readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../support/api-session';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * How the server hands out the built client (client/dist): hashed files compressed and
 * cached for a year, index.html revalidated on every load, robots.txt and the icon as what
 * they are, a file that does not exist as a 404 — never the app's HTML in its place — and
 * the page's first load free of the rich-text editor.
 */

const DIST = join(__dirname, '../../client/dist');
const IMMUTABLE = 'public, max-age=31536000, immutable';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent, still compressed when Content-Encoding says so. */
  body: Buffer;
}

/** A GET (or HEAD) that leaves the body as it came: fetch would inflate it behind our back. */
function raw(baseUrl: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${baseUrl}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const decoded = (res: RawResponse) => {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.body);
  if (encoding === 'gzip') return gunzipSync(res.body);
  return res.body;
};

const looksLikeHtml = (res: RawResponse) => /text\/html/.test(String(res.headers['content-type'])) || /<!doctype html/i.test(decoded(res).toString('utf8', 0, 200));

/** Every JS and CSS file index.html names: the entry, its modulepreloads and the stylesheet. */
function assetsNamedBy(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
}

/** The chunks a page loads before any lazy import: the entry and, recursively, what it imports statically. */
function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(DIST, 'assets', file), 'utf8');
    // Minified ES modules: `import{…}from"./x.js"` and bare `import"./x.js"`; dynamic
    // imports are `import("./x.js")` and stay out.
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(m[1]!);
  };
  visit(entry);
  return [...seen];
}

const EDITOR_CODE = /prosemirror/i;

let t: TestApp;
let html: string;
let assets: string[];
beforeAll(async () => {
  t = await startTestApp();
  html = readFileSync(join(DIST, 'index.html'), 'utf8');
  assets = assetsNamedBy(html);
});
afterAll(() => t?.close());

describe('the built client as the server hands it out', () => {
  it('index.html is revalidated on every load, and keeps the strict CSP', async () => {
    for (const path of ['/', '/sign-in', '/plans/2b1f3c9e-4d5a-4e6f-8a7b-9c0d1e2f3a4b']) {
      const res = await raw(t.baseUrl, path, { accept: 'text/html' });
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toMatch(/text\/html/);
      expect(res.headers['cache-control'], path).toBe('no-cache');
      expect(decoded(res).toString()).toBe(html);
      expect(res.headers['content-security-policy'], path).toContain("script-src 'self'");
    }
    const head = await raw(t.baseUrl, '/', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['cache-control']).toBe('no-cache');
  });

  it('hashed assets are cached for a year as immutable, and sent brotli- or gzip-compressed as the client accepts', async () => {
    expect(assets.length).toBeGreaterThan(1);
    for (const asset of assets) {
      const onDisk = readFileSync(join(DIST, asset));
      const br = await raw(t.baseUrl, asset, { 'accept-encoding': 'br' });
      expect(br.status, asset).toBe(200);
      expect(br.headers['cache-control'], asset).toBe(IMMUTABLE);
      expect(br.headers['content-encoding'], asset).toBe('br');
      expect(br.headers.vary, asset).toMatch(/accept-encoding/i);
      expect(br.headers['content-type'], asset).toMatch(asset.endsWith('.js') ? /javascript/ : /text\/css/);
      expect(br.body.length, asset).toBeLessThan(onDisk.length);
      expect(decoded(br).equals(onDisk), asset).toBe(true);

      const gzip = await raw(t.baseUrl, asset, { 'accept-encoding': 'gzip' });
      expect(gzip.headers['content-encoding'], asset).toBe('gzip');
      expect(gzip.headers['cache-control'], asset).toBe(IMMUTABLE);
      expect(decoded(gzip).equals(onDisk), asset).toBe(true);

      // What a browser sends: brotli preferred.
      const browser = await raw(t.baseUrl, asset, { 'accept-encoding': 'gzip, deflate, br, zstd' });
      expect(browser.headers['content-encoding'], asset).toBe('br');

      const plain = await raw(t.baseUrl, asset);
      expect(plain.headers['content-encoding'], asset).toBeUndefined();
      expect(plain.headers['cache-control'], asset).toBe(IMMUTABLE);
      expect(plain.body.equals(onDisk), asset).toBe(true);
    }
  });

  it('a file that does not exist is a 404, not the app', async () => {
    for (const path of ['/assets/index-00000000.js', '/assets/nothing.css', '/wp-login.php', '/apple-touch-icon.png', '/sitemap.xml', '/.env']) {
      const res = await raw(t.baseUrl, path, { accept: 'text/html,*/*', 'accept-encoding': 'gzip, br' });
      expect(res.status, path).toBe(404);
      expect(looksLikeHtml(res), path).toBe(false);
      expect(res.headers['cache-control'], path).not.toBe(IMMUTABLE);
    }
    // The API's own 404 is unchanged: a problem document.
    const api = await raw(t.baseUrl, '/api/nothing-here');
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('robots.txt keeps every crawler out, and the icon is an icon', async () => {
    const robots = await raw(t.baseUrl, '/robots.txt');
    expect(robots.status).toBe(200);
    expect(robots.headers['content-type']).toMatch(/text\/plain/);
    expect(robots.body.toString()).toMatch(/^User-agent: \*\s*\nDisallow: \/\s*$/m);

    const icon = await raw(t.baseUrl, '/favicon.ico', { 'accept-encoding': 'gzip, br' });
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toMatch(/^image\//);
    expect(decoded(icon).subarray(0, 4).equals(Buffer.from([0, 0, 1, 0]))).toBe(true); // ICO header
    expect(looksLikeHtml(icon)).toBe(false);
  });

  it('API answers are not compressed, so a secret in them cannot leak through the length (BREACH)', async () => {
    const eva = await signedIn(t.baseUrl, 'eva.lind');
    const cookie = [...eva.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    for (const path of ['/api/auth/session', '/api/plans?limit=50']) {
      const res = await raw(t.baseUrl, path, { cookie, 'accept-encoding': 'gzip, deflate, br', accept: 'application/json' });
      expect(res.status, path).toBe(200);
      expect(res.headers['content-encoding'], path).toBeUndefined();
      expect(res.headers['cache-control'], path).not.toBe(IMMUTABLE);
    }
  });
});

describe('what the first page load brings', () => {
  it('index.html preloads nothing of the rich-text editor, which comes only with the plan workspace', () => {
    const entry = html.match(/<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/)?.[1];
    expect(entry).toBeDefined();
    const initial = staticClosure(entry!);
    const preloaded = assets.filter((a) => a.endsWith('.js')).map((a) => a.replace('/assets/', ''));
    expect(new Set(preloaded)).toEqual(new Set(initial)); // index.html preloads exactly the static closure
    const withEditor = initial.filter((file) => EDITOR_CODE.test(readFileSync(join(DIST, 'assets', file), 'utf8')));
    expect(withEditor).toEqual([]);
    // …and the check can see the editor at all: some other (lazily loaded) chunk holds it.
    const lazy = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js') && !initial.includes(f));
    expect(lazy.some((file) => EDITOR_CODE.test(readFileSync(join(DIST, 'assets', file), 'utf8')))).toBe(true);
  });
});
