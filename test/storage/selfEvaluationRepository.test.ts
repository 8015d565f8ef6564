import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SHIPPED_QUESTIONS } from '../../domain/selfEvaluation/questions.js';
import { answerFrom, saveAnswer, type SelfEvaluation } from '../../domain/selfEvaluation/record.js';
import { ok } from '../../domain/result.js';
import { LowdbStore } from '../../storage/lowdbStore.js';
import { PersonIndex } from '../../storage/personIndex.js';
import { SelfEvaluationRepository } from '../../storage/selfEvaluationRepository.js';
import { withPosition } from '../../domain/selfEvaluation/record.js';
import { actionFrom, addAction } from '../../domain/selfEvaluation/actionPlan.js';
import { inviteAdviser } from '../../domain/selfEvaluation/advisers.js';
import { isConflict, type Store } from '../../storage/store.js';
import { TempDirs } from '../support/tempDir.js';

const dirs = new TempDirs();
afterAll(() => dirs.removeAll());

let store: LowdbStore;
beforeEach(async () => {
  store = new LowdbStore(await dirs.make('self-evaluation'));
});
afterEach(() => store.close());

const NOW = new Date('2026-10-05T09:00:00Z');

/** A store whose first `readers` reads all wait for each other, so both writers start from the same eTag. */
function inLockstep(inner: Store, readers: number): Store & { conflicts: number } {
  let waiting: (() => void)[] = [];
  let released = false;
  const wrapped = {
    conflicts: 0,
    async read<T>(key: string) {
      const value = await inner.read<T>(key);
      if (!released) {
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (waiting.length === readers) {
            released = true;
            waiting.forEach((release) => release());
            waiting = [];
          }
        });
      }
      return value;
    },
    async write<T>(key: string, value: T, condition: string | null) {
      try {
        return await inner.write(key, value, condition);
      } catch (error) {
        if (isConflict(error) && key.startsWith('selfEvaluations/')) wrapped.conflicts++;
        throw error;
      }
    },
    delete: (key: string, condition?: string) => inner.delete(key, condition),
    list: <T>(prefix: string) => inner.list<T>(prefix),
    close: () => inner.close(),
  };
  return wrapped;
}

function edit(keyIssue: number, who: string, words: string) {
  return (record: SelfEvaluation) => {
    const answer = answerFrom(SHIPPED_QUESTIONS, keyIssue, { step: 'developing', texts: { evidence: words } }, { aadObjectId: who, name: who }, NOW);
    if (!answer.ok) return answer;
    return ok(saveAnswer(record, keyIssue, answer.value, NOW).record);
  };
}

describe('SelfEvaluationRepository', () => {
  it('two colleagues saving different key issues at the same moment both keep their words', async () => {
    const racing = inLockstep(store, 2);
    const repository = new SelfEvaluationRepository(racing);
    const [first, second] = await Promise.all([
      repository.change('900001', edit(3, 'aad-head', 'Our SEF names the gap.')),
      repository.change('900001', edit(9, 'aad-staff', 'Staff briefing every Monday.')),
    ]);
    expect(first.ok && second.ok).toBe(true);
    // The race really happened: one write found the other's eTag and was applied again.
    expect(racing.conflicts).toBe(1);
    const saved = await new SelfEvaluationRepository(store).get('900001');
    expect(saved?.draft?.answers['3']?.texts.evidence).toBe('Our SEF names the gap.');
    expect(saved?.draft?.answers['9']?.texts.evidence).toBe('Staff briefing every Monday.');
    expect(saved?.draft?.answers['9']?.editedBy.aadObjectId).toBe('aad-staff');
  });

  it('a refused change saves nothing and says why', async () => {
    const repository = new SelfEvaluationRepository(store);
    const result = await repository.change('900001', () => ({ ok: false, errors: ['No.'] }));
    expect(result).toEqual({ ok: false, errors: ['No.'] });
    expect(await repository.get('900001')).toBeUndefined();
  });

  it('keeps each school apart, a URN with a slash included', async () => {
    const repository = new SelfEvaluationRepository(store);
    await repository.change('900001', edit(1, 'aad-head', 'One'));
    await repository.change('900/002', edit(1, 'aad-head-2', 'Two'));
    expect((await repository.get('900001'))?.draft?.answers['1']?.texts.evidence).toBe('One');
    expect((await repository.all()).map((record) => record.urn).sort()).toEqual(['900/002', '900001']);
  });

  it('lists the record for each person it names, so erasing their data takes their name and id out of it', async () => {
    const repository = new SelfEvaluationRepository(store);
    await repository.change('900001', edit(2, 'aad-staff', 'Words that stay'));
    await repository.change('900001', (record) => ok(withPosition(record, 'aad-staff', 2, NOW)));
    const people = new PersonIndex(store);
    expect((await people.countsOf('aad-staff')).selfEvaluation).toBe(1);
    await people.erase('aad-staff');
    const saved = await repository.get('900001');
    expect(JSON.stringify(saved)).not.toContain('aad-staff');
    expect(saved?.draft?.answers['2']?.texts.evidence).toBe('Words that stay');
  });

  it('erases an invited adviser and the person who added an action from the record, keeping the plan and the organisation', async () => {
    const repository = new SelfEvaluationRepository(store);
    const head = { aadObjectId: 'aad-head', name: 'Hana Head' };
    const action = actionFrom(SHIPPED_QUESTIONS, { keyAction: 'Brief governors', lead: 'AO', timeScale: 'Spring 2027' }, undefined, head, NOW);
    if (!action.ok) throw new Error('refused');
    await repository.change('900001', (record) => {
      const added = addAction(record, action.value);
      return added.ok ? inviteAdviser(added.value.record, { aadObjectId: 'aad-leader', name: 'Lee Leader', organisation: 'Chiltern Trust' }, head, NOW) : added;
    });
    const people = new PersonIndex(store);
    expect((await people.countsOf('aad-leader')).selfEvaluation).toBe(1);
    await people.erase('aad-leader');
    await people.erase('aad-head');
    const saved = await repository.get('900001');
    expect(JSON.stringify(saved)).not.toMatch(/aad-leader|Lee Leader|aad-head|Hana Head/);
    expect(saved?.actions?.[0]?.keyAction).toBe('Brief governors');
    expect(saved?.advisers?.[0]?.organisation).toBe('Chiltern Trust');
  });

  it('keeps each SIT administrator’s last look apart, lists it for them, and erasing them leaves no id of theirs', async () => {
    const repository = new SelfEvaluationRepository(store);
    await repository.noteLooked('aad-sit', '2026-10-05T09:00:00.000Z');
    await repository.noteLooked('aad-other-admin', '2026-10-06T09:00:00.000Z');
    await repository.noteLooked('aad-sit', '2026-10-07T09:00:00.000Z');
    expect(await repository.lastLooked('aad-sit')).toBe('2026-10-07T09:00:00.000Z');
    expect(await repository.lastLooked('aad-other-admin')).toBe('2026-10-06T09:00:00.000Z');
    expect(await repository.lastLooked('aad-head')).toBeUndefined();
    // Looks are not schools' records.
    expect(await repository.all()).toEqual([]);
    const people = new PersonIndex(store);
    expect(await people.countsOf('aad-sit')).toEqual({ selfEvaluationLook: 1 });
    await people.erase('aad-sit');
    expect(await repository.lastLooked('aad-sit')).toBeUndefined();
    expect(await repository.lastLooked('aad-other-admin')).toBe('2026-10-06T09:00:00.000Z');
  });
});
