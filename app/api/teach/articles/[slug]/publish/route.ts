import { after } from 'next/server';
import { getCurrentUser } from '@/lib/auth/session.server';
import { getDraft } from '@/lib/teach/editor.server';
import { publishArticle } from '@/lib/teach/publish.server';
import { revalidateArticle } from '@/lib/teach/revalidate';
import { SlugInputSchema } from '@/lib/teach/schema';

const PRIVATE = { 'Cache-Control': 'private, no-store' };

/**
 * POST /api/teach/articles/<slug>/publish: annotates the signed-in teacher's article and lists it in
 * the library. The answer streams NDJSON: `{"done":n,"total":m}` lines while sentence groups are
 * annotated, then one `{"ok":true,"slug":…}` or `{"ok":false,"error":<i18n key>}`. Who may publish
 * what is decided in lib/importing (owner or admin; anyone else's slug is a missing one).
 */
export async function POST(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ ok: false, error: 'account:errors.signedOut' }, { status: 401, headers: PRIVATE });
  const input = SlugInputSchema.safeParse({ slug: (await params).slug });
  if (!input.success)
    return Response.json({ ok: false, error: 'teach:errors.invalid' }, { status: 400, headers: PRIVATE });
  const { slug } = input.data;
  if (!(await getDraft(user.id, slug)))
    return Response.json({ ok: false, error: 'teach:errors.notFound' }, { status: 404, headers: PRIVATE });

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
  const publishing = publishArticle(user.id, { slug }, (done, total) => send({ done, total }))
    .then((result) => {
      send(result.ok ? { ok: true, slug: result.data.slug } : { ok: false, error: result.error });
      return result.ok;
    })
    .catch((error: unknown) => {
      console.error(new Error(`publishing ${slug} failed`, { cause: error }));
      send({ ok: false, error: 'teach:editor.failed' });
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
}
