import { useRef, useState, type FormEvent } from 'react';
import type { UpdateProfileInput } from '../../../shared/schemas/profile.js';
import { ApiError } from '../../api/client.js';
import { TextArea, TextField } from '../../ui/Field.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { PitchFeedback } from '../coach/PitchFeedback.js';
import { HolidayPlaceFields } from './HolidayPlaceFields.js';
import { SaveActions } from '../../ui/SaveActions.js';
import { formChanged, markFormSaved, useUnsavedChanges } from '../../ui/unsaved.js';
import { useProfile, useSaveProfile } from './settings.api.js';

const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const zones = (() => {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : ['UTC'];
})();

/** Name, background and pitch; with `full`, also time zone, working days, country for public holidays and days off. */
export function ProfileForm({ full, onSaved, submitLabel = 'Save profile' }: { full: boolean; onSaved?: () => void; submitLabel?: string }) {
  const profile = useProfile();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [pitch, setPitch] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const leave = useUnsavedChanges(() => formChanged(form.current));
  const save = useSaveProfile({
    onSaved: () => {
      markFormSaved(form.current);
      setErrors({});
      setSaved(true);
    },
    onRefreshed: onSaved,
    onError: (e) => setErrors(e instanceof ApiError ? e.fieldErrors() : {}),
  });
  if (profile.isPending) return <Loading what="your profile" />;
  if (profile.isError) return <ErrorState error={profile.error} />;
  const p = profile.data;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const data = new FormData(event.currentTarget);
    const body: UpdateProfileInput = {
      name: String(data.get('name') ?? '').trim(),
      background: String(data.get('background') ?? '').trim(),
      pitch: String(data.get('pitch') ?? '').trim(),
    };
    if (full) {
      body.timeZone = String(data.get('timeZone'));
      body.workingDays = data.getAll('workingDays').map(Number);
      body.holidays = String(data.get('holidays') ?? '')
        .split(/[\s,]+/)
        .map((d) => d.trim())
        .filter(Boolean);
      body.country = String(data.get('country') ?? '');
      body.region = String(data.get('region') ?? '');
    } else if (p.updatedAt === null) {
      body.timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    }
    save.mutate(body);
  };
  return (
    <form ref={form} onSubmit={submit} noValidate>
      <TextField label="Your name" name="name" defaultValue={p.name} autoComplete="name" error={errors.name} />
      <TextArea label="Background" name="background" defaultValue={p.background} rows={3} hint="Two or three sentences: what you have done so far." error={errors.background} />
      <TextArea
        label="Your pitch"
        name="pitch"
        defaultValue={p.pitch}
        rows={3}
        onChange={(e) => setPitch(e.target.value)}
        hint="About 30 seconds spoken (roughly 75 words): your background, what you are exploring, and what you would like from the conversation."
        error={errors.pitch}
      />
      <PitchFeedback text={pitch ?? p.pitch} />
      {full ? (
        <>
          <div className="field">
            <label htmlFor="tz">Time zone</label>
            <select id="tz" name="timeZone" defaultValue={p.timeZone} aria-describedby="tz-hint">
              {/* The saved zone is always offered (the browser's list may lack it, e.g. "UTC"), so saving never changes it silently. */}
              {(zones.includes(p.timeZone) ? zones : [p.timeZone, ...zones]).map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
            <div className="hint" id="tz-hint">
              Business days and due times follow this zone.
            </div>
          </div>
          <fieldset className="field">
            <legend>
              <strong>Working days</strong>
            </legend>
            <div className="actions">
              {days.map((day, index) => (
                <label key={day} className="muted">
                  <input type="checkbox" name="workingDays" value={index + 1} defaultChecked={p.workingDays.includes(index + 1)} /> {day}
                </label>
              ))}
            </div>
            {errors.workingDays ? <div className="error">{errors.workingDays}</div> : null}
          </fieldset>
          <HolidayPlaceFields country={p.country} region={p.region} errors={errors} />
          <TextArea
            label="Your days off"
            name="holidays"
            defaultValue={p.holidays.join('\n')}
            rows={3}
            hint="Leave, bridge days and the like: one date per line, as YYYY-MM-DD. Follow-ups skip these days as well as public holidays."
            error={Object.entries(errors).find(([k]) => k.startsWith('holidays'))?.[1]}
          />
        </>
      ) : null}
      {save.isError && Object.keys(errors).length === 0 ? <ErrorState error={save.error} /> : null}
      <SaveActions label={submitLabel} pending={save.isPending} saved={saved} />
      {leave.dialog}
    </form>
  );
}
