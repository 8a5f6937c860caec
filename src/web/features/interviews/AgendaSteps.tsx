import { agendaSteps } from '../../../shared/vocabulary/conversation.js';
import type { AgendaStep } from '../../../shared/schemas/conversation.js';

/** The agenda of the conversation, step by step; the current step is marked. */
export function AgendaSteps({ current, onChoose }: { current: AgendaStep; onChoose: (step: AgendaStep) => void }) {
  return (
    <nav aria-label="Agenda" className="im-agenda card">
      <h2>Agenda</h2>
      <ol>
        {agendaSteps.map((s) => (
          <li key={s.key}>
            <button type="button" className={s.key === current ? 'step current' : 'step'} aria-current={s.key === current ? 'step' : undefined} onClick={() => onChoose(s.key)}>
              <strong>{s.label}</strong>
              <span className="muted">{s.hint}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
