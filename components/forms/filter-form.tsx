import Link from 'next/link';
import type { ReactNode } from 'react';

// The search-and-filter forms of the library, My words, the glossary and its review queue: plain GET
// forms, so every result has an address, the back button works and nothing needs JavaScript.

/** The form: a search landmark named `label` that sends its fields to `action`. */
export function FilterForm({
  label,
  action,
  className,
  children,
}: {
  label: string;
  action: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form
      className={className ? `glossary-filters ${className}` : 'glossary-filters'}
      role="search"
      aria-label={label}
      method="get"
      action={action}
    >
      {children}
    </form>
  );
}

/** The search box; its hint, shown under the form's actions, describes it. */
export function SearchField({
  id,
  label,
  value,
  maxLength,
}: {
  id: string;
  label: string;
  value: string | undefined;
  maxLength?: number;
}) {
  return (
    <div className="glossary-filters__field glossary-filters__field--search">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={value ?? ''}
        maxLength={maxLength}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}

/** The hint of the SearchField `id`. */
export function SearchHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-hint`} className="glossary-filters__hint">
      {children}
    </p>
  );
}

/** One filter: a labelled select whose first option (empty) means "all". */
export function FilterSelect({
  id,
  name,
  label,
  all,
  value,
  options,
  className,
}: {
  id: string;
  name: string;
  label: string;
  all: string;
  value: string | undefined;
  options: readonly { value: string; label: string; lang?: string }[];
  className?: string;
}) {
  return (
    <div className="glossary-filters__field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''} className={className}>
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The form's submit button, and a link back to no filters while any is set. */
export function FilterActions({
  submit,
  reset,
  href,
  active,
}: {
  submit: string;
  reset: string;
  href: string;
  active: boolean;
}) {
  return (
    <div className="glossary-filters__actions">
      <button type="submit">{submit}</button>
      {active ? <Link href={href}>{reset}</Link> : null}
    </div>
  );
}
