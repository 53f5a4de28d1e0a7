// The steps of a run on the performance timeline (Node's perf_hooks and a browser's, worker
// included): the end-to-end benchmark prints them to show where the time goes.

/** Runs a step and puts its duration on the performance timeline under `name`. */
export function measured<T>(name: string, step: () => T): T {
  const start = performance.now();
  const out = step();
  if (out instanceof Promise) return out.finally(() => performance.measure(name, { start })) as T;
  performance.measure(name, { start });
  return out;
}
