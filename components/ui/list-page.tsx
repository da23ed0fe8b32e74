import type { ReactNode } from 'react';
import { Pagination } from './pagination';

/**
 * The one skeleton of a list page (projects, meetings, spaces; topics next): a title and intro with the
 * page's main action beside them, what just happened (notices), an optional filter form, then one or
 * more lists, each with its empty state and pagination. Server components only; everything works
 * without JavaScript (the filter is a plain GET form).
 */
export function ListPage({
  title,
  intro,
  action,
  notices,
  filter,
  children,
}: {
  title: string;
  intro?: ReactNode;
  /** e.g. "Propose a project" or "Sign in to propose" */
  action?: ReactNode;
  notices?: ReactNode;
  /** a <FilterForm> above every list of the page */
  filter?: ReactNode;
  /** the page's lists (<ListSection>) and any section before them */
  children: ReactNode;
}) {
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{title}</h1>
          {intro ? <p>{intro}</p> : null}
        </div>
        {action}
      </div>
      {notices}
      {filter}
      {children}
    </div>
  );
}

/** The main action of a list page, as a button-like link. */
export function ListAction({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} className="rounded bg-teal-800 px-4 py-2 font-semibold text-white no-underline hover:text-white">
      {children}
    </a>
  );
}

/** A GET filter form: its fields (FilterSelect…) in a grid, and the button that applies them. */
export function FilterForm({ label, submit, children }: { label: string; submit: string; children: ReactNode }) {
  return (
    <form method="get" aria-label={label} className="grid gap-3 rounded border border-stone-300 bg-white p-3 sm:grid-cols-3">
      {children}
      <div className="flex items-end">
        <button type="submit" className="min-h-11 w-full rounded bg-teal-800 px-4 font-semibold text-white">{submit}</button>
      </div>
    </form>
  );
}

/**
 * One list of a list page: its heading, what comes before the items (a filter, a count), the items or
 * the empty state, and the pagination.
 */
export function ListSection<T>({
  titleId,
  title,
  before,
  items,
  itemKey,
  renderItem,
  empty,
  listId,
  grid = false,
  pagination,
}: {
  /** the heading's id (the section is labelled by it) */
  titleId?: string;
  title?: string;
  before?: ReactNode;
  items: readonly T[];
  itemKey: (item: T) => string | number;
  renderItem: (item: T) => ReactNode;
  /** what to say when there is nothing (null: then the whole section is left out) */
  empty: string | null;
  listId?: string;
  /** two columns from tablet width (cards) instead of one column */
  grid?: boolean;
  pagination?: { page: number; pages: number; hrefFor: (page: number) => string };
}) {
  if (items.length === 0 && empty === null) return null;
  return (
    <section aria-labelledby={title ? titleId : undefined} className={before ? 'space-y-4' : undefined}>
      {title ? (
        <h2 id={titleId} className={`text-xl font-bold${before ? '' : ' mb-2'}`}>
          {title}
        </h2>
      ) : null}
      {before}
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className={grid ? 'grid gap-4 sm:grid-cols-2' : 'space-y-3'} id={listId}>
          {items.map((item) => (
            <li key={itemKey(item)}>{renderItem(item)}</li>
          ))}
        </ul>
      )}
      {pagination ? <Pagination {...pagination} /> : null}
    </section>
  );
}
