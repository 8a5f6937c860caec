import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Contact } from '../../../shared/schemas/contacts.js';
import { plural } from '../../ui/format.js';
import { optionsFrom, SelectField, TextField } from '../../ui/Field.js';
import { relationshipLabels, responsivenessLabels } from '../../ui/labels.js';
import { Modal } from '../../ui/Modal.js';
import { Empty, ErrorState, Loading } from '../../ui/States.js';
import { ContactForm } from './ContactForm.js';
import { fetchContactsPage, PEOPLE_PAGE, useContactSearch, useContactsFirstPage, useExplorationOptions, useOrganizationOptions } from './people.api.js';

const PAGE = PEOPLE_PAGE;
const ROW = 52;

/** Pages of the server's list: the first from its query (so rows show on the render its answer arrives), the rest fetched as the window scrolls over them. */
function usePagedContacts(query: Record<string, string>) {
  const first = useContactsFirstPage(query);
  // Pages fetched for another filter or sort, or before the list was last fetched again (after a change), are dropped.
  const key = `${JSON.stringify(query)}@${first.dataUpdatedAt}`;
  const [later, setLater] = useState<{ key: string; pages: Map<number, Contact[]> }>({ key, pages: new Map() });
  const pages = later.key === key ? later.pages : new Map<number, Contact[]>();
  const total = first.data?.total ?? null;
  const loading = useRef(new Set<string>());
  const ensure = (index: number) => {
    const page = Math.floor(index / PAGE);
    const token = `${key}:${page}`;
    if (page === 0 || pages.has(page) || loading.current.has(token)) return;
    loading.current.add(token);
    void fetchContactsPage(query, page * PAGE).then((result) => {
      setLater((current) => ({ key, pages: new Map(current.key === key ? current.pages : []).set(page, result.items) }));
      loading.current.delete(token);
    });
  };
  const at = (index: number) => (index < PAGE ? first.data?.items[index] : pages.get(Math.floor(index / PAGE))?.[index % PAGE]);
  return { total, at, ensure, first };
}

