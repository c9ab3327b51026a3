// Fair turns for store reads. SQLite reads are synchronous: a server process that ran every ready
// request's query in one event-loop turn would make that turn as long as all of them together,
// and it accepts a new connection only between turns, so under load a new client could wait for
// many turns (measured: first requests of late connections waiting 20–30 s under 50 clients).
// Here every store call waits for the previous one and then for the next turn of the loop, so
// the loop turns once per query: new connections are accepted and requests are answered in the
// order they arrived.

/** Runs async jobs one at a time, first come first served, each in a later event-loop turn. */
export class Turns {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** Jobs queued or running. */
  get pending(): number {
    return this.waiting;
  }

  run<T>(job: () => Promise<T>): Promise<T> {
    this.waiting++;
    const result = this.tail
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(job)
      .finally(() => {
        this.waiting--;
      });
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** The same object whose async methods (every Store read) run through `turns`. */
export function inTurns<S extends object>(target: S, turns: Turns, methods: readonly (keyof S)[]): S {
  const wrapped = new Set<PropertyKey>(methods as readonly PropertyKey[]);
  return new Proxy(target, {
    get(t, prop, recv) {
      const v = Reflect.get(t, prop, recv) as unknown;
      if (typeof v !== 'function' || !wrapped.has(prop)) return v;
      return (...args: unknown[]) =>
        turns.run(() => (v as (...a: unknown[]) => Promise<unknown>).apply(t, args));
    },
  });
}
