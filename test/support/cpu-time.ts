// How long a piece of code takes, for the tests that bound an algorithm's growth (linear, not
// quadratic). They measure this process's CPU time, not the wall clock: CI runs test files side by
// side on two cores, and while another file has the CPU the wall clock runs on but this does not.
// A ratio of wall times failed CI twice (a linear layout measured at 42× for 8× the lines).

/** Milliseconds of CPU this process spent (all its threads, GC included) while `run` ran. */
export function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / 1000;
}

/** `cpuMs` for work that awaits; nothing else may run in this process meanwhile. */
export async function cpuMsAsync(run: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await run();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / 1000;
}

/** The least of `rounds` measures: a pause in one (a GC of another test's garbage) is not the code's cost. */
export function leastCpuMs(run: () => void, rounds = 3): number {
  let least = Infinity;
  for (let round = 0; round < rounds; round++) least = Math.min(least, cpuMs(run));
  return least;
}
