import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import type { SearchHit } from '../../../shared/schemas/search.js';
import { plural } from '../../ui/format.js';
import { Modal } from '../../ui/Modal.js';
import { useDebounced } from '../../ui/useDebounced.js';
import { useSearch } from './search.api.js';

/** The groups results are shown in, in this order. */
const groups: Array<{ type: SearchHit['type']; label: string }> = [
  { type: 'contact', label: 'People' },
  { type: 'organization', label: 'Organisations' },
  { type: 'interview', label: 'Interview notes' },
  { type: 'interaction', label: 'Interactions' },
  { type: 'lead', label: 'Leads' },
];

function hrefFor(hit: SearchHit): string {
  if (hit.type === 'contact') return `/people/${hit.id}`;
  if (hit.type === 'organization') return `/organizations/${hit.id}`;
  if (hit.type === 'interview') return `/interviews/${hit.id}`;
  if (hit.type === 'lead') return '/leads';
  return hit.contactId ? `/people/${hit.contactId}` : '/';
}

/**
 * Ctrl/Cmd-K: one search over people, organisations, interview notes and
 * interactions. The box is a combobox with a grouped listbox: the arrow keys
 * (and Home/End once in the list) move the highlighted result, Enter opens it,
 * Escape closes the dialog. Focus stays in the box the whole time.
 */
export function SearchDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(-1);
  const navigate = useNavigate();
  const base = useId();
  const listboxId = `${base}-results`;
  const query = useDebounced(text.trim(), 150);
  const results = useSearch(query, isOpen);

  const grouped = useMemo(() => {
    const items = query ? (results.data?.items ?? []) : [];
    return groups.map((g) => ({ ...g, hits: items.filter((h) => h.type === g.type) })).filter((g) => g.hits.length > 0);
  }, [query, results.data]);
  // The order the arrow keys walk: the order on screen.
  const flat = useMemo(() => grouped.flatMap((g) => g.hits), [grouped]);
  const optionId = (index: number) => `${base}-option-${index}`;

  useEffect(() => setActive(-1), [flat]);
  useEffect(() => {
    if (active >= 0) document.getElementById(`${base}-option-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, base]);

  // Each Ctrl/Cmd-K starts from an empty box.
  const close = () => {
    setActive(-1);
    setText('');
    onClose();
  };
  const open = (hit: SearchHit | undefined) => {
    if (!hit) return;
    close();
    navigate(hrefFor(hit));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = flat.length - 1;
    if (last < 0) return;
    const inList = active >= 0;
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = active >= last ? 0 : active + 1;
    else if (event.key === 'ArrowUp') next = active <= 0 ? last : active - 1;
    else if (event.key === 'Home' && (inList || event.ctrlKey)) next = 0;
    else if (event.key === 'End' && (inList || event.ctrlKey)) next = last;
    else if (event.key === 'Enter') {
      event.preventDefault();
      open(flat[inList ? active : 0]);
      return;
    }
    if (next !== null) {
      event.preventDefault();
      setActive(next);
    }
  };

  const expanded = flat.length > 0;
  let index = -1;
  return (
    <Modal title="Search" isOpen={isOpen} onClose={close}>
      <div className="field">
        <label htmlFor={`${base}-input`}>Search everything</label>
        <input
          id={`${base}-input`}
          type="text"
          role="combobox"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listboxId}
          aria-activedescendant={active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${base}-help`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder="A name, an organisation, a word from your notes…"
        />
        <div className="hint" id={`${base}-help`}>
          Use the up and down arrows to pick a result and Enter to open it.
        </div>
      </div>
      <div role="status" aria-live="polite" className="muted">
        {query && results.data ? (results.data.items.length === 0 ? `Nothing matches “${query}”.` : `${plural(results.data.items.length, 'result')}.`) : ''}
      </div>
      <div role="listbox" id={listboxId} aria-label="Search results" className="search-listbox" hidden={!expanded}>
        {grouped.map((group) => (
          <div key={group.type} role="group" aria-labelledby={`${base}-group-${group.type}`} className="search-group">
            <div role="presentation" id={`${base}-group-${group.type}`} className="search-group-label">
              {group.label}
            </div>
            {group.hits.map((hit) => {
              index += 1;
              const mine = index;
              return (
                <div
                  key={`${hit.type}:${hit.id}`}
                  id={optionId(mine)}
                  role="option"
                  aria-selected={mine === active}
                  className="search-option"
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseMove={() => setActive(mine)}
                  onClick={() => open(hit)}
                >
                  <strong>{hit.title}</strong>
                  <br />
                  <span className="muted">{hit.snippet.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</span>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </Modal>
  );
}
