import type { ChangePasswordInput } from '../../../shared/schemas/accounts.js';
import { TextField } from '../../ui/Field.js';

/** The current and the new password, as Account's password card and the first-sign-in page both ask for them. */
export function PasswordFields({
  form,
  setForm,
  errors,
  labels,
}: {
  form: ChangePasswordInput;
  setForm: (form: ChangePasswordInput) => void;
  errors: Record<string, string>;
  labels: { current: string; next: string; hint: string };
}) {
  return (
    <>
      <TextField
        label={labels.current}
        type="password"
        autoComplete="current-password"
        required
        value={form.currentPassword}
        onChange={(e) => setForm({ ...form, currentPassword: e.target.value })}
        error={errors.currentPassword}
      />
      <TextField
        label={labels.next}
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        value={form.newPassword}
        onChange={(e) => setForm({ ...form, newPassword: e.target.value })}
        hint={labels.hint}
        error={errors.newPassword}
      />
    </>
  );
}
