import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

// Banana Cake Pop's static build, straight from its npm package: nothing is fetched from a CDN.
const PACKAGE_DIR = path.dirname(createRequire(import.meta.url).resolve('@chillicream/bananacakepop-graphql-ide/package.json'));

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The IDE's settings, read by it from `<its URL>/bcp-config.json`: take the page's own URL as the
 * GraphQL endpoint (so it targets this gateway whatever host name reached it) and send no telemetry.
 */
const BCP_CONFIG = JSON.stringify({ useBrowserUrlAsEndpoint: true, title: 'Shop', disableTelemetry: true });

function acceptsHtml(request) {
  return /\btext\/html\b/i.test(request.headers.get('accept') ?? '');
}

/**
 * Serves Banana Cake Pop at `<endpoint>/` to browsers: a `GET <endpoint>` asking for HTML is sent
 * to `<endpoint>/` (the IDE loads its files relative to that), which serves the IDE, its
 * `bcp-config.json` and its static files. Every other request goes on to the gateway.
 */
export function useBananaCakePop(endpoint = '/graphql') {
  const root = `${endpoint}/`;
  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
      if (url.pathname === endpoint) {
        if (acceptsHtml(request) && !url.searchParams.has('query')) {
          endResponse(new fetchAPI.Response(null, { status: 302, headers: { Location: `${root}${url.search}` } }));
        }
        return undefined;
      }
      if (!url.pathname.startsWith(root)) return undefined;

      let relative;
      try {
        relative = decodeURIComponent(url.pathname.slice(root.length)) || 'index.html';
      } catch {
        endResponse(notFound(fetchAPI));
        return undefined;
      }
      if (relative === 'bcp-config.json') {
        endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : BCP_CONFIG, {
          headers: { 'Content-Type': CONTENT_TYPES['.json'], 'Cache-Control': 'no-cache' },
        }));
        return undefined;
      }
      return serveFile(relative, request, fetchAPI).then(endResponse);
    },
  };
}

async function serveFile(relative, request, fetchAPI) {
  const file = path.resolve(PACKAGE_DIR, relative);
  const extension = path.extname(file);
  // Only the IDE's own assets: nothing outside its folder, no package metadata or licence files.
  if (!file.startsWith(`${PACKAGE_DIR}${path.sep}`) || !(extension in CONTENT_TYPES) || relative === 'package.json') {
    return notFound(fetchAPI);
  }
  let body;
  try {
    body = await readFile(file);
  } catch (error) {
    if (error.code === 'ENOENT' || error.code === 'EISDIR') return notFound(fetchAPI);
    throw error;
  }
  // Files under static/ carry a content hash in their names and never change.
  const immutable = relative.startsWith('static/');
  return new fetchAPI.Response(request.method === 'HEAD' ? null : body, {
    headers: {
      'Content-Type': CONTENT_TYPES[extension],
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

function notFound(fetchAPI) {
  return new fetchAPI.Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
