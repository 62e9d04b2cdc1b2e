/**
 * Group commit in the application: writes that arrive while others of the same kind are being written are
 * collected and written together, as one statement and one commit, instead of one each. Reads by id use it
 * the same way (contacts.get): reads arriving while one is in flight share the next statement.
 *
 * A write of its own costs the same round trips, the same statement start-up and the same commit (its WAL
 * flush) whether it carries one row or a hundred; under concurrent load most of a small write's cost is that
 * overhead. No write waits for company: the first one of a key starts its batch at once, alone. Writes that
 * come in while a batch of their key is being written wait for the next batch, which starts when the batch in
 * flight ends — or earlier, alongside it, once `minToOverlap` writes wait (at most `maxInFlight` batches of a
 * key run at a time). One caller at a time therefore sees exactly the latency of a write of its own; fifty at
 * a time share a few commits.
 *
 * `run` gets a batch and must settle every entry of it: each caller learns its own outcome (one entry's bad
 * input or lost race is that entry's error, not its neighbours'). Should `run` itself fail, the entries it
 * left unsettled fail with its error. Everything stays in the process's memory only for the time of the
 * write: a caller waits for its entry's promise, so a graceful shutdown waiting for the requests in flight
 * also waits for their batches.
 */
export interface Waiting<E, R> {
  readonly entry: E;
  resolve(value: R): void;
  reject(error: unknown): void;
}

export interface GroupCommitLimits {
  /** Entries per batch at most (the rest wait for the next batch). */
  maxBatch: number;
  /** Batches of one key written at the same time at most. */
  maxInFlight: number;
  /**
   * Entries a batch needs to start while another batch of its key is being written (default 1). Below that
   * they wait for the batch in flight to end, which costs them at most one write's time: a batch started
   * alongside another for the one entry that happened to arrive first pays a whole write's fixed cost for it,
   * and under steady load half the batches were such singletons (see contacts.create).
   */
  minToOverlap?: number;
}

interface Queue<E, R> {
  waiting: Waiting<E, R>[];
  inFlight: number;
}

export class GroupCommit<E, R> {
  private readonly queues = new WeakMap<object, Map<string, Queue<E, R>>>();

  constructor(
    private readonly run: (batch: readonly Waiting<E, R>[]) => Promise<void>,
    private readonly limits: GroupCommitLimits,
  ) {}

  /**
   * Writes `entry` in a batch with the other entries of `scope` (the database, by identity) and `key` (the
   * organisation) that are waiting; resolves with its own outcome.
   */
  add(scope: object, key: string, entry: E): Promise<R> {
    let byKey = this.queues.get(scope);
    if (!byKey) {
      byKey = new Map();
      this.queues.set(scope, byKey);
    }
    let queue = byKey.get(key);
    if (!queue) {
      queue = { waiting: [], inFlight: 0 };
      byKey.set(key, queue);
    }
    const added = new Promise<R>((resolve, reject) => queue.waiting.push({ entry, resolve, reject }));
    this.start(byKey, key, queue);
    return added;
  }

  private start(byKey: Map<string, Queue<E, R>>, key: string, queue: Queue<E, R>): void {
    while (
      queue.inFlight < this.limits.maxInFlight &&
      queue.waiting.length > 0 &&
      (queue.inFlight === 0 || queue.waiting.length >= (this.limits.minToOverlap ?? 1))
    ) {
      const batch = queue.waiting.splice(0, this.limits.maxBatch);
      queue.inFlight++;
      const settled = (async () => this.run(batch))().catch((error: unknown) => {
        // a promise settles once: this reaches only the entries `run` did not settle
        for (const waiting of batch) waiting.reject(error);
      });
      void settled.finally(() => {
        queue.inFlight--;
        if (queue.waiting.length > 0) this.start(byKey, key, queue);
        else if (queue.inFlight === 0) byKey.delete(key);
      });
    }
  }
}
