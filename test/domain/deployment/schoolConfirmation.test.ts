import { describe, expect, it } from 'vitest';
import { sentToSchool, unfinishedForSchool } from '../../../domain/deployment/confirmers.js';
import { setField } from '../../../domain/deployment/form.js';
import { answerAll, emptyDraft, readyDraft, SYSTEM_LEADER_ANSWERS } from './sampleDraft.js';

describe('sending the work reported to the school or trust', () => {
  it('waits until every section the school is shown is complete, saying what each still needs', () => {
    const draft = answerAll(emptyDraft(), SYSTEM_LEADER_ANSWERS.filter(([section, field]) => !(section === 3 && field === 'progressSoFar')));
    expect(unfinishedForSchool(draft)).toEqual([{ section: 3, needs: ['Progress so far'] }]);
    expect(unfinishedForSchool(answerAll(emptyDraft(), SYSTEM_LEADER_ANSWERS))).toEqual([]);
  });

  it('asks the school afresh, and records the day it went when the form is already signed', () => {
    const draft = readyDraft();
    const signed = setField({ ...draft, sections: { ...draft.sections, 8: {} } }, 8, 'signedBySystemLeaderAt', '2024-04-19');
    const sent = sentToSchool(signed, '2024-04-20');
    expect(sent.sections[7]).toEqual({});
    expect(sent.sections[8]).toEqual({ signedBySystemLeaderAt: '2024-04-19', sentToSchoolAt: '2024-04-20' });
    expect(sentToSchool({ ...draft, sections: { ...draft.sections, 8: {} } }, '2024-04-20').sections[8]).toEqual({});
  });
});
