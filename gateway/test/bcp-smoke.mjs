// Browser smoke test of Banana Cake Pop as the gateway serves it: opens the IDE in headless
// Chromium, waits for it to load the schema from the gateway, types an operation into the editor,
// runs it with the Run button and reads the result the IDE shows.
//
//   node test/bcp-smoke.mjs <bcp url> [--query <operation>] [--expect <text>] [--token <jwt>]
//                                     [--header "Name: value"]... [--screenshot <png>]
//                                     [--timeout <seconds>] [--chromium <path>]
//
// --query is a query or mutation (default `query BcpSmoke { __typename }`); --token goes in through
// the IDE's Connection Settings (Authorization: Bearer), as a person would set it; --header adds a
// document HTTP header. Prints exactly one JSON line on stdout ({"ok": true|false, ...}) and exits
// 0 when the operation ran through the UI with a result without errors (containing --expect), else 1.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

// Chromium as root on a machine without internet: no sandbox, no GPU, and none of the background
// connections it would otherwise try (and have refused) at every start.
const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const OPTIONS = {
  query: { type: 'string', default: 'query BcpSmoke { __typename }' },
  expect: { type: 'string' },
  token: { type: 'string' },
  header: { type: 'string', multiple: true, default: [] },
  screenshot: { type: 'string' },
  timeout: { type: 'string', default: '60' },
  chromium: { type: 'string', default: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
};

const result = { ok: false, url: null, stage: 'arguments' };
let values;
const started = Date.now();
let context;
let profile;
let page;

function log(message) {
  process.stderr.write(`bcp-smoke: ${message}\n`);
}

function parseHeaders(lines) {
  return Object.fromEntries(lines.map((line) => {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`--header must be "Name: value", got "${line}".`);
    return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
  }));
}

