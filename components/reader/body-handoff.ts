import type { SectionView } from '@/lib/articles/types';

/**
 * Hands an article's sections from the page's server component to the reader island's server-side
 * render without passing them as props: props of a client component travel to the browser in the RSC
 * payload, and the body's text would arrive twice (docs/decisions/046-article-text-sent-once.md).
 *
 * Next renders a page's server components and then, in the same process, its HTML from their output;
 * the two are separate module graphs but share `globalThis`, so the store lives there. It holds the
 * sections of the articles rendered last, by slug: the page writes before its output is streamed, the
 * island reads while that output is turned into HTML, and a bounded store never grows with traffic.
 */
const STORE = Symbol.for('lesebruecke.readerBodies');
/** Far more articles than can be rendered at once between one page's two passes. */
const CAPACITY = 64;

type Store = Map<string, SectionView[]>;
const store = (): Store => ((globalThis as { [STORE]?: Store })[STORE] ??= new Map());

/** Called by the page (server component) before it renders the reader. */
export function handOverBody(key: string, sections: SectionView[]): void {
  const bodies = store();
  bodies.delete(key); // re-inserted as the newest
  bodies.set(key, sections);
  if (bodies.size > CAPACITY) bodies.delete(bodies.keys().next().value!);
}

/** Called by the reader island while its HTML is rendered on the server; never in the browser. */
export function takeOverBody(key: string): SectionView[] {
  const sections = store().get(key);
  // Never a page without its article: a failed render is not cached, an empty body would be.
  if (!sections) throw new Error(`reader body ${key} was not handed over by its page`);
  return sections;
}
