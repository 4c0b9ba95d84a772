const HELD: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs the last steps of an edit (lock, re-read, write, rename) with Ctrl-C held back: the edit
 * completes or never starts, no temp or lock file is left, and the signal then ends the process.
 */
export async function withSignalsHeld<T>(run: () => Promise<T>): Promise<T> {
  let received: NodeJS.Signals | undefined;
  const hold = (signal: NodeJS.Signals) => {
    received ??= signal;
  };
  for (const signal of HELD) process.on(signal, hold);
  try {
    return await run();
  } finally {
    for (const signal of HELD) process.off(signal, hold);
    if (received) process.kill(process.pid, received);
  }
}