export function PeoplePage() {
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);
  const navigate = useNavigate();
  const query = useMemo(() => {
    const q: Record<string, string> = { sort: params.get('sort') ?? 'name' };
    for (const key of ['relationship', 'organizationId', 'explorationId', 'tag', 'responsiveness']) {
      const value = params.get(key);
      if (value) q[key] = value;
    }
    return q;
  }, [params]);
  const search = params.get('q') ?? '';
  const searching = useContactSearch(search);
  const list = usePagedContacts(query);
  // The filters' choices are asked for once the first rows are in, so they do not hold the rows up.
  const organizations = useOrganizationOptions(!list.first.isPending);
  const explorations = useExplorationOptions(!list.first.isPending);
  const scroller = useRef<HTMLDivElement>(null);
  // A first guess at the list's box lets the first rows render with the data, before the list has been measured.
  const virtualizer = useVirtualizer({ count: list.total ?? 0, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 10, initialRect: { width: 1024, height: 600 } });
  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    for (const row of items) list.ensure(row.index);
  });

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <section>
      <div className="page-header">
        <div>
          <h1>People</h1>
          <p>{list.total === null ? ' ' : plural(list.total, 'person', 'people')}</p>
        </div>
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          Add person
        </button>
      </div>
      <form className="toolbar" role="search" aria-label="Filter people" onSubmit={(e) => e.preventDefault()}>
        <TextField label="Search people" type="search" value={search} onChange={(e) => set('q', e.target.value)} placeholder="Name, title, notes…" />
        <SelectField label="Relationship" value={query.relationship ?? ''} onChange={(e) => set('relationship', e.target.value)} options={optionsFrom(relationshipLabels, 'Any')} />
        <SelectField
          label="Organisation"
          value={query.organizationId ?? ''}
          onChange={(e) => set('organizationId', e.target.value)}
          options={[{ value: '', label: 'Any' }, ...(organizations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))]}
        />
        <SelectField
          label="Exploration"
          value={query.explorationId ?? ''}
          onChange={(e) => set('explorationId', e.target.value)}
          options={[{ value: '', label: 'Any' }, ...(explorations.data?.items ?? []).map((x) => ({ value: x.id, label: x.title }))]}
        />
        <SelectField label="Responsiveness" value={query.responsiveness ?? ''} onChange={(e) => set('responsiveness', e.target.value)} options={optionsFrom(responsivenessLabels, 'Any')} />
        <TextField label="Tag" value={query.tag ?? ''} onChange={(e) => set('tag', e.target.value)} />
        <SelectField
          label="Sort by"
          value={query.sort}
          onChange={(e) => set('sort', e.target.value)}
          options={[
            { value: 'name', label: 'Name A–Z' },
            { value: '-name', label: 'Name Z–A' },
            { value: '-createdAt', label: 'Newest first' },
            { value: '-updatedAt', label: 'Recently changed' },
            { value: '-connectedOn', label: 'Recently connected' },
          ]}
        />
      </form>

      {search.trim() ? (
        <div className="card">
          <h2>Matches for “{search}”</h2>
          {searching.isPending ? <Loading what="matches" /> : null}
          {searching.data?.items.length === 0 ? <p>No one matches. Try fewer letters.</p> : null}
          <ul className="search-results">
            {searching.data?.items.map((hit) => (
              <li key={hit.id}>
                <Link to={`/people/${hit.id}`}>
                  <strong>{hit.title}</strong>
                  <br />
                  <span className="muted">{hit.snippet.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          {list.first.isPending ? <Loading what="people" /> : null}
          {list.first.isError ? <ErrorState error={list.first.error} retry={() => void list.first.refetch()} /> : null}
          {list.total === 0 ? (
            <div className="card">
              <Empty title="No people here yet">
                <p>Start with people you already know — friends, classmates, former colleagues — then add the ones they suggest.</p>
                <button type="button" className="primary" onClick={() => setAdding(true)}>
                  Add your first person
                </button>
              </Empty>
            </div>
          ) : null}
          {list.total ? (
            <div role="table" aria-label="People" aria-rowcount={list.total + 1}>
              <div role="rowgroup">
                <div className="list-header" role="row" aria-rowindex={1}>
                  <span role="columnheader">Name</span>
                  <span role="columnheader">Title</span>
                  <span role="columnheader">Organisation</span>
                  <span role="columnheader">Relationship</span>
                  <span role="columnheader">Responsiveness</span>
                </div>
              </div>
              <div className="virtual-list" ref={scroller} role="rowgroup" tabIndex={0} aria-label="People, scrollable">
                <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                  {items.map((row) => {
                    const contact = list.at(row.index);
                    return (
                      <div key={row.key} className="virtual-row" role="row" aria-rowindex={row.index + 2} style={{ height: ROW, transform: `translateY(${row.start}px)` }}>
                        {contact ? (
                          <>
                            <span role="cell">
                              <Link to={`/people/${contact.id}`}>{contact.name}</Link>
                            </span>
                            <span role="cell">{contact.title}</span>
                            <span role="cell">{contact.organization?.name}</span>
                            <span role="cell">{relationshipLabels[contact.relationship]}</span>
                            <span role="cell">{contact.responsiveness === 'unknown' ? '' : <span className="badge">{responsivenessLabels[contact.responsiveness]}</span>}</span>
                          </>
                        ) : (
                          <span role="cell" className="muted">
                            Loading…
                          </span>
                        )}
                      </div>
                    );
                  })}
                </div>
              </div>
            </div>
          ) : null}
        </>
      )}
      <Modal title="Add a person" isOpen={adding} onClose={() => setAdding(false)}>
        <ContactForm onCancel={() => setAdding(false)} onSaved={(contact) => navigate(`/people/${contact.id}`)} />
      </Modal>
    </section>
  );
}
