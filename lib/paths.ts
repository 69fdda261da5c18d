import { isLocale, type Locale } from '@/lib/i18n/settings';

// Every URL of the app is built here.
export const paths = {
  library: (locale: Locale) => `/${locale}`,
  /** The library searched, filtered by outlet and/or at a page: empty values and page 1 are left out. */
  libraryFiltered: (locale: Locale, query: { q?: string; outlet?: string; page?: number }) => {
    const search = new URLSearchParams();
    if (query.q) search.set('q', query.q);
    if (query.outlet) search.set('outlet', query.outlet);
    if (query.page && query.page > 1) search.set('page', String(query.page));
    const text = search.toString();
    return `/${locale}${text ? `?${text}` : ''}`;
  },
  about: (locale: Locale) => `/${locale}/about`,
  /** A path no page has: the locale's catch-all answers it with the localized 404 (never cached). */
  notFound: (locale: Locale) => `/${locale}/not-found`,
  article: (locale: Locale, slug: string) => `/${locale}/articles/${encodeURIComponent(slug)}`,
  /**
   * The reader page of an article for its owner's classes only: rendered per request for a reader
   * the server lets in, never cached (docs/decisions/028-article-visibility.md).
   */
  classesArticle: (locale: Locale, slug: string) => `/${locale}/articles/${encodeURIComponent(slug)}/classes`,
  sentenceAnchor: (paragraph: number, sentence: number) => `p${paragraph + 1}-s${sentence + 1}`,
  sectionAnchor: (section: number) => `section-${section + 1}`,
  glossary: (locale: Locale) => `/${locale}/glossary`,
  /** The glossary index searched and/or filtered, or one letter's page of it: empty values and page 1 are left out. */
  glossaryFiltered: (
    locale: Locale,
    query: { q?: string; domain?: string; kind?: string; letter?: string; page?: number },
  ) => {
    const search = new URLSearchParams(
      Object.entries({ ...query, page: query.page && query.page > 1 ? String(query.page) : undefined }).filter(
        (entry): entry is [string, string] => Boolean(entry[1]),
      ),
    ).toString();
    return `/${locale}/glossary${search ? `?${search}` : ''}`;
  },
  /** Editors: export links and the import of a TBX or CSV file (docs/decisions/034-glossary-exchange-tbx-csv.md). */
  glossaryExchange: (locale: Locale) => `/${locale}/glossary/exchange`,
  /** The approved glossary as a download, for anyone. */
  glossaryExport: (format: 'tbx' | 'csv') => `/api/glossary/export?format=${format}`,
  /** A term's page; `page`: that page of its concordance (the first has no query). */
  term: (locale: Locale, lemma: string, page = 1) =>
    `/${locale}/glossary/${encodeURIComponent(lemma)}${page > 1 ? `?page=${page}` : ''}`,
  /** An editor's page of one entry (edit, approve, reject, retire, history). */
  termEditor: (locale: Locale, lemma: string) => `/${locale}/glossary/${encodeURIComponent(lemma)}/edit`,
  /** Editors: the proposed entries, filtered by article, domain and proposer (empty values left out). */
  glossaryReview: (locale: Locale, filter: { article?: string; domain?: string; proposer?: string } = {}) => {
    const search = new URLSearchParams(
      Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])),
    ).toString();
    return `/${locale}/glossary/review${search ? `?${search}` : ''}`;
  },
  /** Editors: a new glossary entry. */
  newTerm: (locale: Locale) => `/${locale}/glossary/new`,
  dictionaryApi: (lemma: string, word?: { surface: string; pos: string }) =>
    `/api/dictionary?lemma=${encodeURIComponent(lemma)}${
      word ? `&surface=${encodeURIComponent(word.surface)}&pos=${encodeURIComponent(word.pos)}` : ''
    }`,
  articleWordsApi: (slug: string) => `/api/articles/${encodeURIComponent(slug)}/words`,
  /** The words of a classes-only article, for a reader the server lets in (personal: never cached). */
  classesArticleWordsApi: (slug: string) => `/api/articles/${encodeURIComponent(slug)}/words/classes`,
  /** The signed-in learner's statuses for an article's words (personal: never cached). */
  articleVocabularyApi: (slug: string) => `/api/articles/${encodeURIComponent(slug)}/vocabulary`,
  signIn: (locale: Locale, next?: string) => `/${locale}/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`,
  signUp: (locale: Locale, next?: string) => `/${locale}/sign-up${next ? `?next=${encodeURIComponent(next)}` : ''}`,
  /** An admin's invitation link for one teacher sign-up (the token is shown once, when it is made). */
  signUpInvited: (locale: Locale, token: string) => `/${locale}/sign-up?invitation=${encodeURIComponent(token)}`,
  /** Asking for a password-reset link; the page that link opens (with its token); sign-in after a reset. */
  forgotPassword: (locale: Locale) => `/${locale}/forgot-password`,
  resetPassword: (locale: Locale, token?: string) =>
    `/${locale}/reset-password${token ? `?token=${encodeURIComponent(token)}` : ''}`,
  signInAfterReset: (locale: Locale) => `/${locale}/sign-in?reset=1`,
  account: (locale: Locale) => `/${locale}/account`,
  /** The dashboard: a teacher's overview of their classes for who teaches, else the learner's. */
  dashboard: (locale: Locale) => `/${locale}/dashboard`,
  /** The learner's dashboard for someone who also teaches. */
  learnerDashboard: (locale: Locale) => `/${locale}/dashboard?view=learner`,
  vocabulary: (locale: Locale) => `/${locale}/vocabulary`,
  review: (locale: Locale) => `/${locale}/review`,
  vocabularyImport: (locale: Locale) => `/${locale}/vocabulary/import`,
  vocabularyExport: (format: 'csv' | 'anki') => `/api/vocabulary/export?format=${format}`,
  /** A teacher's own articles (drafts and published), the import form and the editor of one article. */
  teach: (locale: Locale) => `/${locale}/teach`,
  teachNew: (locale: Locale) => `/${locale}/teach/new`,
  /** Where a teacher sign-up that waits for an admin's approval (or was declined) is told so. */
  teachingRequest: (locale: Locale) => `/${locale}/teach/request`,
  /** Admins: pending teacher sign-ups and invitation links. */
  adminTeachers: (locale: Locale) => `/${locale}/admin/teachers`,
  teachArticle: (locale: Locale, slug: string) => `/${locale}/teach/articles/${encodeURIComponent(slug)}`,
  /** POST: publishes (annotates) an article, streaming its progress as NDJSON. */
  publishApi: (slug: string) => `/api/teach/articles/${encodeURIComponent(slug)}/publish`,
  classes: (locale: Locale) => `/${locale}/classes`,
  classDetail: (locale: Locale, id: string) => `/${locale}/classes/${encodeURIComponent(id)}`,
  /** The join page, or (with a code) the join link a teacher shares. */
  joinClass: (locale: Locale, code?: string) => `/${locale}/join${code ? `/${encodeURIComponent(code)}` : ''}`,
  assignments: (locale: Locale) => `/${locale}/assignments`,
  assignment: (locale: Locale, id: string) => `/${locale}/assignments/${encodeURIComponent(id)}`,
  quiz: (locale: Locale, id: string) => `/${locale}/assignments/${encodeURIComponent(id)}#quiz`,
  /** The reader opened for an assignment: the page stays the shared one, the query turns on progress tracking. */
  articleForAssignment: (locale: Locale, slug: string, assignmentId: string) =>
    `/${locale}/articles/${encodeURIComponent(slug)}?assignment=${encodeURIComponent(assignmentId)}`,
  /** The class's progress as CSV: headers in `locale`, dates in `timeZone` (the browser's, once known). */
  classGridCsv: (classId: string, locale: Locale, timeZone?: string) =>
    `/api/classes/${encodeURIComponent(classId)}/grid.csv?${new URLSearchParams({ locale, ...(timeZone && { tz: timeZone }) })}`,
  /** The articles a teacher may assign whose title contains `query` (the assignment form's search). */
  assignableArticles: (query: string) => `/api/classes/assignable-articles?q=${encodeURIComponent(query)}`,
  /** A student's progress events for an assignment (POST), and the assignment as the reader shows it (GET). */
  assignmentProgressApi: (id: string) => `/api/assignments/${encodeURIComponent(id)}/progress`,
};

/** Where a learner can look a German lemma up elsewhere. */
export function externalDictionaries(lemma: string): { name: string; href: string }[] {
  const q = encodeURIComponent(lemma);
  return [
    { name: 'DWDS', href: `https://www.dwds.de/wb/${q}` },
    { name: 'Duden', href: `https://www.duden.de/suchen/dudenonline/${q}` },
    { name: 'dict.cc', href: `https://www.dict.cc/?s=${q}` },
    { name: 'Linguee', href: `https://www.linguee.com/german-english/search?query=${q}` },
  ];
}

/** The same page in another UI language: swaps the leading locale segment, keeps the rest. */
export function switchLocale(pathname: string, target: Locale): string {
  const [, first = '', ...rest] = pathname.split('/');
  const tail = isLocale(first) ? rest : first ? [first, ...rest] : [];
  return `/${[target, ...tail].join('/')}`.replace(/\/$/, '') || `/${target}`;
}
