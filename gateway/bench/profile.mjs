// Samples the CPU of a running gateway through its inspector and prints the frames and packages
// with the most self time, as a share of the time it was busy. `./shop bench gateway` stops its
// gateways with SIGKILL, so `node --cpu-prof` would never write its file; start the bench with
// NODE_OPTIONS="--inspect=127.0.0.1:0", find a gateway's inspector port (ss -ltnp), then:
//   node bench/profile.mjs <inspector port> <seconds> [out.cpuprofile]
// The profile is also written for Chrome DevTools. Never a pass/fail gate.
import { writeFileSync } from 'node:fs';
import WebSocket from 'ws';

const [port, seconds = '30', out = 'gateway.cpuprofile'] = process.argv.slice(2);
if (!port) {
  console.error('usage: node bench/profile.mjs <inspector port> <seconds> [out.cpuprofile]');
  process.exit(2);
}
const [target] = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
const socket = new WebSocket(target.webSocketDebuggerUrl);
await new Promise((resolve, reject) => { socket.once('open', resolve).once('error', reject); });
const pending = new Map();
let lastId = 0;
socket.on('message', (data) => {
  const message = JSON.parse(data);
  pending.get(message.id)?.(message);
  pending.delete(message.id);
});
const send = (method, params = {}) => new Promise((resolve) => {
  lastId += 1;
  pending.set(lastId, resolve);
  socket.send(JSON.stringify({ id: lastId, method, params }));
});

await send('Profiler.enable');
await send('Profiler.setSamplingInterval', { interval: 200 });
await send('Profiler.start');
await new Promise((resolve) => { setTimeout(resolve, Number(seconds) * 1000); });
const { result: { profile } } = await send('Profiler.stop');
socket.close();
writeFileSync(out, JSON.stringify(profile));

const selfTime = new Map();
profile.samples.forEach((node, i) => selfTime.set(node, (selfTime.get(node) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const IDLE = new Set(['(idle)', '(program)']);
const frames = new Map();
const packages = new Map();
let busy = 0;
let idle = 0;
for (const { id, callFrame } of profile.nodes) {
  const time = selfTime.get(id) ?? 0;
  if (IDLE.has(callFrame.functionName)) {
    idle += time;
    continue;
  }
  busy += time;
  const file = callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/gateway\//, '');
  const frame = `${callFrame.functionName || '(anonymous)'} ${file}:${callFrame.lineNumber + 1}`;
  frames.set(frame, (frames.get(frame) ?? 0) + time);
  const pkg = callFrame.url.includes('node_modules/') ? file.split('/').slice(0, file.startsWith('@') ? 2 : 1).join('/') : (file || callFrame.functionName);
  packages.set(pkg, (packages.get(pkg) ?? 0) + time);
}
const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n)
  .map(([name, time]) => `${((100 * time) / busy).toFixed(1).padStart(5)} %  ${name}`).join('\n');
console.log(`${seconds} s sampled, busy ${(busy / 1e6).toFixed(2)} s, idle ${(idle / 1e6).toFixed(2)} s; shares of busy time`);
console.log(`-- frames by self time\n${top(frames, 30)}\n-- packages by self time\n${top(packages, 20)}`);
