import { shortcuts } from './useShortcuts.js';

/** The keyboard shortcuts of interview mode, listed beside the conversation. */
export function ShortcutsCard() {
  return (
    <section className="card" aria-labelledby="im-keys-heading">
      <h2 id="im-keys-heading">Keyboard shortcuts</h2>
      <dl className="im-keys">
        {shortcuts.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
