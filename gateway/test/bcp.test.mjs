import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startPlatform } from './support.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const smokeScript = fileURLToPath(new URL('./bcp-smoke.mjs', import.meta.url));
const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (Debian package "chromium"; ./shop test installs it)`;

/** Runs bcp-smoke.mjs; resolves to its exit code and the one JSON line it prints. */
function smoke(args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [smokeScript, ...args], { timeout: 120_000 }, (error, stdout) => {
      const lines = stdout.trim().split('\n');
      resolve({ code: error ? error.code : 0, lines, result: JSON.parse(lines.at(-1)) });
    });
  });
}

describe('Banana Cake Pop in Chromium', { skip }, () => {
  let platform;
  before(async () => { platform = await startPlatform(); });
  after(() => platform?.close());

  it('BcpSmoke_Query_RunsThroughTheIdeAgainstTheGateway', async () => {
    const { code, lines, result } = await smoke([platform.url, '--query', 'query Catalog { products { name likedBy } }', '--expect', 'Teapot']);

    assert.equal(lines.length, 1);
    assert.equal(code, 0, JSON.stringify(result));
    assert.equal(result.ok, true);
    assert.equal(result.endpoint, platform.url);
    assert.deepEqual(result.response.data.products, [{ name: 'Kettle', likedBy: 7 }, { name: 'Teapot', likedBy: 14 }]);
    assert.match(result.displayed, /"Teapot"/);
    assert.deepEqual(result.foreignHosts, []);
  });

  it('BcpSmoke_TokenInConnectionSettings_IsSentAndPropagated', async () => {
    const token = await platform.token({ sub: 'bcp-user' });

    const { code, result } = await smoke([platform.url, '--query', 'query Who { authorizationSeen }', '--token', token]);

    assert.equal(code, 0, JSON.stringify(result));
    assert.deepEqual(result.sentHeaders, ['Authorization']);
    assert.equal(result.response.data.authorizationSeen, `Bearer ${token}`);
  });

  it('BcpSmoke_OperationWithErrors_ExitsOne', async () => {
    const { code, result } = await smoke([platform.url, '--query', 'query Broken { boom }', '--timeout', '30']);

    assert.equal(code, 1);
    assert.equal(result.ok, false);
    assert.match(result.error, /^The operation answered with errors/);
    assert.equal(result.response.errors[0].path[0], 'boom');
  });
});
