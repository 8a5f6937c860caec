import { describe, expect, it } from 'vitest';
import { ssoVerdict, type VerdictInput } from './sso.rules.js';

const base: VerdictInput = {
  identity: { subject: 'sub-1', email: 'sam@uni.example', emailVerified: true },
  linked: null,
  byEmail: null,
  invitation: null,
  pending: null,
};

describe('who a single sign-on lets in', () => {
  it('needs a verified email, whatever else is true', () => {
    expect(ssoVerdict({ ...base, identity: { ...base.identity, emailVerified: false }, linked: { id: 'u1', disabled: false } })).toEqual({ kind: 'refuse', reason: 'email_unverified' });
    expect(ssoVerdict({ ...base, identity: { ...base.identity, email: null } })).toEqual({ kind: 'refuse', reason: 'email_unverified' });
  });

  it('signs in the account linked to the subject, unless it is disabled', () => {
    expect(ssoVerdict({ ...base, linked: { id: 'u1', disabled: false }, byEmail: { id: 'u2', disabled: false, linkedSubject: null } })).toEqual({ kind: 'sign_in', userId: 'u1' });
    expect(ssoVerdict({ ...base, linked: { id: 'u1', disabled: true } })).toEqual({ kind: 'refuse', reason: 'account_disabled' });
  });

  it('links the account with the email, unless it is disabled or another subject’s', () => {
    expect(ssoVerdict({ ...base, byEmail: { id: 'u2', disabled: false, linkedSubject: null } })).toEqual({ kind: 'link', userId: 'u2' });
    expect(ssoVerdict({ ...base, byEmail: { id: 'u2', disabled: true, linkedSubject: null } })).toEqual({ kind: 'refuse', reason: 'account_disabled' });
    expect(ssoVerdict({ ...base, byEmail: { id: 'u2', disabled: false, linkedSubject: 'sub-2' } })).toEqual({ kind: 'refuse', reason: 'subject_mismatch' });
  });

  it('makes an account only with an invitation for that email', () => {
    const invitation = { id: 'i1', email: 'sam@uni.example', usable: true };
    expect(ssoVerdict({ ...base, invitation })).toEqual({ kind: 'join', invitationId: 'i1' });
    expect(ssoVerdict({ ...base, invitation: { ...invitation, usable: false } })).toEqual({ kind: 'refuse', reason: 'invitation_invalid' });
    expect(ssoVerdict({ ...base, invitation: { ...invitation, email: 'someone@uni.example' } })).toEqual({ kind: 'refuse', reason: 'invitation_email' });
    expect(ssoVerdict({ ...base, pending: invitation })).toEqual({ kind: 'join', invitationId: 'i1' });
    expect(ssoVerdict({ ...base, pending: { ...invitation, usable: false } })).toEqual({ kind: 'refuse', reason: 'no_account' });
    expect(ssoVerdict(base)).toEqual({ kind: 'refuse', reason: 'no_account' });
  });
});
