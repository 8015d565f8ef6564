import type { School } from '../../../domain/directory/types.js';
import type { AttendanceRecord, AttendanceStatus } from '../../../domain/attendance/record.js';

export const HEAD = { aadObjectId: 'aad-head', name: 'Hana Head' };
export const SIT = { aadObjectId: 'aad-sit', name: 'Sam SIT' };

/** Just after Workshop Meeting 2 (11 February 2022, 11:00-13:00 GMT). */
export const AFTER_W2 = new Date('2022-02-11T15:00:00Z');

function school(urn: string, name: string, liaisonGroupId?: string): School {
  return { urn, name, type: 'Community school', phase: 'primary', localAuthority: 'Buckinghamshire', liaisonGroupId };
}

export const SCHOOLS: School[] = [
  school('100001', 'Amersham Primary', 'group-01'),
  school('100002', 'Beaconsfield High', 'group-01'),
  school('100003', 'Chesham Special', 'group-02'),
  school('100004', 'Denham Junior'),
];

export function record(sessionId: string, urn: string, status: AttendanceStatus, attendeeName = 'Jane Doe'): AttendanceRecord {
  return { sessionId, urn, attendeeName, attendeeRole: 'Pupil Premium Lead', status, loggedBy: HEAD, loggedAt: '2022-02-11T15:00:00.000Z' };
}
