'use strict';
// Drives the official immudb Node.js SDK (immudb-node 1.1.1: token auth, immudb 1.0 proto, verifies
// header-version-0 transactions only) against an immudb-compatible server.
// Every check prints "ok   <what>"; the first failure prints "FAIL <what>: <detail>" and exits 1.
// The SDK reports some verification failures only through console.error, so those are failures too.
//
// usage: node immudb_interop.js --host H --port P --db DATABASE --state STATE_FILE

const ImmudbClient = require('immudb-node').default;

const args = {};
for (let i = 2; i < process.argv.length; i += 2) {
  args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
}

const sdkErrors = [];
const originalError = console.error;
console.error = (...xs) => {
  sdkErrors.push(xs.map(String).join(' '));
  originalError(...xs);
};

function fail(what, detail) {
  console.log(`FAIL ${what}: ${detail}`);
  process.exit(1);
}

function check(cond, what, detail) {
  if (!cond) fail(what, typeof detail === 'function' ? detail() : detail);
  console.log(`ok   ${what}`);
}

// Runs one SDK call; a rejection (the SDK rejects with undefined on a failed proof) is a failure.
async function call(what, fn) {
  const before = sdkErrors.length;
  let result;
  try {
    result = await fn();
  } catch (e) {
    fail(what, e === undefined || e === null ? 'rejected without an error (a proof did not verify)' : (e.message || JSON.stringify(e)));
  }
  if (sdkErrors.length > before) fail(what, `SDK reported: ${sdkErrors.slice(before).join(' | ')}`);
  if (result === undefined) fail(what, 'SDK returned undefined (it swallows errors into console.error)');
  return result;
}

const key = (i) => `nkey-${String(i).padStart(3, '0')}`;
const value = (i) => `nvalue-${String(i).padStart(3, '0')}-${'v'.repeat(i % 5)}`;
const N = 25;

async function main() {
  const cl = new ImmudbClient({ host: args.host, port: args.port, rootPath: args.state });
  await call('login', () => cl.login({ user: 'immudb', password: 'immudb' }));
  await call(`useDatabase ${args.db}`, () => cl.useDatabase({ databasename: args.db }));
  const health = await call('health', () => cl.health());
  check(health.status === true, 'health', JSON.stringify(health));
  // immudb-node 1.1.1 listens for a '_metadata' event that @grpc/grpc-js never emits, so it never
  // learns the server UUID and keys its trusted state under "undefined" (same against real immudb).

  const s = await call('set', () => cl.set({ key: 'plain', value: 'plain-value' }));
  const g = await call('get', () => cl.get({ key: 'plain' }));
  check(g.value === 'plain-value' && g.tx === s.id, 'set/get', JSON.stringify(g));

  let last = 0;
  for (let i = 0; i < N; i++) {
    const r = await call(`verifiedSet ${key(i)}`, () => cl.verifiedSet({ key: key(i), value: value(i) }));
    if (last && r.id !== last + 1) fail('verifiedSet tx ids', `${r.id} after ${last}`);
    last = r.id;
  }
  const trusted = () => cl.state.servers[cl._serverUUID][args.db];
  check(trusted().txid === last, `verifiedSet x${N} carries the trusted state`, JSON.stringify(trusted()));
  for (let i = 0; i < N; i++) {
    const r = await call(`verifiedGet ${key(i)}`, () => cl.verifiedGet({ key: key(i) }));
    if (r.value !== value(i) || r.key !== key(i) || r.tx !== last - N + 1 + i) {
      fail(`verifiedGet ${key(i)}`, JSON.stringify(r));
    }
  }
  check(true, `verifiedGet x${N}`);

  await call('setReference', () => cl.setReference({ key: 'ref-1', referencedKey: key(1) }));
  const viaRef = await call('get via reference', () => cl.get({ key: 'ref-1' }));
  check(viaRef.value === value(1), 'setReference + get through it', JSON.stringify(viaRef));
  await call('verifiedSetReference', () => cl.verifiedSetReference({ key: 'ref-2', referencedKey: key(2) }));
  const vRef = await call('verifiedGet via reference', () => cl.verifiedGet({ key: 'ref-2' }));
  check(vRef.value === value(2), 'verifiedSetReference + verifiedGet through it', JSON.stringify(vRef));

  await call('zAdd', () => cl.zAdd({ set: 'zs', score: 5, key: key(5) }));
  await call('zAdd', () => cl.zAdd({ set: 'zs', score: 1.5, key: key(1) }));
  await call('verifiedZAdd', () => cl.verifiedZAdd({ set: 'zs', score: 3, key: key(3) }));
  const z = await call('zScan', () => cl.zScan({ set: 'zs', limit: 10 }));
  const zs = z.entriesList.map((e) => `${e.key}@${e.score}`).join(',');
  check(zs === `${key(1)}@1.5,${key(3)}@3,${key(5)}@5`, 'zAdd + zScan order', zs);

  for (const v of ['h1', 'h2', 'h3']) await call('set hist', () => cl.set({ key: 'hist', value: v }));
  const h = await call('history', () => cl.history({ key: 'hist' }));
  check(h.entriesList.map((e) => e.value).join(',') === 'h1,h2,h3', 'history',
    () => JSON.stringify(h.entriesList));

  const sc = await call('scan', () => cl.scan({ prefix: 'nkey-', limit: 100 }));
  const keys = sc.entriesList.map((e) => e.key);
  check(keys.length === N && keys.every((k, i) => k === key(i)) && sc.entriesList[7].value === value(7),
    'scan prefix', () => JSON.stringify(keys));

  const firstTx = last - N + 1;
  const tx = await call('txById', () => cl.txById({ tx: firstTx }));
  check(tx.metadata.id === firstTx && tx.entriesList.length === 1 &&
    Buffer.from(tx.entriesList[0].key, 'base64').toString() === '\u0000' + key(0), 'txById',
  () => JSON.stringify(tx));
  const vtx = await call('verifiedTxById old tx', () => cl.verifiedTxById({ tx: firstTx }));
  check(vtx.metadata.id === firstTx, 'verifiedTxById of an old tx', () => JSON.stringify(vtx.metadata));
  const newest = await call('set', () => cl.set({ key: 'after', value: 'x' }));
  const vtx2 = await call('verifiedTxById newest tx', () => cl.verifiedTxById({ tx: newest.id }));
  check(vtx2.metadata.id === newest.id, 'verifiedTxById of the newest tx', () => JSON.stringify(vtx2.metadata));

  const t = trusted();
  console.log(`TRUSTED db=${args.db} txId=${t.txid} txHash=${Buffer.from(t.txhash).toString('hex')}`);
  await call('logout', () => cl.logout());
  console.log('ALL OK');
  process.exit(0);
}

main().catch((e) => fail('unexpected', e && e.stack ? e.stack : String(e)));
