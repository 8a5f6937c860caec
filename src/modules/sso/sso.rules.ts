/**
 * Who a single sign-on lets in, and as whom. Pure: the use case reads what the
 * verdict needs and carries it out.
 */

/** What the provider vouched for, after its ID token passed every check. */
export interface VerifiedIdentity {
  subject: string;
  /** Lower-cased and trimmed; null when the provider gave none. */
  email: string | null;
  emailVerified: boolean;
}

interface AccountFacts {
  id: string;
  disabled: boolean;
}

interface InvitationFacts {
  id: string;
  email: string;
  usable: boolean;
}

export interface VerdictInput {
  identity: VerifiedIdentity;
  /** The account linked to this issuer and subject, if any. */
  linked: AccountFacts | null;
  /** The account with the verified email, if any, and the subject it is linked to at this issuer (if any). */
  byEmail: (AccountFacts & { linkedSubject: string | null }) | null;
  /** The invitation the person came with (from its link), if any. */
  invitation: InvitationFacts | null;
  /** Otherwise: an open invitation for the verified email, if any. */
  pending: InvitationFacts | null;
}

export type SsoRefusal = 'email_unverified' | 'account_disabled' | 'subject_mismatch' | 'invitation_invalid' | 'invitation_email' | 'no_account';

export type SsoVerdict =
  | { kind: 'sign_in'; userId: string }
  | { kind: 'link'; userId: string }
  | { kind: 'join'; invitationId: string }
  | { kind: 'refuse'; reason: SsoRefusal };

/**
 * The verdict: the email must be verified; an account linked to this person signs
 * in (whatever email the provider now gives); otherwise the account with that email
 * is linked and signs in, unless it belongs to another person at the provider;
 * with no account, an invitation for that email makes one; a disabled account never
 * signs in.
 */
export function ssoVerdict({ identity, linked, byEmail, invitation, pending }: VerdictInput): SsoVerdict {
  if (!identity.email || !identity.emailVerified) return { kind: 'refuse', reason: 'email_unverified' };
  if (linked) return linked.disabled ? { kind: 'refuse', reason: 'account_disabled' } : { kind: 'sign_in', userId: linked.id };
  if (byEmail) {
    if (byEmail.disabled) return { kind: 'refuse', reason: 'account_disabled' };
    if (byEmail.linkedSubject !== null && byEmail.linkedSubject !== identity.subject) return { kind: 'refuse', reason: 'subject_mismatch' };
    return { kind: 'link', userId: byEmail.id };
  }
  if (invitation) {
    if (!invitation.usable) return { kind: 'refuse', reason: 'invitation_invalid' };
    if (invitation.email !== identity.email) return { kind: 'refuse', reason: 'invitation_email' };
    return { kind: 'join', invitationId: invitation.id };
  }
  if (pending?.usable && pending.email === identity.email) return { kind: 'join', invitationId: pending.id };
  return { kind: 'refuse', reason: 'no_account' };
}

/** A sign-in waiting for the provider's answer lasts ten minutes. */
export const SSO_LOGIN_MINUTES = 10;
