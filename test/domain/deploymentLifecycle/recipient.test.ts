import { describe, expect, it } from 'vitest';
import { recipientNamed } from '../../../domain/deploymentLifecycle/recipient.js';
import { confirmerRole } from '../../../domain/deploymentLifecycle/recipientNoun.js';
import type { SchoolMatch } from '../../../domain/directory/search.js';
import type { School } from '../../../domain/directory/types.js';

const school = (urn: string, name: string, trust?: string): School => ({ urn, name, type: 'Academy converter', phase: 'primary', localAuthority: 'Buckinghamshire', ...(trust ? { trust } : {}) });
const OAKFIELD = school('100003', 'Oakfield Primary Academy', 'Oakfield Academy Trust');
const WILLOWMERE = school('100001', 'Willowmere Primary School');
const match = (found: School, score: number): SchoolMatch => ({ school: found, score, match: 'prefix' });
const TRUSTS = ['Beechwood Learning Trust', 'Oakfield Academy Trust'];

describe('which school or trust a system leader names', () => {
  it.each([
    { said: 'Oakfield Academy Trust', matches: [match(OAKFIELD, 0.6)], is: { kind: 'trust', name: 'Oakfield Academy Trust' } },
    { said: 'oakfield academy trust ', matches: [], is: { kind: 'trust', name: 'Oakfield Academy Trust' } },
    { said: 'Beechwood', matches: [], is: { kind: 'trust', name: 'Beechwood Learning Trust' } },
    { said: 'Oakfield', matches: [match(OAKFIELD, 0.6)], is: { kind: 'school', name: 'Oakfield Primary Academy', urn: '100003' } },
    { said: 'Willowmere Primary School', matches: [match(WILLOWMERE, 1)], is: { kind: 'school', name: 'Willowmere Primary School', urn: '100001' } },
    { said: 'Riverside Learning Trust', matches: [], is: { kind: 'trust', name: 'Riverside Learning Trust' } },
    { said: 'Riverside Trustees School', matches: [], is: { kind: 'school', name: 'Riverside Trustees School' } },
    { said: 'Elsewhere Primary', matches: [], is: { kind: 'school', name: 'Elsewhere Primary' } },
  ])('“$said” is $is.kind $is.name', ({ said, matches, is }) => {
    expect(recipientNamed(said, matches, TRUSTS)).toEqual(is);
  });
});

describe('who confirms section 7 for the one supported', () => {
  it.each([
    { kind: 'school', role: 'headteacher' },
    { kind: 'trust', role: 'chief executive' },
  ] as const)('a $kind: its $role', ({ kind, role }) => {
    expect(confirmerRole(kind)).toBe(role);
  });
});
