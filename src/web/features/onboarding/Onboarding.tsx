import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Exploration } from '../../../shared/schemas/explorations.js';
import { useSwitchWorkspace, useWorkspace, type WorkspaceInfo } from '../../app/workspace.api.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { formChanged, useUnsavedChanges } from '../../ui/unsaved.js';
import { ExplorationForm } from '../explorations/ExplorationForm.js';
import { useActiveExploration } from '../explorations/explorations.api.js';
import { ContactForm } from '../people/ContactForm.js';
import { ProfileForm } from '../settings/ProfileForm.js';
import '../explorations/explorations.css';
import { usePeopleAddedSoFar } from './onboarding.api.js';

const steps = ['About you', 'What to explore', 'Your first people'];
/** How many of the people added so far are named (an import can bring hundreds). */
const SHOWN = 8;

/** Where to pick up: the first step whose result is not saved yet (so a reload never repeats one). */
function resumeAt(info: WorkspaceInfo): number {
  if (!info.profileSaved) return 0;
  if (info.counts.explorations === 0) return 1;
  return 2;
}

/** First run: a profile, a first exploration, the first people — or a look at the demo. */
export function Onboarding() {
  const workspace = useWorkspace();
  const active = useActiveExploration();
  if (workspace.isPending || active.isPending) return <Loading what="your set-up" />;
  if (workspace.isError) return <ErrorState error={workspace.error} retry={() => void workspace.refetch()} />;
  if (active.isError) return <ErrorState error={active.error} retry={() => void active.refetch()} />;
  return <Steps initial={resumeAt(workspace.data)} canSwitch={workspace.data.canSwitch} exploration={active.data.exploration} />;
}

function Steps({ initial, canSwitch, exploration }: { initial: number; canSwitch: boolean; exploration: Exploration | null }) {
  const [step, setStep] = useState(initial);
  const [formKey, setFormKey] = useState(0);
  // Finishing with a person typed but not added asks first.
  const card = useRef<HTMLElement>(null);
  const leave = useUnsavedChanges(() => formChanged(card.current));
  const navigate = useNavigate();
  const switcher = useSwitchWorkspace();
  // The people added so far come from the server, so they are still listed after a reload.
  const added = usePeopleAddedSoFar(exploration?.id, step === 2 && Boolean(exploration));
  const names = added.data?.items.map((c) => (c.organization ? `${c.name} (${c.organization.name})` : c.name)) ?? [];
  return (
    <section>
      <div className="page-header">
        <div>
          <h1>Welcome to Inroads</h1>
          <p>Informational interviews, one short conversation at a time: ask for advice, never for a job. Three quick steps to set up.</p>
        </div>
        {canSwitch ? (
          <button type="button" onClick={() => switcher.mutate('demo')}>
            Try it with sample data
          </button>
        ) : null}
      </div>
      {switcher.isError ? <ErrorState error={switcher.error} /> : null}
      <ol className="steps" aria-label="Setup steps">
        {steps.map((label, index) => (
          <li key={label} aria-current={index === step ? 'step' : undefined}>
            {index < step ? (
              <button type="button" className="link" onClick={() => setStep(index)}>
                {index + 1}. {label}
                <span className="visually-hidden"> (done; go back to it)</span>
              </button>
            ) : (
              <>
                {index + 1}. {label}
              </>
            )}
          </li>
        ))}
      </ol>
      <section className="card" aria-labelledby="step-heading" ref={card}>
        <h2 id="step-heading">{steps[step]}</h2>
        {step === 0 ? (
          <>
            <p className="muted">People you ask will want to know who you are in a sentence or two. You can change this any time.</p>
            <ProfileForm full={false} submitLabel="Continue" onSaved={() => setStep(1)} />
          </>
        ) : null}
        {step === 1 ? (
          <>
            <p className="muted">Choose one field, role or employer to test first. Your conversations will answer four questions about it: would you succeed, would it fit, do you want it, where could it lead.</p>
            {/* Coming back to this step edits the exploration already made instead of starting a second one. */}
            <ExplorationForm key={exploration?.id ?? 'new'} {...(exploration ? { exploration, submitLabel: 'Continue' } : {})} onSaved={() => setStep(2)} />
          </>
        ) : null}
        {step === 2 ? (
          <>
            <p className="muted">Start with people you already know — family, friends, classmates, former colleagues. They say yes most often, and they know others.</p>
            {exploration ? (
              <p>
                They join <strong>{exploration.title}</strong>; type where they work and the organisation joins it too.
              </p>
            ) : null}
            <p>
              Already have them somewhere? <Link to="/import">Import from LinkedIn, your phone or Google</Link>.
            </p>
            {names.length ? (
              <p role="status">
                Added so far: <strong>{names.slice(0, SHOWN).join(', ')}</strong>
                {names.length > SHOWN ? ` and ${(added.data?.total ?? names.length) - SHOWN} more` : ''}
              </p>
            ) : null}
            <ContactForm key={formKey} organizationByName onCancel={() => setFormKey((k) => k + 1)} onSaved={() => setFormKey((k) => k + 1)} />
            <p className="onboarding-finish">
              <button type="button" className={names.length ? 'primary' : undefined} onClick={() => leave.confirm(() => void navigate('/'))}>
                {names.length ? 'Finish and go to Today' : 'Skip for now'}
              </button>
            </p>
            {leave.dialog}
          </>
        ) : null}
      </section>
    </section>
  );
}
