import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSwitchWorkspace, useWorkspace } from '../../app/workspace.js';
import { ExplorationForm } from '../explorations/ExplorationForm.js';
import { ContactForm } from '../people/ContactForm.js';
import { ProfileForm } from '../settings/ProfileForm.js';

const steps = ['About you', 'What to explore', 'Your first people'];

/** First run: a profile, a first exploration, the first people — or a look at the demo. */
export function Onboarding() {
  const [step, setStep] = useState(0);
  const [added, setAdded] = useState<string[]>([]);
  const [formKey, setFormKey] = useState(0);
  const navigate = useNavigate();
  const switcher = useSwitchWorkspace();
  const workspace = useWorkspace();
  return (
    <section>
      <div className="page-header">
        <div>
          <h1>Welcome to Inroads</h1>
          <p>Informational interviews, one short conversation at a time: ask for advice, never for a job. Three quick steps to set up.</p>
        </div>
        {workspace.data?.canSwitch ? (
          <button type="button" onClick={() => switcher.mutate('demo', { onSuccess: () => navigate('/') })}>
            Try it with sample data
          </button>
        ) : null}
      </div>
      <ol className="steps" aria-label="Setup steps">
        {steps.map((label, index) => (
          <li key={label} aria-current={index === step ? 'step' : undefined}>
            {index + 1}. {label}
          </li>
        ))}
      </ol>
      <section className="card" aria-labelledby="step-heading">
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
            <ExplorationForm onSaved={() => setStep(2)} />
          </>
        ) : null}
        {step === 2 ? (
          <>
            <p className="muted">Start with people you already know — family, friends, classmates, former colleagues. They say yes most often, and they know others.</p>
            <p>
              Already have them somewhere? <Link to="/import">Import from LinkedIn, your phone or Google</Link>.
            </p>
            {added.length ? (
              <p role="status">
                Added: <strong>{added.join(', ')}</strong>
              </p>
            ) : null}
            <ContactForm
              key={formKey}
              onCancel={() => navigate('/')}
              onSaved={(contact) => {
                setAdded((names) => [...names, contact.name]);
                setFormKey((k) => k + 1);
              }}
            />
            <p>
              <button type="button" className="primary" onClick={() => navigate('/')}>
                {added.length ? 'Finish and go to Today' : 'Skip for now'}
              </button>
            </p>
          </>
        ) : null}
      </section>
    </section>
  );
}
