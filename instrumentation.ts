// Runs once when the Next server starts (Next's instrumentation hook). NEXT_RUNTIME is Next's own
// build-time switch: the Node.js module is left out of any edge bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startEventLoopLog } = await import('./lib/event-loop.server');
    startEventLoopLog();
  }
}
