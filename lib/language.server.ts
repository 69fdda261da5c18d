import 'server-only';
import http from 'node:http';
import { once } from 'node:events';
import v8 from 'node:v8';
import { env } from './env.server';
import { runTask, type TaskInput, type TaskOutput } from './workers.server';

// Work over the lemma table, wherever it is asked for, runs where the table is kept
// (docs/decisions/048-language-work-in-the-worker.md). With LANGUAGE_SERVICE_URL (a deployment with
// an external job worker) the worker serves these tasks over HTTP and web processes send them there,
// so no web process ever loads the table; unset (SQLite, or jobs worked by the web processes), they
// run in this process's worker threads, as annotation does. Input and output cross as structured
// clones either way (v8.serialize is the serializer postMessage uses).

/** The tasks of lib/worker-thread.ts that need the lemma table: what the service runs for others. */
export const LANGUAGE_TASKS = [
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
export type LanguageTask = (typeof LANGUAGE_TASKS)[number];

type Reply<T extends LanguageTask> = { value: TaskOutput<T> } | { error: { message: string } };

/** Set when this process serves the tasks: it runs them itself instead of asking itself over HTTP. */
let serving = false;

/** Runs a language task: at the language service when one is configured (and it is not this process), else here. */
export async function runLanguageTask<T extends LanguageTask>(task: T, input: TaskInput<T>): Promise<TaskOutput<T>> {
  const service = env.LANGUAGE_SERVICE_URL;
  if (!service || serving) return runTask(task, input);
  const response = await fetch(new URL(`tasks/${task}`, service.endsWith('/') ? service : `${service}/`), {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: v8.serialize(input),
  });
  const reply = v8.deserialize(Buffer.from(await response.arrayBuffer())) as Reply<T>;
  if ('error' in reply) throw new Error(`language service: ${task}: ${reply.error.message}`);
  return reply.value;
}

/** The biggest task input accepted (a re-annotation's texts are a few MB). */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * Serves LANGUAGE_TASKS at LANGUAGE_SERVICE_URL (`POST /tasks/<name>`, a serialized input; answers a
 * serialized `{ value }` or `{ error }`), each run in this process's worker threads, and `GET /health`
 * (200 once listening). The worker calls it; null when no service is configured.
 */
export async function serveLanguageTasks(): Promise<http.Server | null> {
  const service = env.LANGUAGE_SERVICE_URL;
  if (!service) return null;
  const server = http.createServer(async (request, response) => {
    const reply = (status: number, body: Reply<LanguageTask>) => {
      response.writeHead(status, { 'content-type': 'application/octet-stream' }).end(v8.serialize(body));
    };
    if (request.method === 'GET' && request.url === '/health') return void response.writeHead(200).end('ok');
    const task = LANGUAGE_TASKS.find((name) => request.url === `/tasks/${name}`);
    if (request.method !== 'POST' || !task) return reply(404, { error: { message: 'no such task' } });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_INPUT_BYTES) return reply(413, { error: { message: 'input too large' } });
      chunks.push(chunk);
    }
    try {
      const input = v8.deserialize(Buffer.concat(chunks)) as TaskInput<LanguageTask>;
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
