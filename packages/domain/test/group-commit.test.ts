import { describe, expect, it } from 'vitest';
import { GroupCommit, type Waiting } from '../src/group-commit';

/** A writer whose batches end when the test says so; records what each batch carried. */
function controlledWriter(
  settle: (batch: readonly Waiting<number, string>[]) => void = ok,
  minToOverlap?: number,
) {
  const batches: number[][] = [];
  const open: (() => void)[] = [];
  const group = new GroupCommit<number, string>(
    async (batch) => {
      batches.push(batch.map((w) => w.entry));
      await new Promise<void>((release) => open.push(release));
      settle(batch);
    },
    { maxBatch: 3, maxInFlight: 2, minToOverlap },
  );
  const finishOne = async () => {
    open.shift()!();
    await new Promise((r) => setImmediate(r));
  };
  return { group, batches, finishOne };
}

function ok(batch: readonly Waiting<number, string>[]): void {
  for (const w of batch) w.resolve(`written ${w.entry}`);
}

const scope = {};

describe('GroupCommit', () => {
  it('writes the first entry at once, alone, and batches the entries that arrive while writes are in flight', async () => {
    const { group, batches, finishOne } = controlledWriter();
    const results = [1, 2, 3, 4, 5, 6].map((n) => group.add(scope, 'org_a', n));
    // 1 and 2 start at once (two in flight); 3–6 wait and go in batches of at most three
    expect(batches).toEqual([[1], [2]]);
    await finishOne();
    expect(batches).toEqual([[1], [2], [3, 4, 5]]);
    await finishOne();
    expect(batches).toEqual([[1], [2], [3, 4, 5], [6]]);
    await finishOne();
    await finishOne();
    expect(await Promise.all(results)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `written ${n}`));
  });

  it('starts a batch alongside one in flight only once it has minToOverlap entries', async () => {
    const { group, batches, finishOne } = controlledWriter(ok, 2);
    const results = [group.add(scope, 'org_a', 1), group.add(scope, 'org_a', 2)];
    // 1 goes at once, alone; 2 alone is not worth a second write next to it
    expect(batches).toEqual([[1]]);
    results.push(group.add(scope, 'org_a', 3));
    expect(batches).toEqual([[1], [2, 3]]);
    results.push(...[4, 5].map((n) => group.add(scope, 'org_a', n)));
    await finishOne();
    // one batch in flight again: 4 and 5 are company enough
    expect(batches).toEqual([[1], [2, 3], [4, 5]]);
    results.push(group.add(scope, 'org_a', 6));
    await finishOne();
    expect(batches).toEqual([[1], [2, 3], [4, 5]]);
    // the batch in flight ends: 6 goes, alone
    await finishOne();
    expect(batches).toEqual([[1], [2, 3], [4, 5], [6]]);
    await finishOne();
    expect(await Promise.all(results)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `written ${n}`));
  });

  it('keeps keys and scopes apart', async () => {
    const { group, batches, finishOne } = controlledWriter();
    const results = [
      group.add(scope, 'org_a', 1),
      group.add(scope, 'org_b', 2),
      group.add({}, 'org_a', 3),
      group.add(scope, 'org_a', 4),
      group.add(scope, 'org_a', 5),
    ];
    expect(batches).toEqual([[1], [2], [3], [4]]);
    for (let i = 0; i < 5; i++) await finishOne();
    expect(batches).toEqual([[1], [2], [3], [4], [5]]);
    expect(await Promise.all(results)).toHaveLength(5);
  });

  it("gives each entry its own outcome, and the writer's own failure to the entries it left unsettled", async () => {
    const { group, finishOne } = controlledWriter((batch) => {
      for (const w of batch) {
        if (w.entry === 3) w.reject(new Error('entry 3 is bad'));
        else if (w.entry === 4) w.resolve('written 4');
      }
      if (batch.some((w) => w.entry === 5)) throw new Error('the write failed');
      ok(batch);
    });
    const results = [1, 2, 3, 4, 5].map((n) => group.add(scope, 'org_c', n));
    const settled = Promise.allSettled(results);
    for (let i = 0; i < 3; i++) await finishOne();
    expect(
      (await settled).map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message)),
    ).toEqual(['written 1', 'written 2', 'entry 3 is bad', 'written 4', 'the write failed']);
    // the queue goes on after a failed batch
    const after = group.add(scope, 'org_c', 6);
    await finishOne();
    expect(await after).toBe('written 6');
  });
});
