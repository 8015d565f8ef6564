import type { School } from '../../domain/directory/types.js';

/** What the eligibility journey needs from the school directory. */
export interface SchoolDirectory {
  getSchool(urn: string): Promise<School | undefined>;
  /** Schools whose name matches the query, best first, at most `limit`. */
  findSchools(query: string, limit: number): Promise<School[]>;
}
