import { keyOf, type AttendanceRecord } from '../domain/attendance/record.js';

/** Where attendance lines live: shared by the repository that writes them and the erasure that re-keys them. */
export const ATTENDANCE_RECORDS = 'attendance/records/';

/** The key of an attendance line, `attendance/records/<session>/<urn>/<attendee name slug>` (see attendanceKey). */
export const attendanceRecordKey = (record: AttendanceRecord): string => `${ATTENDANCE_RECORDS}${keyOf(record)}`;
