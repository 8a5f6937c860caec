import { describe, expect, it } from 'vitest';
import { highlight, snippetFor } from './search.snippet.js';

describe('search snippets', () => {
  it('flags every word that starts with a query term, ignoring case and accents', () => {
    expect(highlight('Met Émile at the Research meetup; researchers were there', ['emil', 'research'])).toEqual([
      { text: 'Met ', match: false },
      { text: 'Émile', match: true },
      { text: ' at the ', match: false },
      { text: 'Research', match: true },
      { text: ' meetup; ', match: false },
      { text: 'researchers', match: true },
      { text: ' were there', match: false },
    ]);
  });

  it('cuts a window around the first match with ellipses', () => {
    const text = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ').replace('w20', 'target');
    const segments = highlight(text, ['targ'], 10)!;
    expect(segments[0]).toEqual({ text: '…w15 w16 w17 w18 w19 ', match: false });
    expect(segments.at(-1)).toEqual({ text: ' w21 w22 w23 w24…', match: false });
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['target']);
  });

  it('falls back to the name, then to the start of the body', () => {
    expect(snippetFor('Quentin Quill', 'Research lead', ['quill'])).toEqual([
      { text: 'Quentin ', match: false },
      { text: 'Quill', match: true },
    ]);
    expect(snippetFor('A', 'Nothing here', ['zzz'])).toEqual([{ text: 'Nothing here', match: false }]);
  });
});
