import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { SearchHit } from '../../../shared/schemas/search.js';
import { api } from '../../api/client.js';
import { useDebounced } from '../../ui/useDebounced.js';
import { Modal } from '../../ui/Modal.js';

const typeLabels: Record<string, string> = { contact: 'Person', organization: 'Organisation', interview: 'Interview notes', interaction: 'Interaction' };

function hrefFor(hit: SearchHit): string {
  if (hit.type === 'contact') return `/people/${hit.id}`;
  if (hit.type === 'organization') return `/organizations/${hit.id}`;
  if (hit.type === 'interview') return `/interviews/${hit.id}`;
  return hit.contactId ? `/people/${hit.contactId}` : '/';
}

/** Ctrl/Cmd-K: one search over people, organisations, interview notes and interactions. */
export function SearchDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 150);
  const results = useQuery({
    queryKey: ['search', query],
    queryFn: () => api.get<{ items: SearchHit[] }>('/api/v1/search', { q: query, limit: 20 }),
    enabled: isOpen && query.length > 0,
  });
  return (
    <Modal title="Search" isOpen={isOpen} onClose={onClose}>
      <div className="field">
        <label htmlFor="global-search">Search everything</label>
        <input id="global-search" type="search" autoFocus value={text} onChange={(e) => setText(e.target.value)} placeholder="A name, an organisation, a word from your notes…" />
      </div>
      <div role="status" aria-live="polite" className="muted">
        {query && results.data ? `${results.data.items.length} ${results.data.items.length === 1 ? 'result' : 'results'}` : ''}
      </div>
      <ul className="search-results">
        {results.data?.items.map((hit) => (
          <li key={`${hit.type}:${hit.id}`}>
            <Link to={hrefFor(hit)} onClick={onClose}>
              <strong>{hit.title}</strong> <span className="badge">{typeLabels[hit.type]}</span>
              <br />
              <span className="muted">{hit.snippet.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
