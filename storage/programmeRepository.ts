import { DEFAULT_PROGRAMME, loadProgramme, type Programme } from '../domain/attendance/programme.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { AttendanceRepository } from './attendanceRepository.js';
import { ANY_ETAG, isConflict, updateRecord, type Store } from './store.js';

const KEY = 'programme/current';

/**
 * The session calendar: one record, `programme/current`. The shipped programme is stored the
 * first time anyone asks for it; from then on the SIT's edits change the stored one, each a
 * read-modify-write on its eTag, so two administrators editing at once never undo each other.
 */
export class ProgrammeRepository {
  /** The stored programme last validated, by its eTag: nearly every turn asks for it, and it seldom changes. */
  #validated: { readonly eTag: string; readonly programme: Programme } | undefined;

  constructor(
    private readonly store: Store,
    private readonly shipped: Programme = DEFAULT_PROGRAMME,
  ) {}

  async current(): Promise<Programme> {
    const stored = await this.store.read<unknown>(KEY);
    if (stored) {
      if (this.#validated?.eTag !== stored.eTag) this.#validated = { eTag: stored.eTag, programme: this.#valid(stored.value) };
      return this.#validated.programme;
    }
    try {
      await this.store.write(KEY, this.shipped, null);
      return this.shipped;
    } catch (error) {
      // Someone else stored it first: theirs is the programme now.
      if (!isConflict(error)) throw error;
      const winner = await this.store.read<unknown>(KEY);
      return winner ? this.#valid(winner.value) : this.shipped;
    }
  }

  /**
   * Applies an edit (a domain rule such as cancelSession) to the programme as it is now stored,
   * re-applying it if someone else saved in between. Nothing is saved if the rule refuses.
   */
  async change(edit: (programme: Programme) => Result<Programme>): Promise<Result<Programme>> {
    let refusal: string[] | undefined;
    const saved = await updateRecord<unknown>(this.store, KEY, (current) => {
      const result = edit(current === undefined ? this.shipped : this.#valid(current));
      refusal = result.ok ? undefined : result.errors;
      return result.ok ? result.value : undefined;
    });
    if (refusal) return fail(...refusal);
    return saved ? ok(this.#valid(saved.value)) : fail('The programme could not be saved. Please try again.');
  }

  /**
   * Makes `programme` the calendar every journey uses, without a release. A calendar for the
   * year already stored replaces it and keeps the attendance logged; one for another year
   * starts that year: the old year's attendance is archived first (AttendanceRepository.archiveYear).
   */
  async replace(programme: Programme, attendance: Pick<AttendanceRepository, 'archiveYear'>): Promise<{ readonly archived: number; readonly newYear: boolean }> {
    const previous = await this.current();
    const newYear = previous.year !== programme.year;
    const archived = newYear ? await attendance.archiveYear(previous.year) : 0;
    await this.store.write(KEY, programme, ANY_ETAG);
    return { archived, newYear };
  }

  #valid(value: unknown): Programme {
    const loaded = loadProgramme(value);
    // Only the rules above write this record; a broken one was edited by hand and must be fixed, not guessed at.
    if (!loaded.ok) throw new Error(`The stored programme (${KEY}) is not valid: ${loaded.errors.join(' ')}`);
    return loaded.value;
  }
}
