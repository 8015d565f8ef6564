import { fail, ok, type Result } from '../domain/result.js';
import { newSelfEvaluation, type SelfEvaluation } from '../domain/selfEvaluation/record.js';
import { PersonIndex } from './personIndex.js';
import { isConflict, updateRecord, type Store, type UpdateOptions } from './store.js';

const SELF_EVALUATIONS = 'selfEvaluations/';
/** One record for every SIT administrator's last look across schools: a list, so erasing one takes their id out without a key that names them. */
const LOOKS = 'selfEvaluationLooks';

interface Looks {
  readonly looks: readonly { readonly aadObjectId: string; readonly at: string }[];
}
const key = (urn: string) => `${SELF_EVALUATIONS}${encodeURIComponent(urn)}`;

const TOO_BUSY = 'Several people were saving at the same moment and your change could not be saved. Nothing was lost: please press the button again.';

/**
 * One record per school (`selfEvaluations/<urn>`): its draft and its snapshots. Colleagues write
 * at once, so every change is a read-modify-write with the record's eTag, re-applied to a fresh
 * read when someone else wrote first; a change to one key issue therefore never undoes another's.
 */
export class SelfEvaluationRepository {
  constructor(
    private readonly store: Store,
    private readonly options: UpdateOptions = {},
  ) {}

  async get(urn: string): Promise<SelfEvaluation | undefined> {
    return (await this.store.read<SelfEvaluation>(key(urn)))?.value;
  }

  async all(): Promise<SelfEvaluation[]> {
    return (await this.store.list<SelfEvaluation>(SELF_EVALUATIONS)).map((record) => record.value);
  }

  /**
   * Applies `change` to the school's record (a new one when there is none) and saves it. `change`
   * must depend only on the record it is given; returning the record unchanged writes nothing.
   * A refused change saves nothing and returns its reasons.
   */
  async change(urn: string, change: (record: SelfEvaluation) => Result<SelfEvaluation>): Promise<Result<SelfEvaluation>> {
    let refusal: string[] | undefined;
    let unchanged: SelfEvaluation | undefined;
    try {
      const saved = await updateRecord<SelfEvaluation>(
        this.store,
        key(urn),
        (current) => {
          refusal = undefined;
          unchanged = undefined;
          const record = current ?? newSelfEvaluation(urn);
          const result = change(record);
          if (!result.ok) {
            refusal = result.errors;
            return undefined;
          }
          if (current !== undefined && result.value === current) {
            unchanged = current;
            return undefined;
          }
          return result.value;
        },
        this.options,
      );
      if (refusal) return fail(...refusal);
      // "What do you hold about me" and "delete my data" find the record through the index.
      if (saved && !unchanged) await new PersonIndex(this.store).noteRecord(saved.key, saved.value);
      const value = unchanged ?? saved?.value;
      return value ? ok(value) : fail('Nothing was saved.');
    } catch (error) {
      if (isConflict(error)) return fail(TOO_BUSY);
      throw error;
    }
  }

  /** When this person last saw the self-evaluations across schools, if ever. */
  async lastLooked(aadObjectId: string): Promise<string | undefined> {
    return (await this.store.read<Looks>(LOOKS))?.value.looks.find((look) => look.aadObjectId === aadObjectId)?.at;
  }

  /** Notes that this person saw the self-evaluations across schools at `at`; returns when they last had before, if ever. */
  async noteLooked(aadObjectId: string, at: string): Promise<string | undefined> {
    let before: string | undefined;
    const saved = await updateRecord<Looks>(
      this.store,
      LOOKS,
      (current) => {
        before = current?.looks.find((look) => look.aadObjectId === aadObjectId)?.at;
        return { looks: [...(current?.looks ?? []).filter((look) => look.aadObjectId !== aadObjectId), { aadObjectId, at }] };
      },
      this.options,
    );
    // The person index needs telling once: their later looks are in the same record.
    if (saved && before === undefined) await new PersonIndex(this.store).note(aadObjectId, [saved.key]);
    return before;
  }
}
