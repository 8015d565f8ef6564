import { championUrns } from '../../domain/attendance/audience.js';
import { meetingsInOrder, type Programme } from '../../domain/attendance/programme.js';
import type { AttendanceRecord, TaskSubmission } from '../../domain/attendance/record.js';
import { schoolAttendanceSummary, type SchoolAttendanceSummary } from '../../domain/attendance/summary.js';
import type { LiaisonGroup, School } from '../../domain/directory/types.js';
import { AttendanceRepository } from '../../storage/attendanceRepository.js';
import type { DirectoryRepository } from '../../storage/directoryRepository.js';
import { NominationRepository } from '../../storage/nominationRepository.js';
import { ProgrammeRepository } from '../../storage/programmeRepository.js';
import { SignUpRepository } from '../../storage/signUpRepository.js';
import type { Store } from '../../storage/store.js';
import { attendanceExportFiles } from '../exportFiles.js';
import type { ExportFile } from '../ports.js';

/** What the directory must answer for attendance: schools, and the liaison groups that make up the programme. */
export type AttendanceDirectory = Pick<DirectoryRepository, 'getSchool' | 'liaisonGroups' | 'schoolsInLiaisonGroup' | 'schoolsWithUrns' | 'refreshIfStale'>;

/** A school's programme record: what the chat's "my record" card and the tab's school view both show. */
export interface SchoolRecord {
  readonly programme: Programme;
  readonly records: readonly AttendanceRecord[];
  readonly taskSubmissions: readonly TaskSubmission[];
  readonly isChampion: boolean;
  readonly summary: SchoolAttendanceSummary;
}

/** Everything a register across schools is made of (the SIT's summary, matrix and export). */
export interface AcrossSchools {
  readonly programme: Programme;
  readonly groups: readonly LiaisonGroup[];
  readonly signedUp: readonly School[];
  readonly records: readonly AttendanceRecord[];
  readonly submissions: readonly TaskSubmission[];
}

/** The questions the attendance journey answers from stored data, asked alike by its dialogs and by the tab. */
export interface AttendanceQueries {
  /** The schools signed up to the universal offer (see domain/attendance/signUp.ts), by name: only they are counted. */
  signedUpSchools(): Promise<School[]>;
  /** Champion schools, from the groups' nominations the SIT has decided. */
  championUrns(): Promise<Set<string>>;
  schoolRecord(urn: string, now: Date): Promise<SchoolRecord>;
  acrossSchools(): Promise<AcrossSchools>;
  /** The SIT's export (a workbook and a CSV) and what it was made from. */
  exportFiles(now: Date): Promise<{ readonly files: ExportFile[]; readonly across: AcrossSchools }>;
}

export function createAttendanceQueries(store: Store, directory: AttendanceDirectory): AttendanceQueries {
  const programmes = new ProgrammeRepository(store);
  const attendance = new AttendanceRepository(store);
  const nominations = new NominationRepository(store);
  const signUps = new SignUpRepository(store);
  const queries: AttendanceQueries = {
    async signedUpSchools() {
      await directory.refreshIfStale();
      return directory.schoolsWithUrns(await signUps.signedUpUrns());
    },
    async championUrns() {
      return championUrns(await nominations.all());
    },
    async schoolRecord(urn, now) {
      const programme = await programmes.current();
      const taskIds = programme.sessions.filter((session) => session.kind === 'task').map((session) => session.id);
      const [records, taskSubmissions, champions] = await Promise.all([
        attendance.forSchool(urn, meetingsInOrder(programme).map((meeting) => meeting.id)),
        attendance.taskSubmissionsOf(urn, taskIds),
        queries.championUrns(),
      ]);
      const isChampion = champions.has(urn);
      return { programme, records, taskSubmissions, isChampion, summary: schoolAttendanceSummary(urn, records, programme, { isChampion, now, taskSubmissions }) };
    },
    async acrossSchools() {
      const [programme, groups, signedUp, records, submissions] = await Promise.all([
        programmes.current(),
        directory.liaisonGroups(),
        queries.signedUpSchools(),
        attendance.all(),
        attendance.allTaskSubmissions(),
      ]);
      return { programme, groups, signedUp, records, submissions };
    },
    async exportFiles(now) {
      const across = await queries.acrossSchools();
      return { files: await attendanceExportFiles({ ...across, now, getSchool: (urn) => directory.getSchool(urn) }), across };
    },
  };
  return queries;
}
