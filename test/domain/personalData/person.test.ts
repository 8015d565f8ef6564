import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ERASED_ID, ERASED_NAME, mentionsPerson, peopleIn, withoutPerson } from '../../../domain/personalData/person.js';

const PAT = { ids: ['aad-pat', '29:pat-teams-id'], names: ['Pat Head'] };

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
    const erased = withoutPerson(attendance, PAT);
    expect(erased).toEqual({ ...attendance, attendeeName: ERASED_NAME, loggedBy: { aadObjectId: ERASED_ID, name: ERASED_NAME } });
    expect(JSON.stringify(erased)).not.toContain('Pat Head');
  });

  it('drops the person from a list of who acted, and leaves others alone', () => {
    const nomination = {
      groupId: 'lg-01',
      actedBy: ['aad-sam', 'aad-pat'],
      nomination: { submittedBy: { aadObjectId: 'aad-sam', name: 'Sam Member' }, history: [{ submittedBy: { aadObjectId: 'aad-pat', name: 'Pat Head' } }] },
    };
    const erased = withoutPerson(nomination, PAT);
    expect(erased.actedBy).toEqual(['aad-sam']);
    expect(erased.nomination.submittedBy).toEqual({ aadObjectId: 'aad-sam', name: 'Sam Member' });
    expect(erased.nomination.history[0]?.submittedBy).toEqual({ aadObjectId: ERASED_ID, name: ERASED_NAME });
  });

  it('takes their id out of other text, and leaves an id that only begins with theirs', () => {
    const record = { note: 'linked by aad-pat', others: ['aad-pat-2'], key: 'people/aad-pat/checks', by: 'aad-patrick' };
    expect(withoutPerson(record, PAT)).toEqual({ note: `linked by ${ERASED_ID}`, others: ['aad-pat-2'], key: `people/${ERASED_ID}/checks`, by: 'aad-patrick' });
  });

  it('finds the records that name the person, and no others', () => {
    expect(mentionsPerson(attendance, PAT)).toBe(true);
    expect(mentionsPerson(attendance, { ids: ['aad-someone-else'], names: ['Someone Else'] })).toBe(false);
    expect(mentionsPerson({ actedBy: ['aad-pat'] }, PAT)).toBe(true);
  });

  it('leaves no trace of the person in any record, whatever its shape', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const record = { payload: value, by: { aadObjectId: 'aad-pat', name: 'Pat Head' }, actedBy: ['aad-pat'] };
        const erased = withoutPerson(record, PAT);
        expect(mentionsPerson(erased, PAT)).toBe(false);
      }),
    );
  });
});

describe('where a person appears in records of other shapes', () => {
  it('finds who a record names: as a person, as who linked a chat, as whom a form was sent to, as who approved a profile', () => {
    expect(peopleIn({ conversationId: '19:x', liaisonGroupId: 'lg-01', linkedBy: 'aad-pat', linkedAt: '2024-01-01T00:00:00.000Z' })).toEqual([{ aadObjectId: 'aad-pat' }]);
    expect(peopleIn({ schoolRequest: { confirmerAadObjectIds: ['aad-pat', 'aad-sam'] }, draft: { ownerAadObjectId: 'aad-leader' } }).map((person) => person.aadObjectId).sort()).toEqual([
      'aad-leader',
      'aad-pat',
      'aad-sam',
    ]);
    expect(peopleIn({ aadObjectId: 'aad-sam', name: 'Sam Staff', verification: { status: 'verified', by: 'aad-pat' } })).toEqual([{ aadObjectId: 'aad-sam', name: 'Sam Staff' }, { aadObjectId: 'aad-pat' }]);
  });

  it('takes them out of a conversation reference, a chat link, a form and a refresh list by any of their ids', () => {
    const reference = { reference: { user: { id: '29:pat-teams-id', name: 'Pat Head', aadObjectId: 'aad-pat' }, conversation: { id: '19:group' } }, kind: 'groupChat' };
    expect(withoutPerson(reference, PAT).reference.user).toEqual({ id: ERASED_ID, name: ERASED_NAME, aadObjectId: ERASED_ID });
    expect(withoutPerson({ linkedBy: 'aad-pat', liaisonGroupId: 'lg-01' }, PAT)).toEqual({ linkedBy: ERASED_ID, liaisonGroupId: 'lg-01' });
    expect(withoutPerson({ confirmerAadObjectIds: ['aad-pat', 'aad-sam'] }, PAT)).toEqual({ confirmerAadObjectIds: ['aad-sam'] });
    expect(withoutPerson({ actedBy: ['29:pat-teams-id', '29:sam'] }, PAT)).toEqual({ actedBy: ['29:sam'] });
    expect(withoutPerson({ confirmedByName: 'Pat Head (School Improvement Team, for the headteacher)' }, PAT)).toEqual({
      confirmedByName: `${ERASED_NAME} (School Improvement Team, for the headteacher)`,
    });
  });
});
