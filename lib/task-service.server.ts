import 'server-only';
import http from 'node:http';
import { once } from 'node:events';
import v8 from 'node:v8';
import { env } from './env.server';
import { runTask, type TaskInput, type TaskOutput } from './workers.server';

// The CPU-heavy tasks of web requests (lib/worker-thread.ts) run where the job worker runs
// (docs/decisions/048-web-tasks-in-the-worker.md). With TASK_SERVICE_URL (a deployment with an
// external job worker) the worker serves them over HTTP and web processes send them there, so no web
// process loads the lemma table or starts a worker thread of its own; unset (SQLite, or jobs worked by
// the web processes), they run in this process's worker threads, as before. Input and output cross as
// structured clones either way (v8.serialize is the serializer postMessage uses).

/** The tasks web requests ask for (all but annotation's, which only jobs run, with progress). */
export const SERVICE_TASKS = [
  'outlineDraft',
  'outlineDocx',
  'parseVocabularyCsv',
  'parseGlossaryFile',
  'nounGenders',
  'nounPluralsOf',
  'meaningSteps',
  'buildQuizItems',
  'scoreQuizAnswers',
  'readGlossaryQuery',
  'grammarFacts',
  'termKeys',
  'matchTexts',
  'extractTermCandidates',
] as const;
export type ServiceTask = (typeof SERVICE_TASKS)[number];

type Reply<T extends ServiceTask> = { value: TaskOutput<T> } | { error: { message: string } };

/** Set when this process serves the tasks: it runs them itself instead of asking itself over HTTP. */
let serving = false;

/** Runs a task: at the task service when one is configured (and it is not this process), else in this process's threads. */
export async function runServiceTask<T extends ServiceTask>(task: T, input: TaskInput<T>): Promise<TaskOutput<T>> {
  const service = env.TASK_SERVICE_URL;
  if (!service || serving) return runTask(task, input);
  const response = await fetch(new URL(`tasks/${task}`, service.endsWith('/') ? service : `${service}/`), {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: v8.serialize(input),
  });
  const reply = v8.deserialize(Buffer.from(await response.arrayBuffer())) as Reply<T>;
  if ('error' in reply) throw new Error(reply.error.message);
  return reply.value;
}

/** The biggest task input accepted (a Word file or glossary file of a few MB, an article's texts for suggestions). */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * Serves SERVICE_TASKS at TASK_SERVICE_URL (`POST /tasks/<name>`, a serialized input; answers a
 * serialized `{ value }` or `{ error }`), each run in this process's worker threads, and `GET /health`
 * (200 once listening). The worker calls it; null when no service is configured.
 */
export async function serveTasks(): Promise<http.Server | null> {
  const service = env.TASK_SERVICE_URL;
  if (!service) return null;
  const server = http.createServer(async (request, response) => {
    const reply = (status: number, body: Reply<ServiceTask>) => {
      response.writeHead(status, { 'content-type': 'application/octet-stream' }).end(v8.serialize(body));
    };
    if (request.method === 'GET' && request.url === '/health') return void response.writeHead(200).end('ok');
    const task = SERVICE_TASKS.find((name) => request.url === `/tasks/${name}`);
    if (request.method !== 'POST' || !task) return reply(404, { error: { message: 'no such task' } });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_INPUT_BYTES) return reply(413, { error: { message: 'input too large' } });
      chunks.push(chunk);
    }
    try {
      const input = v8.deserialize(Buffer.concat(chunks)) as TaskInput<ServiceTask>;
      reply(200, { value: await runTask(task, input as never) });
    } catch (error) {
      reply(500, { error: { message: error instanceof Error ? error.message : String(error) } });
    }
  });
  const { hostname, port } = new URL(service);
  server.listen(Number(port) || 80, hostname.replace(/^\[|\]$/g, ''));
  await once(server, 'listening');
  serving = true;
  return server;
}
