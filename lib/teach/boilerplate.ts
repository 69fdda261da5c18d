import type { ExtractedBlock, RemovalReason, RemovedBlock } from './types';

// Web clutter that copy-paste and saved pages bring along (see the two files in tests/fixtures/seeds):
// banners, breadcrumbs, datelines, reading-time stubs, subscription and e-mail lines, sponsored
// messages, event listings, social handles, comment prompts, cookie banners and repeated blocks.
// Each rule is narrow on purpose: dropping a sentence of the article is worse than keeping a stray
// line, which the teacher can still see and delete. Pure: no I/O.

type Rule = { reason: RemovalReason; test: (text: string) => boolean };

export const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
/** Ends like a sentence: terminal punctuation, possibly inside closing quotes or brackets. */
const endsLikeSentence = (text: string) => /[.!?…:]["“”»«’')\]]*$/u.test(text);
const short = (text: string, maxWords = 12) => words(text) <= maxWords && !endsLikeSentence(text);

const MONTH = '(?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)[a-zä]*\\.?';
/** A kicker: an upper-case headline followed by a colon ("RUSSEN RUFEN ZU HAUSE AN: …"). */
const KICKER = /^[\p{Lu}\d][\p{Lu}\p{N}\s„“"'’?!.,&-]{3,}:\s/u;
const DASH_ITEM = /^[–—-]\s+/u;
const AGENCY = '(?:dpa|afp|ap|reuters|rtr|epd|kna|dts|sid|ddp|apa|sda)';
/** An agency's tag closing a report, with the editor's initials ("dpa/nk", "AFP · rtr"). */
const AGENCY_TAG = new RegExp(`^${AGENCY}(?:\\s*[/,·|]\\s*(?:${AGENCY}|\\p{Ll}{1,4}))*\\.?$`, 'iu');

// Cues of inline clutter inside an article body, shared with the markup rules of ./clutter.ts.

/** An advertisement's label, alone or before its text ("Anzeige", "Anzeige: …", "Sponsored | …"). */
export const AD_LABEL =
  /^(anzeige|werbung|advertorial|advertisement|sponsored(?: content)?|gesponsert(?:er (?:inhalt|beitrag))?|promotion)\s*(?:$|[:|–—-])/iu;
/** An advertisement's own words: a call to buy, book or sign up. */
export const PROMO =
  /\b(?:(?:jetzt|hier|gleich)\s+(?:\p{L}+\s+){0,3}(?:sichern|bestellen|kaufen|testen|entdecken|buchen|informieren|vergleichen|klicken)|mehr erfahren|zum angebot|rabatt|gutschein|unverbindlich|versandkostenfrei|\d+\s?%\s+zinsen|zinsen\s+sichern)\b/iu;
/** The head of a teaser for another article ("Lesen Sie auch: …", "Mehr zum Thema", …). */
export const TEASER_CUE =
  /^(?:(?:lesen sie (?:auch|mehr|dazu)|mehr zum thema|das (?:könnte|dürfte) sie (?:auch )?interessieren|weitere (?:artikel|beiträge|berichte) zum thema|verwandte (?:artikel|themen)|empfehlungen der redaktion)\b|(?:zum thema|mehr dazu|passend (?:dazu|zum thema)|auch interessant|unsere empfehlung|lesen sie hier)\s*(?:$|[:|»›>–—]))/iu;
/** A newsletter's or subscription's call to sign up. */
export const NEWSLETTER_CUE =
  /^(?=[^]*\bnewsletter)(?=[^]*(?:abonnier|anmelden|bestellen|registrier|eintragen|kostenlos|gratis|e-mail-adresse|postfach))/iu;
/** A line ending in a call to subscribe ("… Hier abonnieren"). */
const SUBSCRIBE_TAIL = /\b(?:hier|jetzt)\s+(?:kostenlos\s+)?(?:abonnieren|anmelden|bestellen)\s*[.!]?$/iu;
/** A paywall's notice ("Weiterlesen mit …", "Dieser Artikel ist nur für Abonnenten …", "4 Wochen gratis …"). */
export const PAYWALL_CUE =
  /(?:weiter ?lesen mit|lesen sie (?:jetzt )?weiter mit|mit (?:\p{L}+ )?(?:plus|premium|digital|abo) weiterlesen|(?:artikel|beitrag|inhalt) ist (?:nur |exklusiv )?(?:für )?(?:\p{L}*abonnent|plus|premium)|(?:nur|exklusiv) für (?:\p{L}*abonnent|plus-)|(?:bereits|schon) (?:abonnent|abonniert|ein abo)|(?:jetzt|hier) (?:ein )?abo (?:abschließen|wählen|sichern)|abonnent(?:in)? werden|\d+ (?:tage|wochen|monate?) (?:gratis|kostenlos)|für (?:nur )?\d+(?:,\d+)?\s?(?:€|euro) (?:im|pro|je) monat|jederzeit kündbar|zugang zu allen (?:artikeln|inhalten))/iu;
/** The head of a box about the author. */
export const AUTHOR_CUE =
  /^(über (?:den autor|die autorin|die autor(?:inn)?en|unsere? autor(?:in)?)|zur person|zum autor|zur autorin)\b/iu;
/** A live ticker's time at the start of an entry ("14:32 Uhr: Der Kanzler …", "9.05 Uhr – …", "+++ 14:32 +++ …"). */
const TICKER_TIME =
  /^(?:\+{2,3}\s*)?(\d{1,2}:\d{2}(?:\s*uhr)?|\d{1,2}\.\d{2}\s*uhr)\s*(?:\+{2,3}|[:–—|-])?\s+(?=[\p{Lu}„"»])/iu;
/** A photo credit: "Foto: …", "Bild: …", "© picture alliance/dpa" (a copyright with a year is the site's). */
const CREDIT =
  /(?:^|\s|\|)(?:foto|fotos|bild|bilder|grafik|bildquelle|bildnachweis)\s*:\s*\S|(?:^|\s)(?:©|\(c\))\s*(?!\d{4})\p{L}/iu;

const RULES: readonly Rule[] = [
  // Inline clutter of news pages: teasers, paywalls, newsletter boxes, ad texts, author boxes, credits
  // (the length first: article paragraphs can be long).
  { reason: 'teaser', test: (t) => words(t) <= 40 && TEASER_CUE.test(t) },
  { reason: 'paywall', test: (t) => words(t) <= 60 && PAYWALL_CUE.test(t) },
  { reason: 'subscription', test: (t) => words(t) <= 40 && (NEWSLETTER_CUE.test(t) || SUBSCRIBE_TAIL.test(t)) },
  { reason: 'advertisement', test: (t) => words(t) <= 60 && /^(anzeige|werbung)\s/iu.test(t) && PROMO.test(t) },
  { reason: 'author', test: (t) => words(t) <= 80 && AUTHOR_CUE.test(t) },
  { reason: 'timestamp', test: (t) => /^\d{1,2}[:.]\d{2}(\s*uhr)?$/iu.test(t) },
  { reason: 'caption', test: (t) => short(t, 15) && CREDIT.test(t) },
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
  { reason: 'metadata', test: (t) => AGENCY_TAG.test(t) },
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
 * What a label standing alone ("Anzeige", "Lesen Sie auch:") takes with it: the next block, when that
 * block is the advertisement's text or the teaser's linked headline.
 */
export function labelledFollower(label: string, next: string): RemovalReason | null {
  const labelOnly = (cue: RegExp) => label.replace(cue, '').replace(/[\s:|»›>–—-]/gu, '') === '';
  if (AD_LABEL.test(label) && labelOnly(AD_LABEL) && PROMO.test(next) && words(next) <= 60) return 'advertisement';
  if (TEASER_CUE.test(label) && labelOnly(TEASER_CUE) && short(next, 20)) return 'teaser';
  return null;
}

/**
 * Splits blocks into kept ones (in their order) and removed ones with a reason. Exact repeats of a
 * paragraph (teasers, repeated ads) keep their first occurrence; a live ticker's time in front of an
 * entry is taken off (and listed), the entry kept.
 */
export function removeBoilerplate(blocks: readonly ExtractedBlock[]): {
  blocks: ExtractedBlock[];
  removed: RemovedBlock[];
} {
  const kept: ExtractedBlock[] = [];
  const removed: RemovedBlock[] = [];
  const seen = new Set<string>();
  let advertisementLeft = 0;
  /** The label just removed, whose follower may go with it. */
  let label: string | null = null;
  for (const original of blocks) {
    let block = original;
    if (advertisementLeft > 0) {
      if (!endsAdvertisement(block)) {
        advertisementLeft--;
        removed.push({ text: block.text, reason: 'advertisement' });
        continue;
      }
      advertisementLeft = 0;
    }
    const follower = label === null ? null : labelledFollower(label, block.text);
    label = null;
    if (follower) {
      removed.push({ text: block.text, reason: follower });
      continue;
    }
    const time = block.kind === 'paragraph' ? TICKER_TIME.exec(block.text) : null;
    if (time) {
      removed.push({ text: time[1]!, reason: 'timestamp' });
      block = { kind: block.kind, text: block.text.slice(time[0].length) };
    }
    const reason = classifyBlock(block.text);
    if (reason) {
      removed.push({ text: block.text, reason });
      if (reason === 'advertisement' && /^eine nachricht von/iu.test(block.text)) advertisementLeft = ADVERTISEMENT_RUN;
      if (reason === 'advertisement' || reason === 'teaser') label = block.text;
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
