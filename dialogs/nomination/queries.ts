import type { LiaisonGroup, School } from '../../domain/directory/types.js';
import type { CommitmentsConfirmation } from '../../domain/nomination/commitmentsConfirmation.js';
import { nominationCoverage, type NominationCoverage } from '../../domain/nomination/coverage.js';
import { CHOICES, type Nomination } from '../../domain/nomination/nomination.js';
import type { NominationRecord, NominationRepository } from '../../storage/nominationRepository.js';
import { nominationExportFiles } from '../exportFiles.js';
import type { ExportFile } from '../ports.js';
import type { DirectoryRepository } from '../../storage/directoryRepository.js';

/** What the nomination journey needs from the school directory. */
export type NominationDirectory = Pick<DirectoryRepository, 'getSchool' | 'schoolsInLiaisonGroup' | 'liaisonGroups' | 'liaisonGroup' | 'groupOfConversation'>;

/** URNs a nomination names, now and in its history. */
function urnsNamed(nomination: Nomination | undefined): string[] {
  if (!nomination) return [];
  const choices = [nomination, ...nomination.history].flatMap((entry) => CHOICES.map((choice) => entry[choice].urn));
  return choices.filter((urn): urn is string => urn !== undefined);
}

/** Every school the nominations name, looked up in the directory. */
export async function schoolsNamedBy(directory: NominationDirectory, nominations: readonly (Nomination | undefined)[], known: readonly School[] = []): Promise<Map<string, School>> {
  const schoolsByUrn = new Map(known.map((school) => [school.urn, school]));
  const missing = [...new Set(nominations.flatMap(urnsNamed))].filter((urn) => !schoolsByUrn.has(urn));
  const found = await Promise.all(missing.map((urn) => directory.getSchool(urn)));
  for (const school of found) if (school) schoolsByUrn.set(school.urn, school);
  return schoolsByUrn;
}

/** Every group's nomination, with every school they name and the coverage of the groups. */
export interface NominationOverview {
  readonly records: readonly NominationRecord[];
  readonly groups: readonly LiaisonGroup[];
  readonly nominations: readonly Nomination[];
  readonly schoolsByUrn: Map<string, School>;
  readonly coverage: NominationCoverage;
}

/** One group's nomination (if started) and every school it names, now and in its history. */
export interface GroupNomination {
  readonly group: LiaisonGroup;
  readonly record: NominationRecord | undefined;
  readonly schoolsByUrn: Map<string, School>;
}

/** The questions the nomination journey answers from stored data, asked alike by its dialogs and by the tab. */
export interface NominationQueries {
  overview(): Promise<NominationOverview>;
  /** Undefined when the directory has no such group. */
  ofGroup(groupId: string): Promise<GroupNomination | undefined>;
  /** Every group's nomination as it stands. */
  nominations(): Promise<Nomination[]>;
  commitmentsOf(urn: string): Promise<CommitmentsConfirmation | undefined>;
  /** The SIT's export (a workbook and a CSV) and the overview it was made from. */
  exportFiles(now: Date): Promise<{ readonly files: ExportFile[]; readonly overview: NominationOverview }>;
}

export function createNominationQueries(repository: NominationRepository, directory: NominationDirectory): NominationQueries {
  const queries: NominationQueries = {
    async overview() {
      const [records, groups] = await Promise.all([repository.all(), directory.liaisonGroups()]);
      const nominations = records.map((record) => record.nomination);
      const schoolsByUrn = await schoolsNamedBy(directory, nominations);
      return { records, groups, nominations, schoolsByUrn, coverage: nominationCoverage(nominations, groups, schoolsByUrn) };
    },
    async ofGroup(groupId) {
      const [group, record] = await Promise.all([directory.liaisonGroup(groupId), repository.get(groupId)]);
      if (!group) return undefined;
      return { group, record, schoolsByUrn: await schoolsNamedBy(directory, [record?.nomination]) };
    },
    async nominations() {
      return (await repository.all()).map((record) => record.nomination);
    },
    commitmentsOf: (urn) => repository.commitmentsOf(urn),
    async exportFiles(now) {
      const [overview, confirmations] = await Promise.all([queries.overview(), repository.allCommitments()]);
      const { nominations, groups, schoolsByUrn } = overview;
      return { files: await nominationExportFiles({ nominations, groups, schoolsByUrn, confirmations, now }), overview };
    },
  };
  return queries;
}
