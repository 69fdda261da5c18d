'use client';
import { type Ref, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignableArticle } from '@/lib/articles/types';
import { formatLongDate } from '@/lib/format';
import { defaultLocale, isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

/** Keystrokes within this pause are one search: a request per word typed, not per letter. */
const PAUSE_MS = 200;

type Found = { query: string; articles: AssignableArticle[] } | { query: string; failed: true };

/**
 * The article of a new assignment, found by part of its German or English title among the articles the
 * teacher may assign (the server's search: at most 20, newest first): an editable combobox with a list
 * (WAI-ARIA combobox pattern). Arrow keys move through the list, Enter chooses, Escape closes it; typing
 * again drops the choice. `chosen` null empties the field (the form after an assignment was made).
 */
export function ArticleCombobox({
  id,
  chosen,
  onChoose,
  inputRef,
  invalid,
  describedBy,
}: {
  id: string;
  chosen: AssignableArticle | null;
  onChoose: (article: AssignableArticle | null) => void;
  inputRef?: Ref<HTMLInputElement>;
  invalid?: boolean;
  describedBy?: string;
}) {
  const { t, i18n } = useTranslation('classroom');
  const locale = isLocale(i18n.language) ? i18n.language : defaultLocale;
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [found, setFound] = useState<Found | null>(null);
  const query = text.trim();

  // The choice dropped by the form (emptied after an assignment was made) empties the field; dropped
  // by typing, the field keeps what was typed.
  const typedAway = useRef(false);
  useEffect(() => {
    if (chosen === null && !typedAway.current) setText('');
    typedAway.current = false;
  }, [chosen]);

  // Search while the list is open; a newer query cancels the request of an older one.
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(paths.assignableArticles(query), { signal: controller.signal })
        .then(async (response) => {
          if (!response.ok) throw new Error(`assignable articles: ${response.status}`);
          const body = (await response.json()) as { articles: AssignableArticle[] };
          setFound({ query, articles: body.articles });
        })
        .catch(() => {
          if (!controller.signal.aborted) setFound({ query, failed: true });
        });
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, query]);

  const current = found?.query === query ? found : null;
  const articles = current && 'articles' in current ? current.articles : [];
  const expanded = open && articles.length > 0;
  const optionId = (index: number) => `${listId}-option-${index}`;

  const choose = (article: AssignableArticle) => {
    setText(article.titleDe);
    setOpen(false);
    setActive(-1);
    onChoose(article);
  };

  const status = !open
    ? ''
    : current === null
      ? t('assignmentForm.articleSearching')
      : 'failed' in current
        ? t('assignmentForm.articleSearchFailed')
        : t('assignmentForm.articleMatches', { count: current.articles.length });

  return (
    <div className="combobox">
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy ? `${id}-hint ${describedBy}` : `${id}-hint`}
        autoComplete="off"
        spellCheck={false}
        lang="de"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
          if (chosen) {
            typedAway.current = true;
            onChoose(null);
          }
        }}
        onFocus={() => {
          if (!chosen) setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            if (!open) return setOpen(true);
            if (!articles.length) return;
            const last = articles.length - 1;
            setActive((index) =>
              event.key === 'ArrowDown' ? (index >= last ? 0 : index + 1) : index <= 0 ? last : index - 1,
            );
          } else if (event.key === 'Enter') {
            // Enter chooses from the list; it never submits the assignment half made.
            event.preventDefault();
            const article = expanded ? articles[active] : undefined;
            if (article) choose(article);
          } else if (event.key === 'Escape') {
            if (open) {
              event.preventDefault();
              setOpen(false);
              setActive(-1);
            }
          }
        }}
        data-testid="article-search"
      />
      <p id={`${id}-hint`} className="field__hint">
        {t('assignmentForm.articleHint')}
      </p>
      <ul id={listId} role="listbox" aria-label={t('assignmentForm.articleList')} hidden={!expanded}>
        {articles.map((article, index) => (
          <li
            key={article.slug}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className="combobox__option"
            // Chosen on mousedown, before the field's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(article);
            }}
            data-slug={article.slug}
          >
            <span lang="de">{article.titleDe}</span>{' '}
            <span className="muted">
              {article.outlet} · {formatLongDate(locale, article.publishedAt)}
            </span>
          </li>
        ))}
      </ul>
      <p role="status" className="visually-hidden" data-testid="article-search-status">
        {status}
      </p>
    </div>
  );
}
