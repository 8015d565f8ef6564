import { addSession } from '../domain/attendance/calendar.js';
import { DEFAULT_PROGRAMME, type Programme } from '../domain/attendance/programme.js';

/** The six universal sessions and six termly network groups: twelve meetings, as the attendance benchmarks log them. */
export function twelveSessions(): Programme {
  let programme = DEFAULT_PROGRAMME;
  const dates = ['2021-10-13', '2022-01-12', '2022-03-02', '2022-05-04', '2022-06-22', '2022-07-06'];
  dates.forEach((date, index) => {
    const added = addSession(programme, { id: `N${index + 1}`, kind: 'network', title: `Network Group ${index + 1}`, date, start: '15:30', end: '17:00' });
    if (!added.ok) throw new Error(added.errors.join(' '));
    programme = added.value;
  });
  return programme;
}
