import { useState } from 'react';
import { useHolidayPlaces } from './settings.api.js';

/**
 * Country and region selects for public holidays; the region list follows the country chosen.
 * The selects appear once the list of places has arrived (so they open on the saved choice, and
 * the unsaved-changes check sees no change); until then hidden fields keep the saved values.
 */
export function HolidayPlaceFields({ country, region, errors }: { country: string; region: string; errors: Record<string, string> }) {
  const places = useHolidayPlaces();
  const [chosen, setChosen] = useState(country);
  if (!places.data) {
    return (
      <>
        <input type="hidden" name="country" value={country} />
        <input type="hidden" name="region" value={region} />
        <p className="muted">{places.isError ? 'The list of countries could not be loaded.' : 'Loading the list of countries…'}</p>
      </>
    );
  }
  const countries = places.data.countries;
  const regions = countries.find((c) => c.code === chosen)?.regions ?? [];
  return (
    <>
      <div className="field">
        <label htmlFor="holiday-country">Country for public holidays</label>
        <select id="holiday-country" name="country" defaultValue={country} onChange={(e) => setChosen(e.target.value)} aria-describedby="holiday-country-hint">
          <option value="">None: only my own days off</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <div className="hint" id="holiday-country-hint">
          Follow-ups and reply times skip this country&apos;s public holidays.
        </div>
        {errors.country ? <div className="error">{errors.country}</div> : null}
      </div>
      {regions.length > 0 ? (
        <div className="field">
          <label htmlFor="holiday-region">Region</label>
          {/* A new country opens its own region list on "the whole country". */}
          <select id="holiday-region" name="region" key={chosen} defaultValue={chosen === country ? region : ''} aria-describedby="holiday-region-hint">
            <option value="">The whole country</option>
            {regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
          <div className="hint" id="holiday-region-hint">
            Choose one if your region has holidays of its own.
          </div>
          {errors.region ? <div className="error">{errors.region}</div> : null}
        </div>
      ) : null}
    </>
  );
}
