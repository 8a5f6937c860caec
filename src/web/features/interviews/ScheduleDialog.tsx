import { useState } from 'react';
import { fromLocalInput } from '../../ui/format.js';
import { Modal } from '../../ui/Modal.js';
import { BothTimes } from '../people/TheirTime.js';

/** Asks for the meeting time, which scheduling needs. */
export function ScheduleDialog({ name, contactId, onSchedule, onClose }: { name: string; contactId: string; onSchedule: (iso: string) => void; onClose: () => void }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <Modal title={`When will you talk with ${name}?`} isOpen onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const iso = fromLocalInput(value);
          if (!iso) return setError('Choose a date and time.');
          onSchedule(iso);
        }}
      >
        <div className="field">
          <label htmlFor="schedule-at">Date and time</label>
          <input id="schedule-at" type="datetime-local" value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? 'schedule-error' : undefined} />
          {error ? (
            <div className="error" id="schedule-error">
              {error}
            </div>
          ) : null}
          <BothTimes iso={fromLocalInput(value)} contactId={contactId} />
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            Schedule
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
