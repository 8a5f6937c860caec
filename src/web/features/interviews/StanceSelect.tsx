import { stances } from '../../../shared/vocabulary/conversation.js';

export type Stance = (typeof stances)[number];

/** Which way a note speaks to its key question: for, against or neither (only once a key question is chosen). */
export function StanceSelect({ id, value, disabled, onChange }: { id: string; value: Stance | null; disabled: boolean; onChange: (stance: Stance | null) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>It speaks</label>
      <select id={id} value={value ?? ''} disabled={disabled} onChange={(e) => onChange((e.target.value || null) as Stance | null)}>
        <option value="">Neither way</option>
        {stances.map((s) => (
          <option key={s} value={s}>
            {s === 'for' ? 'For' : 'Against'}
          </option>
        ))}
      </select>
    </div>
  );
}
