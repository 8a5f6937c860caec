import { describe, expect, it } from 'vitest';
import { checkAgainstAccounts, invitationState, readInvitationCsv } from './cohorts.rules.js';

describe('reading a cohort upload', () => {
  it('takes the columns in any order and case, a student’s role by default, and the synonyms people use', () => {
    const { rows, problems } = readInvitationCsv('Name,EMAIL,Cohort,Role,Adviser\r\nAsha Patel,Asha@Uni.example,MSc Finance,,sam@uni.example\r\nSam Adviser,sam@uni.example,MSc Finance,Adviser,\r\n\r\n');
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, email: 'asha@uni.example', name: 'Asha Patel', role: 'explorer', cohort: 'MSc Finance', adviser: 'sam@uni.example' },
      { line: 3, email: 'sam@uni.example', name: 'Sam Adviser', role: 'coach', cohort: 'MSc Finance', adviser: null },
    ]);
  });

  it('names the line and the field of every problem, and keeps none of the file', () => {
    const csv = ['email,name,role,cohort,adviser', 'ok@uni.example,Fine,,,', ',Nobody,,,', 'not-an-address,Bad,,,', 'x@uni.example,,teacher,,', 'ok@uni.example,Again,,,', 'c@uni.example,Coach,coach,,sam@uni.example', 'd@uni.example,Dee,,,nope'].join('\n');
    const { problems } = readInvitationCsv(csv);
    expect(problems.map((p) => p.message)).toEqual([
      'line 3: email is missing',
      'line 4: email is not an email address',
      'line 5: name is missing',
      'line 5: role must be one of explorer, coach, admin (or student, adviser)',
      'line 6: email ok@uni.example is already on line 2 of this file',
      'line 7: adviser is only for students (explorers); leave it empty for a coach or admin',
      'line 8: adviser is not an email address (give the adviser’s email)',
    ]);
    expect(problems[1]).toMatchObject({ line: 4, field: 'email' });
  });

  it('needs a header row naming email and name, and somebody to invite', () => {
    expect(readInvitationCsv('asha@uni.example,Asha\n').problems[0]?.message).toMatch(/^line 1: email column is missing/);
    expect(readInvitationCsv('email,name\n').problems[0]?.message).toBe('line 2: email is missing: the file has a header but nobody to invite');
    expect(readInvitationCsv('email,name\n"a@uni.example,Open quote\n').problems[0]?.message).toMatch(/^line 2: /);
  });

  it('refuses addresses that have accounts and advisers who are not coaches (or invited as coaches in the same file)', () => {
    const { rows } = readInvitationCsv(
      'email,name,role,adviser\nnew@uni.example,New,,coach@uni.example\ntaken@uni.example,Taken,,\nb@uni.example,Bee,,admin@uni.example\nc@uni.example,Cee,,fresh@uni.example\nfresh@uni.example,Fresh,coach,\nd@uni.example,Dee,,ghost@uni.example\n',
    );
    const accounts = new Map([
      ['coach@uni.example', { role: 'coach' as const, disabled: false }],
      ['taken@uni.example', { role: 'explorer' as const, disabled: true }],
      ['admin@uni.example', { role: 'admin' as const, disabled: false }],
    ]);
    expect(checkAgainstAccounts(rows, accounts).map((p) => p.message)).toEqual([
      'line 3: email taken@uni.example already has an account (disabled)',
      'line 4: adviser admin@uni.example is not a coach (make them a coach first)',
      'line 7: adviser ghost@uni.example has no account and is not invited as a coach in this file',
    ]);
  });
});

describe('an invitation’s state', () => {
  const base = { revokedAt: null, usedAt: null, emailedAt: null, expiresAt: '2026-03-20T00:00:00Z' };
  it('is joined once used, revoked once revoked, then expired, emailed or pending', () => {
    const at = '2026-03-10T00:00:00Z';
    expect(invitationState(base, at)).toBe('pending');
    expect(invitationState({ ...base, emailedAt: at }, at)).toBe('emailed');
    expect(invitationState({ ...base, emailedAt: at }, '2026-03-21T00:00:00Z')).toBe('expired');
    expect(invitationState({ ...base, revokedAt: at }, '2026-03-21T00:00:00Z')).toBe('revoked');
    expect(invitationState({ ...base, usedAt: at }, '2026-03-21T00:00:00Z')).toBe('accepted');
  });
});
