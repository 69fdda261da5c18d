import type { ExtractedBlock, RemovalReason, RemovedBlock } from './types';

// Web clutter that copy-paste and saved pages bring along (see the two files in tests/fixtures/seeds):
// banners, breadcrumbs, datelines, reading-time stubs, subscription and e-mail lines, sponsored
// messages, event listings, social handles, comment prompts, cookie banners and repeated blocks.
// Each rule is narrow on purpose: dropping a sentence of the article is worse than keeping a stray
// line, which the teacher can still see and delete. Pure: no I/O.

type Rule = { reason: RemovalReason; test: (text: string) => boolean };

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
/** Ends like a sentence: terminal punctuation, possibly inside closing quotes or brackets. */
const endsLikeSentence = (text: string) => /[.!?…:]["“”»«’')\]]*$/u.test(text);
const short = (text: string, maxWords = 12) => words(text) <= maxWords && !endsLikeSentence(text);

const MONTH = '(?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)[a-zä]*\\.?';
/** A kicker: an upper-case headline followed by a colon ("RUSSEN RUFEN ZU HAUSE AN: …"). */
const KICKER = /^[\p{Lu}\d][\p{Lu}\p{N}\s„“"'’?!.,&-]{3,}:\s/u;
const DASH_ITEM = /^[–—-]\s+/u;

const RULES: readonly Rule[] = [
  // Site furniture and breadcrumbs ("Heim / Blog / Titel").
  {
    reason: 'navigation',
    test: (t) =>
      /^(banner|menü|menu|navigation|startseite|home|heim|blog|suche|search|skip to content|zum inhalt springen|zurück|weiterlesen|mehr lesen|read more)$/iu.test(
        t,
      ),
  },
  {
    reason: 'navigation',
    test: (t) =>
      t.length <= 300 &&
      !endsLikeSentence(t) &&
      (t.match(/\s[/›»>|]\s/gu)?.length ?? 0) >= 2 &&
      !/\bE-Mail\b/iu.test(t),
  },
  // Cookie banners.
  {
    reason: 'cookie-banner',
    test: (t) =>
      /cookie/iu.test(t) &&
      /(akzeptier|zustimm|einverstanden|datenschutz|einstellungen|accept|consent|privacy)/iu.test(t) &&
      words(t) <= 80,
  },
  // Subscription and newsletter lines, e-mail placeholders left by page savers.
  { reason: 'subscription', test: (t) => /\[email(?:&#160;|\s)protected\]|\bemail protected\b/iu.test(t) },
  {
    reason: 'subscription',
    test: (t) =>
      /^(hier |jetzt )?(abonnieren|abonnier(en)? sie|newsletter( abonnieren)?|subscribe|sign up)\b/iu.test(t) &&
      words(t) <= 25,
  },
  { reason: 'subscription', test: (t) => /\|\s*E-Mail an\b/iu.test(t) },
  {
    reason: 'subscription',
    test: (t) => /^(?:[\p{Lu}\s]+:\s*)?vielen dank, dass sie .{0,80}(eingeschaltet|abonniert|gelesen|lesen)/iu.test(t),
  },
  // Sponsored messages and promotions.
  {
    reason: 'advertisement',
    test: (t) =>
      /^(anzeige|werbung|advertisement|sponsored|gesponsert|promotion)\b\s*[:.]?$/iu.test(t) ||
      /^(anzeige|werbung)\s*[:|–-]/iu.test(t),
  },
  { reason: 'advertisement', test: (t) => /^eine nachricht von .{1,80}:$/iu.test(t) },
  {
    reason: 'advertisement',
    test: (t) =>
      /^[^:]{3,100}:\s/u.test(t) &&
      /^(machen sie sich bereit|hören sie sich|hören sie|jetzt anmelden|registrieren sie sich|seien sie dabei)/iu.test(
        t,
      ),
  },
  { reason: 'advertisement', test: (t) => /^[^:]{0,80}podcast[^:]{0,40}:\s/iu.test(t) },
  // Social media.
  {
    reason: 'social',
    test: (t) => /folgen sie (uns|dem|der|mir)\b|follow us\b/iu.test(t) && (/@\w/u.test(t) || words(t) <= 20),
  },
  { reason: 'social', test: (t) => (t.match(/(^|\s)@\w{2,}/gu)?.length ?? 0) >= 3 },
  {
    reason: 'social',
    test: (t) =>
      /^(teilen|share|tweet|twittern|facebook|twitter|x|whatsapp|linkedin|e-mail|drucken|print)(\s*[|·,/]\s*(teilen|share|tweet|facebook|twitter|x|whatsapp|linkedin|e-mail|drucken|print))*$/iu.test(
        t,
      ),
  },
  // Comment prompts.
  {
    reason: 'comments',
    test: (t) =>
      /^(leave a reply|leave a comment|antworten abbrechen|cancel reply|kommentar(e)?( schreiben| hinterlassen| anzeigen)?|schreiben sie einen kommentar|\d+ (kommentare?|comments?)|comments?|reply|antworten)$/iu.test(
        t,
      ),
  },
  // Datelines, bylines, reading time, agency tags, credits, crawler markers.
  {
    reason: 'metadata',
    test: (t) =>
      /^(ausgegeben|veröffentlicht|aktualisiert|erschienen|stand|published|updated|posted)( am| on)?:?(\s.*)?$/iu.test(
        t,
      ) && words(t) <= 8,
  },
  {
    reason: 'metadata',
    test: (t) => /^(lesezeit:?\s*)?(ca\.\s*)?\d+\s*(min\.?|minuten?|minutes?)(\s*(lesezeit|read|lesen))?\.?$/iu.test(t),
  },
  { reason: 'metadata', test: (t) => /^[\d.\s:/,-]+(uhr)?(\s*[a-z]{2,4})?$/iu.test(t) && /\d/u.test(t) },
  {
    reason: 'metadata',
    test: (t) =>
      new RegExp(`^((${MONTH})\\s*\\d{1,2},?\\s*\\d{4}\\s*)+$`, 'iu').test(t) ||
      new RegExp(`^(\\d{1,2}\\.\\s*(${MONTH})\\s*\\d{4}\\s*)+$`, 'iu').test(t),
  },
  {
    reason: 'metadata',
    test: (t) => /^(von|by|mit hilfe von|text:|foto:|bild:|fotos:|quelle:)\s/iu.test(t) && short(t, 12),
  },
  { reason: 'metadata', test: (t) => /^\(\s*[\p{L}/ ,.-]{2,30}\)$/u.test(t) },
  { reason: 'metadata', test: (t) => /^source site-\S+$/iu.test(t) },
  // Photo captions with their credit ("… | Mark Schiefelbein/AP Foto").
  { reason: 'metadata', test: (t) => /\|\s*[^|]{2,80}\b(foto|photo|bild|images?)$/iu.test(t) },
  { reason: 'metadata', test: (t) => /^(vielen dank an unser|wir danken (auch )?unser)/iu.test(t) },
  // Event listings ("– The Brookings Institution, 11 Uhr: …") and reading lists ("– NAME, Outlet: Title").
  { reason: 'events', test: (t) => DASH_ITEM.test(t) && /^[^:]{2,160}?\b\d{1,2}([:.]\d{2})?\s*uhr\b/iu.test(t) },
  {
    reason: 'related-links',
    test: (t) => DASH_ITEM.test(t) && /^[–—-]\s+[^:]{2,80},\s[^:,]{2,60}:\s\S/u.test(t) && !/[.!…]["“”»«’)]*$/u.test(t),
  },
];

/** Why a block is clutter, or null to keep it. */
export function classifyBlock(text: string): RemovalReason | null {
  if (!/[\p{L}\p{N}]/u.test(text)) return 'empty';
  for (const rule of RULES) if (rule.test(text)) return rule.reason;
  return null;
}

/** The end of a sponsored run: a heading, a kicker headline or a list item starts the next real item. */
function endsAdvertisement(block: ExtractedBlock): boolean {
  return block.kind === 'heading' || KICKER.test(block.text) || DASH_ITEM.test(block.text);
}
/** A sponsored message is at most this many paragraphs after its "Eine Nachricht von …:" line. */
const ADVERTISEMENT_RUN = 4;

/**
 * Splits blocks into kept ones (in their order) and removed ones with a reason. Exact repeats of a
 * paragraph (teasers, repeated ads) keep their first occurrence.
 */
export function removeBoilerplate(blocks: readonly ExtractedBlock[]): {
  blocks: ExtractedBlock[];
  removed: RemovedBlock[];
} {
  const kept: ExtractedBlock[] = [];
  const removed: RemovedBlock[] = [];
  const seen = new Set<string>();
  let advertisementLeft = 0;
  for (const block of blocks) {
    if (advertisementLeft > 0) {
      if (!endsAdvertisement(block)) {
        advertisementLeft--;
        removed.push({ text: block.text, reason: 'advertisement' });
        continue;
      }
      advertisementLeft = 0;
    }
    const reason = classifyBlock(block.text);
    if (reason) {
      removed.push({ text: block.text, reason });
      if (reason === 'advertisement' && /^eine nachricht von/iu.test(block.text)) advertisementLeft = ADVERTISEMENT_RUN;
      continue;
    }
    const key = `${block.kind}\u0000${block.text}`;
    if (block.kind === 'paragraph' && seen.has(key)) {
      removed.push({ text: block.text, reason: 'duplicate' });
      continue;
    }
    seen.add(key);
    kept.push(block);
  }
  return { blocks: kept, removed };
}