async function run() {
  const args = parseArgs({ allowPositionals: true, options: OPTIONS });
  values = args.values;
  result.url = args.positionals[0] ?? null;
  if (!result.url || args.positionals.length > 1) {
    throw new Error('Usage: bcp-smoke.mjs <bcp url> [--query ...] [--expect ...] [--token ...] [--header ...]');
  }
  const timeoutMs = Number(values.timeout) * 1000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error('--timeout must be a positive number of seconds.');
  const headers = parseHeaders(values.header);
  const pageUrl = new URL(result.url);

  result.stage = 'launch';
  profile = await mkdtemp(path.join(tmpdir(), 'bcp-smoke-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: values.chromium,
    headless: true,
    args: CHROMIUM_FLAGS,
    timeout: timeoutMs,
    // The IDE's service worker reloads the page once it has cached it, which can swallow the
    // first clicks and edits; a person would not notice, a script does.
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(timeoutMs);
  page = context.pages()[0] ?? await context.newPage();
  const foreignHosts = new Set();
  const pageErrors = [];
  page.on('request', (request) => {
    const host = new URL(request.url()).host;
    if (/^https?:/.test(request.url()) && host !== pageUrl.host) foreignHosts.add(host);
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  if (process.env.BCP_SMOKE_DEBUG) {
    page.on('request', (r) => log(`${r.method()} ${r.url()} ${(r.postData() ?? '').slice(0, 100)}`));
    page.on('websocket', (ws) => log(`websocket ${ws.url()}`));
  }

  // The IDE introspects the endpoint it was configured with as soon as a document opens.
  result.stage = 'load';
  const introspection = page.waitForResponse((r) => r.request().method() === 'POST'
    && (r.request().postData() ?? '').includes('__schema'));
  introspection.catch(() => {}); // awaited below; a failed page load must not leave it unhandled
  const response = await page.goto(result.url, { waitUntil: 'load' });
  result.pageStatus = response?.status() ?? null;
  result.title = await page.title();
  await page.getByRole('button', { name: 'Create Document' }).click();
  const schema = await introspection;
  result.endpoint = schema.url();
  result.introspectionStatus = schema.status();
  if (!schema.ok()) throw new Error(`Introspection of ${schema.url()} answered ${schema.status()}.`);
  await page.getByText('Schema available').waitFor();

  if (values.token) {
    result.stage = 'token';
    await page.getByRole('button', { name: 'Connection Settings' }).click();
    await page.getByRole('tab', { name: 'Authorization' }).click();
    await page.locator('#auth-flow').selectOption('bearer');
    await page.locator('#token').fill(values.token);
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await page.locator('#auth-flow').waitFor({ state: 'detached' });
  }

  if (Object.keys(headers).length > 0) {
    result.stage = 'headers';
    await page.getByText('HTTP Headers', { exact: true }).click();
    // One Name/Value row per header; the IDE adds an empty row below the last one filled.
    for (const [name, value] of Object.entries(headers)) {
      await page.getByPlaceholder('Name', { exact: true }).last().fill(name);
      await page.getByPlaceholder('Value', { exact: true }).last().fill(value);
    }
  }

  result.stage = 'query';
  await typeInto(page, page.locator('.monaco-editor').first(), values.query);
  // The IDE lists a named operation in its Builder once it has taken in the edit; Run before
  // that would run the previous text.
  const name = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z]\w*)/.exec(values.query)?.[1];
  // (An operation the IDE finds invalid may never be listed: then Run is simply tried.)
  if (name) await page.getByText(`${name}:`, { exact: false }).first().waitFor({ timeout: 5000 }).catch(() => {});
  const answer = await runOperation(page, schema.url(), values.query, timeoutMs);
  result.status = answer.status();
  const expectedHeaders = { ...headers, ...(values.token ? { Authorization: `Bearer ${values.token}` } : {}) };
  const sent = await answer.request().allHeaders();
  result.sentHeaders = Object.keys(expectedHeaders).filter((name) => sent[name.toLowerCase()] === expectedHeaders[name]);
  result.response = await answer.json();

  // What the IDE shows in its Response pane (the last editor), once it has rendered the result.
  result.stage = 'display';
  const shown = page.locator('.monaco-editor').last();
  await shown.getByText('"data"').first().waitFor();
  result.displayed = (await shown.innerText()).replace(/^\d+$/gm, '').replace(/\s+/g, ' ').trim();

  result.foreignHosts = [...foreignHosts];
  result.pageErrors = pageErrors;

  const errors = result.response?.errors;
  if (!result.response?.data || (Array.isArray(errors) && errors.length > 0)) {
    throw new Error(`The operation answered with errors: ${JSON.stringify(errors ?? result.response)}`);
  }
  if (result.sentHeaders.length !== Object.keys(expectedHeaders).length) {
    throw new Error('The IDE did not send the configured HTTP headers.');
  }
  if (values.expect && !result.displayed.includes(values.expect) && !JSON.stringify(result.response).includes(values.expect)) {
    throw new Error(`The result does not contain "${values.expect}".`);
  }
  result.stage = 'done';
  result.ok = true;
}

/** Clicks Run until the IDE sends the operation (an edit can take a moment to register). */
async function runOperation(page, endpoint, query, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const sent = (r) => r.request().method() === 'POST' && r.url() === endpoint && (r.request().postData() ?? '').includes(JSON.stringify(query).slice(1, -1));
  for (;;) {
    const answer = page.waitForResponse(sent, { timeout: Math.min(3000, Math.max(1, deadline - Date.now())) });
    answer.catch(() => {});
    await page.getByRole('button', { name: /^Run Operation/ }).click();
    try {
      return await answer;
    } catch (error) {
      if (Date.now() >= deadline) throw new Error(`The IDE did not send the operation to ${endpoint}.`);
    }
  }
}

/**
 * Replaces a Monaco editor's text, inserted as one input so the editor does not auto-close
 * brackets, and checks that the editor shows it.
 */
async function typeInto(page, editor, text) {
  const start = text.trim().split(/\s+/).slice(0, 2).join(' ');
  for (let attempt = 1; ; attempt++) {
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(text);
    const shown = (await editor.innerText()).replace(/\s+/g, ' ');
    if (shown.includes(start)) return;
    if (attempt === 3) throw new Error(`The editor does not show the typed text (it shows "${shown.slice(0, 80)}").`);
  }
}

try {
  await run();
} catch (error) {
  result.error = error.message.split('\n')[0];
  log(error.stack ?? error.message);
} finally {
  result.durationMs = Date.now() - started;
  if (values?.screenshot && page) await page.screenshot({ path: values.screenshot }).catch(() => {});
  await context?.close().catch(() => {});
  if (profile) await rm(profile, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exitCode = result.ok ? 0 : 1;
}
