import { ErrorState } from '../../ui/States.js';
import { useSharing } from './account.api.js';
import { useMyAdviser, useShareWithAdviser } from './adviser.api.js';

/** "Your adviser: Sam Adviser", and one button to share one's progress with them. Nothing when no adviser is assigned. */
export function AdviserCard() {
  const mine = useMyAdviser();
  const share = useShareWithAdviser();
  // What one shares with them follows the list of coaches below (stopping there brings the button back).
  const grants = useSharing();
  const adviser = mine.data?.adviser;
  const sharing = grants.data ? (grants.data.items.find((g) => g.coach.id === adviser?.id)?.scope ?? null) : (mine.data?.sharing ?? null);
  if (!adviser) return mine.isError ? <ErrorState error={mine.error} retry={() => void mine.refetch()} /> : null;
  return (
    <section className="card" aria-labelledby="adviser-heading">
      <h2 id="adviser-heading">Your adviser: {adviser.name}</h2>
      {sharing ? (
        <p role="status">
          You share your {sharing === 'notes' ? 'progress and notes' : 'progress'} with {adviser.name}. You can stop at any time below.
        </p>
      ) : (
        <>
          <p>
            {adviser.name} ({adviser.email}) is your careers adviser. Share your progress with them and they can see your counts, what is due and how each
            conversation stands, so they can help when you get stuck. Your notes stay private.
          </p>
          <button type="button" className="primary" onClick={() => share.mutate()} disabled={share.isPending}>
            Share my progress with {adviser.name}
          </button>
        </>
      )}
      {share.isError ? <ErrorState error={share.error} /> : null}
    </section>
  );
}
