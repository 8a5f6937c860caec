import { useId, useMemo, useState } from 'react';
import { suggestTimeZone } from '../../../shared/time-zones.js';
import { SelectField, TextField } from '../../ui/Field.js';

/** Every IANA zone this browser knows. */
export function knownTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  return intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : ['UTC'];
}

/**
 * The person's time zone (form field `timeZone`, empty when not known). Where their organisation is,
 * or a place the user types, offers a zone to accept; the user can always choose another.
 */
export function TimeZoneField({
  defaultValue,
  error,
  organizationLocation,
}: {
  defaultValue: string | null;
  error?: string | undefined;
  /** Where their organisation is, used for the suggestion until the user types a place. */
  organizationLocation?: string | null | undefined;
}) {
  const [zone, setZone] = useState(defaultValue ?? '');
  const [place, setPlace] = useState('');
  const zones = useMemo(() => {
    const all = knownTimeZones();
    return zone && !all.includes(zone) ? [zone, ...all] : all;
  }, [zone]);
  const from = place.trim() || organizationLocation?.trim() || '';
  const suggestion = suggestTimeZone(from);
  const suggestionId = useId();
  return (
    <>
      <div className="row">
      <TextField
        label="Where they are"
        name="place"
        value={place}
        onChange={(e) => setPlace(e.target.value)}
        autoComplete="off"
        hint={suggestion ? undefined : 'A city or country, such as “Berlin, Germany”, to suggest their time zone. Only the zone is saved.'}
      />
        <SelectField
          label="Their time zone"
          name="timeZone"
          value={zone}
          onChange={(e) => setZone(e.target.value)}
          error={error}
          options={[{ value: '', label: 'Not known' }, ...zones.map((z) => ({ value: z, label: z.replaceAll('_', ' ') }))]}
        />
      </div>
      {suggestion && suggestion !== zone ? (
        <p className="time-zone-suggestion" id={suggestionId}>
          Suggested from {from}: {suggestion}{' '}
          <button type="button" className="link" aria-describedby={suggestionId} onClick={() => setZone(suggestion)}>
            Use this zone
          </button>
        </p>
      ) : null}
    </>
  );
}
