import Link from 'next/link';

/** One filter of a glossary GET form: a labelled select whose first option (empty) means "all". */
export function FilterSelect({
  id,
  name,
  label,
  all,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  all: string;
  value: string | undefined;
  options: readonly { value: string; label: string; lang?: string }[];
}) {
  return (
    <div className="glossary-filters__field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''}>
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
