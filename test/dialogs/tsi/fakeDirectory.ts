import type { School } from '../../../domain/directory/types.js';
import type { SchoolDirectory } from '../../../dialogs/tsi/index.js';

/** Fictional schools for the eligibility tests. */
export const SCHOOLS: readonly School[] = [
  {
    urn: '100001',
    name: 'Oakfield Primary School',
    type: 'Academy converter',
    phase: 'primary',
    localAuthority: 'Buckinghamshire',
    region: 'South East',
    trust: 'Chiltern Learning Trust',
    ofstedGrade: 'requires_improvement',
    ofstedDate: '2023-10-10',
  },
  {
    urn: '100002',
    name: 'Meadow Lane Academy',
    type: 'Academy sponsor led',
    phase: 'secondary',
    localAuthority: 'Leeds',
    region: 'Yorkshire and the Humber',
    ofstedGrade: 'good',
    ofstedDate: '2022-06-14',
  },
  {
    urn: '100003',
    name: 'Oakfield Church of England Junior School',
    type: 'Voluntary aided school',
    phase: 'primary',
    localAuthority: 'Leicestershire',
    region: 'East Midlands',
    ofstedGrade: 'inadequate',
    ofstedDate: '2023-11-20',
  },
  {
    urn: '100004',
    name: 'Riverside Special School',
    type: 'Community special school',
    phase: 'special',
    localAuthority: 'Cumbria',
  },
];

/** An in-memory directory: name search is a case-insensitive substring match, in list order. */
export function fakeDirectory(schools: readonly School[] = SCHOOLS): SchoolDirectory {
  return {
    async getSchool(urn) {
      return schools.find((school) => school.urn === urn);
    },
    async findSchools(query, limit) {
      const words = query.trim().toLowerCase();
      return schools.filter((school) => school.name.toLowerCase().includes(words)).slice(0, limit);
    },
  };
}
