import 'server-only';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { env } from './env.server';
import type { TaskName, TaskReply, TaskRequest, Tasks } from './worker-thread';

// CPU-heavy work of a request (parsing an imported page or CSV, annotating an article) runs in a small
// pool of worker threads, so that the server's event loop goes on answering everyone else
// (docs/decisions/019-worker-threads-and-bounded-writes.md). Tasks are the functions of
// ./worker-thread.ts; input, progress and result cross the thread boundary by structured clone.
//
// Not piscina: its threads load the task module by file path at run time, and in a Next build the
// task module exists only inside Turbopack's bundle. Turbopack bundles exactly one form of worker,
// `new Worker(new URL('./file.ts', import.meta.url))`, into a chunk of its own (with everything it
// imports); this pool is built on that.

/** Threads at most: one core stays for the event loop (one thread on a 2-core machine, at most 4). */
export const THREADS = Math.max(1, Math.min(4, availableParallelism() - 1));
/** A task still running after this is given up and its thread replaced (no legitimate input takes this long). */
const TASK_TIMEOUT_MS = 180_000;

export type TaskInput<T extends TaskName> = Parameters<Tasks[T]>[0];
export type TaskOutput<T extends TaskName> = Awaited<ReturnType<Tasks[T]>>;
type Progress<T extends TaskName> = Tasks[T] extends (input: never, progress: (value: infer P) => void) => unknown
  ? P
  : never;

type Job = {
  id: number;
  task: TaskName;
  input: unknown;
  onProgress?: (value: unknown) => void;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
};
type Thread = { worker: Worker; job: Job | null; timer?: NodeJS.Timeout };

/** A thread running ./worker-thread.ts: bundled by Turbopack under `next`, from source through tsx elsewhere. */
function startThread(): Worker {
  if (env.NEXT_RUNTIME) return new Worker(new URL('./worker-thread.ts', import.meta.url));
  // vitest, tsx scripts and benchmarks: the thread registers tsx's loader (which reads tsconfig's
  // paths), then imports the TypeScript source; react-server makes `server-only` importable. tsx is
  // found from inside the thread, so that a build does not follow it (it would bundle esbuild).
  const entry = import.meta.url.replace(/workers\.server\.ts$/, 'worker-thread.ts');
  const bootstrap = `import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
const api = createRequire(${JSON.stringify(entry)}).resolve('tsx/esm/api').replace(/\\.cjs$/, '.mjs');
const { register } = await import(pathToFileURL(api).href);
register();
await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), {
    execArgv: ['--conditions=react-server'],
  });
}

/** Runs tasks on at most `size` threads made by `start`, one task per thread at a time, in order of arrival. */
export class WorkerPool {
  private threads: Thread[] = [];
  private queue: Job[] = [];
  private nextId = 1;

  constructor(
    private readonly start: () => Worker,
    private readonly size: number,
    private readonly timeoutMs: number,
  ) {}

  run(task: TaskName, input: unknown, onProgress?: (value: unknown) => void): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, input, onProgress, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch() {
    while (this.queue.length > 0) {
      let thread = this.threads.find((t) => t.job === null);
      if (!thread && this.threads.length < this.size) thread = this.spawn();
      if (!thread) return;
      const job = this.queue.shift()!;
      thread.job = job;
      // A busy thread keeps the process alive (a script awaiting its result); an idle one does not.
      thread.worker.ref();
      thread.timer = setTimeout(() => {
        this.fail(thread, new Error(`worker task ${job.task} took longer than ${this.timeoutMs} ms`));
        void thread.worker.terminate();
      }, this.timeoutMs);
      thread.worker.postMessage({ id: job.id, task: job.task, input: job.input } satisfies TaskRequest);
    }
  }

  private spawn(): Thread {
    const thread: Thread = { worker: this.start(), job: null };
    this.threads.push(thread);
    thread.worker.on('message', (reply: TaskReply) => {
      const job = thread.job;
      if (!job || job.id !== reply.id) return;
      if ('progress' in reply) {
        job.onProgress?.(reply.progress);
        return;
      }
      this.settle(thread);
      if ('value' in reply) job.resolve(reply.value);
      else job.reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
    });
    // A thread that failed to start, crashed or was terminated: its task fails, the next task gets a new thread.
    thread.worker.on('error', (error) => this.fail(thread, error));
    thread.worker.on('exit', (code) => this.fail(thread, new Error(`worker thread exited with code ${code}`)));
    return thread;
  }

  private settle(thread: Thread) {
    clearTimeout(thread.timer);
    thread.job = null;
    thread.worker.unref();
    this.dispatch();
  }

  private fail(thread: Thread, error: Error) {
    const job = thread.job;
    clearTimeout(thread.timer);
    thread.job = null;
    this.threads = this.threads.filter((t) => t !== thread);
    job?.reject(error);
    this.dispatch();
  }
}

// One pool per process; memoised on globalThis so dev-mode module reloads do not start more threads.
const holder = globalThis as unknown as { lesebrueckeWorkers?: WorkerPool };
const pool = (holder.lesebrueckeWorkers ??= new WorkerPool(startThread, THREADS, TASK_TIMEOUT_MS));

/**
 * Runs a task of ./worker-thread.ts in a worker thread (waiting for a free one) and resolves with its
 * result; `onProgress` receives what the task reports while it runs. A task's error rejects with its message.
 */
export function runTask<T extends TaskName>(
  task: T,
  input: TaskInput<T>,
  onProgress?: (value: Progress<T>) => void,
): Promise<TaskOutput<T>> {
  return pool.run(task, input, onProgress as (value: unknown) => void) as Promise<TaskOutput<T>>;
}
