import { after } from 'next/server';
import { execute } from '@/lib/action.server';
import { AppError, InvalidInputError } from '@/lib/errors';
import { PRIVATE, requireActor, requireSameOrigin, route } from '@/lib/route.server';
import { editable } from '@/lib/teach/policy.server';
import { publish } from '@/lib/teach/publish.server';
import { revalidateArticle } from '@/lib/teach/revalidate';
import { INVALID, SlugInputSchema } from '@/lib/teach/schema';

/**
 * POST /api/teach/articles/<slug>/publish: annotates the signed-in teacher's article and lists it in
 * the library. Refusals before anything starts are JSON with their status (403 from another site, 401
 * signed out, 400 invalid, 404 missing or someone else's). Then the answer streams NDJSON:
 * `{"done":n,"total":m}` lines while sentence groups are annotated, then one `{"ok":true,"slug":…}`
 * or `{"ok":false,"error":<i18n key>}`. Who may publish what is the publish command's guard.
 * On PostgreSQL publishing is a job (docs/decisions/038-job-queue.md): the answer follows it, with the
 * progress lines when this instance works it, and the job completes even if this request ends.
 */
export const POST = route<{ slug: string }>(async (request, params) => {
  requireSameOrigin(request);
  const actor = await requireActor();
  const input = SlugInputSchema.safeParse(params);
  if (!input.success) throw new InvalidInputError(INVALID);
  await editable(actor, input.data);
  const { slug } = input.data;

  const encoder = new TextEncoder();
  let output!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (controller) => void (output = controller) });
  const send = (line: object) => {
    try {
      output.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
    } catch {
      // The browser went away; publishing goes on regardless.
    }
  };
  const publishing = execute(
    actor,
    publish((done, total) => send({ done, total })),
    { slug },
  )
    .then((published) => {
      send({ ok: true, slug: published.slug });
      return true;
    })
    .catch((error: unknown) => {
      if (error instanceof AppError) send({ ok: false, error: error.key });
      else {
        console.error(new Error(`publishing ${slug} failed`, { cause: error }));
        send({ ok: false, error: 'teach:editor.failed' });
      }
      return false;
    })
    .finally(() => {
      try {
        output.close();
      } catch {
        // already closed by a disconnect
      }
    });
  // Revalidations of a route handler take effect when it returns, which is before this stream ends:
  // the cached pages are dropped now (a 404 cached while the article was a draft) and once more when
  // publishing has finished, so a request made while it ran cannot keep a stale page.
  revalidateArticle(slug);
  after(async () => {
    if (await publishing) revalidateArticle(slug);
  });
  return new Response(body, {
    headers: { ...PRIVATE, 'Content-Type': 'application/x-ndjson; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
});
