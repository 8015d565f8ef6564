import { describe, expect, it } from 'vitest';
import { prefillDraft, type EligibilityFacts, type SchoolFacts } from '../../../domain/deployment/prefill.js';
import { answerAll, emptyDraft } from './sampleDraft.js';

const LEADER = { name: 'Jo Patel', role: 'mat_ceo', organisation: 'Oak Learning Trust', email: 'jo.patel@oaklearning.org.uk' } as const;
const MILLBROOK: SchoolFacts = { name: 'Millbrook Primary School', urn: '123456', phase: 'primary', localAuthority: 'Buckinghamshire', region: 'South East', trust: 'Chiltern Learning Trust' };
const CHECK: EligibilityFacts = { recipient: 'school', name: 'Millbrook Primary', urn: '123456', region: 'South East', status: 'eligible', criteria: ['C1', 'C2'] };

describe('prefillDraft: what the bot already knows is not asked', () => {
  it('fills the system leader’s own details from their profile', () => {
    const { draft, filled } = prefillDraft(emptyDraft(), { systemLeader: LEADER });
    expect(draft.sections[1]).toEqual({ systemLeaderName: 'Jo Patel', systemLeaderRole: 'mat_ceo', systemLeaderOrganisation: 'Oak Learning Trust', systemLeaderEmail: 'jo.patel@oaklearning.org.uk' });
    expect(filled).toEqual(['System leader name', 'System leader role', 'System leader organisation', 'System leader email']);
  });

  it('fills section 1 from the eligibility check and the directory, and why eligible with the first criterion met', () => {
    const { draft } = prefillDraft(emptyDraft(), { eligibility: CHECK, school: MILLBROOK });
    expect(draft.sections[1]).toMatchObject({
      recipientKind: 'school',
      recipientName: 'Millbrook Primary',
      urn: '123456',
      trust: 'Chiltern Learning Trust',
      phase: 'primary',
      localAuthority: 'Buckinghamshire',
      region: 'South East',
    });
    expect(draft.sections[2].whyEligible).toBe('C1');
  });

  it.each([
    ['by_exception', [], 'by_exception'],
    ['not_eligible', [], undefined],
    ['eligible', ['C3'], 'C3'],
  ] as const)('an outcome of %s with %o gives why eligible %s', (status, criteria, expected) => {
    const { draft } = prefillDraft(emptyDraft(), { eligibility: { ...CHECK, status, criteria } });
    expect(draft.sections[2].whyEligible).toBe(expected);
  });

  it('never overwrites an answer the system leader gave', () => {
    const answered = answerAll(emptyDraft(), [
      [1, 'recipientKind', 'school'],
      [1, 'recipientName', 'Millbrook'],
      [1, 'phase', 'secondary'],
    ]);
    const { draft, filled } = prefillDraft(answered, { school: MILLBROOK });
    expect(draft.sections[1].recipientName).toBe('Millbrook');
    expect(draft.sections[1].phase).toBe('secondary');
    expect(filled).not.toContain('Phase');
  });

  it('fills nothing that does not apply: a trust has no URN or phase', () => {
    const { draft } = prefillDraft(emptyDraft(), { eligibility: { ...CHECK, recipient: 'trust', name: 'Chiltern Learning Trust' }, school: MILLBROOK });
    expect(draft.sections[1].recipientKind).toBe('trust');
    expect(draft.sections[1].urn).toBeUndefined();
    expect(draft.sections[1].phase).toBeUndefined();
  });

  it('skips a value the question would refuse', () => {
    const { draft } = prefillDraft(emptyDraft(), { school: { ...MILLBROOK, localAuthority: '' } });
    expect(draft.sections[1].localAuthority).toBeUndefined();
    expect(draft.sections[1].phase).toBe('primary');
  });
});
