import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ERASED_ID, ERASED_NAME, mentionsPerson, withoutPerson } from '../../../domain/personalData/person.js';

const attendance = {
  sessionId: 'T1',
  urn: '900001',
  attendeeName: 'Pat Head',
  attendeeRole: 'Headteacher',
  status: 'present',
  loggedBy: { aadObjectId: 'aad-pat', name: 'Pat Head' },
  loggedAt: '2021-10-01T15:00:00.000Z',
};

describe('a person taken out of a record that belongs to a school', () => {
  it('keeps the school’s facts and drops the person’s name and id', () => {
    const erased = withoutPerson(attendance, 'aad-pat');
    expect(erased).toEqual({ ...attendance, attendeeName: ERASED_NAME, loggedBy: { aadObjectId: ERASED_ID, name: ERASED_NAME } });
    expect(JSON.stringify(erased)).not.toContain('Pat Head');
  });

  it('drops the person from a list of who acted, and leaves others alone', () => {
    const nomination = {
      groupId: 'lg-01',
      actedBy: ['aad-sam', 'aad-pat'],
      nomination: { submittedBy: { aadObjectId: 'aad-sam', name: 'Sam Member' }, history: [{ submittedBy: { aadObjectId: 'aad-pat', name: 'Pat Head' } }] },
    };
    const erased = withoutPerson(nomination, 'aad-pat');
    expect(erased.actedBy).toEqual(['aad-sam']);
    expect(erased.nomination.submittedBy).toEqual({ aadObjectId: 'aad-sam', name: 'Sam Member' });
    expect(erased.nomination.history[0]?.submittedBy).toEqual({ aadObjectId: ERASED_ID, name: ERASED_NAME });
  });

  it('finds the records that name the person, and no others', () => {
    expect(mentionsPerson(attendance, 'aad-pat')).toBe(true);
    expect(mentionsPerson(attendance, 'aad-someone-else')).toBe(false);
    expect(mentionsPerson({ actedBy: ['aad-pat'] }, 'aad-pat')).toBe(true);
  });

  it('leaves no trace of the person in any record, whatever its shape', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const record = { payload: value, by: { aadObjectId: 'aad-pat', name: 'Pat Head' }, actedBy: ['aad-pat'] };
        const erased = withoutPerson(record, 'aad-pat');
        expect(mentionsPerson(erased, 'aad-pat')).toBe(false);
      }),
    );
  });
});
