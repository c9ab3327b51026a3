// Store reads in turns (src/api/turns.ts): first come first served, one per event-loop turn, and
// a failing read neither blocks the queue nor hides its error.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inTurns, Turns } from '../src/api/turns.js';

test('jobs run one at a time in arrival order, each in a later loop turn', async () => {
  const turns = new Turns();
  const log: string[] = [];
  let running = 0;
  const job = (name: string) => async () => {
    running++;
    assert.equal(running, 1, 'never two at once');
    log.push(`start ${name}`);
    // Something else scheduled for the next turn runs between two jobs.
    setImmediate(() => log.push(`turn after ${name}`));
    await Promise.resolve();
    running--;
    return name;
  };
  const results = await Promise.all(['a', 'b', 'c'].map((n) => turns.run(job(n))));
  assert.deepEqual(results, ['a', 'b', 'c']);
  assert.deepEqual(log, ['start a', 'turn after a', 'start b', 'turn after b', 'start c']);
  assert.equal(turns.pending, 0);
});

test('a failing job rejects its own caller only; the next job still runs', async () => {
  const turns = new Turns();
  const bad = turns.run(async () => {
    throw new Error('broken read');
  });
  const good = turns.run(async () => 42);
  await assert.rejects(bad, /broken read/);
  assert.equal(await good, 42);
});

test('inTurns queues only the named methods and keeps other properties', async () => {
  const turns = new Turns();
  const calls: string[] = [];
  const target = {
    kind: 'sqlite' as const,
    async read(x: number) {
      calls.push(`read ${x}, pending ${turns.pending}`);
      return x * 2;
    },
    async write() {
      calls.push(`write, pending ${turns.pending}`);
    },
  };
  const s = inTurns(target, turns, ['read']);
  assert.equal(s.kind, 'sqlite');
  const [a, b] = await Promise.all([s.read(1), s.read(2), s.write()]);
  assert.deepEqual([a, b], [2, 4]);
  // write ran at once (not queued, while both reads were pending); each read saw itself counted.
  assert.deepEqual(calls, ['write, pending 2', 'read 1, pending 2', 'read 2, pending 1']);
});
