import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Actor } from '../../../dialogs/actor.js';
import { ACTIONS, decide, type Action, type PolicyActor, type ResourceOf } from '../../../domain/access/policy.js';
import type { Profile } from '../../../domain/directory/types.js';

const updatedAt = '2024-01-15T09:00:00.000Z';
const schoolProfile = (aadObjectId: string, urn: string, role: 'headteacher' | 'staff', verified = true): Profile => ({
  kind: 'school',
  aadObjectId,
  name: 'A Person',
  urn,
  role,
  ...(verified ? { verification: { status: 'verified' as const, by: 'aad-sit', at: updatedAt } } : {}),
  updatedAt,
});
const leaderProfile = (aadObjectId: string): Profile => ({
  kind: 'system_leader',
  aadObjectId,
  name: 'A Leader',
  organisation: 'Fictional Example Trust (demo)',
  role: 'mat_ceo',
  updatedAt,
});

const inGroupChat = (actor: PolicyActor, liaisonGroupId?: string, kind: 'groupChat' | 'channel' = 'groupChat'): PolicyActor => ({
  ...actor,
  conversation: { kind, liaisonGroupId },
});

const sit: PolicyActor = { aadObjectId: 'aad-sit', isSitAdmin: true };
const head: PolicyActor = { aadObjectId: 'aad-head', isSitAdmin: false, profile: schoolProfile('aad-head', '900001', 'headteacher'), conversation: { kind: 'personal' } };
const staff: PolicyActor = { aadObjectId: 'aad-staff', isSitAdmin: false, profile: schoolProfile('aad-staff', '900001', 'staff') };
const otherHead: PolicyActor = { aadObjectId: 'aad-head-2', isSitAdmin: false, profile: schoolProfile('aad-head-2', '900002', 'headteacher') };
const leader: PolicyActor = { aadObjectId: 'aad-leader', isSitAdmin: false, profile: leaderProfile('aad-leader') };
const otherLeader: PolicyActor = { aadObjectId: 'aad-leader-2', isSitAdmin: false, profile: leaderProfile('aad-leader-2') };
const trustCeo: PolicyActor = { aadObjectId: 'aad-trust-ceo', isSitAdmin: false, profile: leaderProfile('aad-trust-ceo') };
const stranger: PolicyActor = { aadObjectId: 'aad-stranger', isSitAdmin: false };
// Said "I'm the head of 900001" (or "I work at 900001") and nobody has checked it yet.
const pendingHead: PolicyActor = { aadObjectId: 'aad-pending-head', isSitAdmin: false, profile: schoolProfile('aad-pending-head', '900001', 'headteacher', false) };
const pendingStaff: PolicyActor = { aadObjectId: 'aad-pending-staff', isSitAdmin: false, profile: schoolProfile('aad-pending-staff', '900001', 'staff', false) };
// A verified headteacher of a school in another liaison group.
const headElsewhere: PolicyActor = { aadObjectId: 'aad-head-9', isSitAdmin: false, profile: schoolProfile('aad-head-9', '900009', 'headteacher') };
// Saying so does not make anyone an administrator: only configuration sets isSitAdmin.
const claimsToBeSit: PolicyActor = { aadObjectId: 'aad-claims', isSitAdmin: false, profile: { ...schoolProfile('aad-claims', '900001', 'staff'), name: 'SIT administrator' } };

const ownSchool = { urn: '900001' };
const otherSchool = { urn: '900002' };
// Schools 900001 and 900002 are in lg-01; 900009 is in lg-02.
const lg01 = { liaisonGroupId: 'lg-01', schoolUrns: ['900001', '900002'] };
const lg02 = { liaisonGroupId: 'lg-02', schoolUrns: ['900009'] };
const lg01WithChat = { ...lg01, chatOfGroup: '19:the-groups-own-chat@thread.v2' };
const formForOwnSchool = { ownerAadObjectId: 'aad-leader', supportedSchoolUrn: '900001', confirmerAadObjectIds: ['aad-head'] };
const formNotSentYet = { ownerAadObjectId: 'aad-leader', supportedSchoolUrn: '900001' };
const formSentToAnotherHead = { ...formForOwnSchool, confirmerAadObjectIds: ['aad-head-earlier'] };
const formForTrust = { ownerAadObjectId: 'aad-leader', supportedTrustCeoAadObjectId: 'aad-trust-ceo', confirmerAadObjectIds: ['aad-trust-ceo'] };
const staffClaim = { urn: '900001', role: 'staff' as const };
const headClaim = { urn: '900001', role: 'headteacher' as const };
const nothing = {};

type Case = { [A in Action]: [rule: string, actor: PolicyActor, action: A, resource: ResourceOf[A], allowed: boolean] }[Action];

const CASES: Case[] = [
  // Open to everyone, everywhere.
  ['anyone may search the directory', stranger, 'directory.search', nothing, true],
  ['anyone may search the directory in a group chat', inGroupChat(stranger), 'directory.search', nothing, true],
  ['anyone may check eligibility', stranger, 'eligibility.check', nothing, true],
  ['a system leader may check eligibility', leader, 'eligibility.check', nothing, true],

  // A school's own records.
  ['a headteacher sees their own school', head, 'school.view', ownSchool, true],
  ['a headteacher does not see another school', head, 'school.view', otherSchool, false],
  ['staff see their own school', staff, 'school.view', ownSchool, true],
  ['staff do not see another school', staff, 'school.view', otherSchool, false],
  ['a headteacher logs their own school’s attendance', head, 'attendance.log', ownSchool, true],
  ['staff log their own school’s attendance', staff, 'attendance.log', ownSchool, true],
  ['a headteacher does not log another school’s attendance', head, 'attendance.log', otherSchool, false],
  ['a headteacher exports their own school’s record', head, 'school.export', ownSchool, true],
  ['a headteacher does not export another school’s record', head, 'school.export', otherSchool, false],
  ['staff fill in their own school’s self-evaluation', staff, 'selfEvaluation.edit', ownSchool, true],
  ['a headteacher does not see another school’s self-evaluation', head, 'selfEvaluation.view', otherSchool, false],
  ['someone the bot does not know sees no school', stranger, 'school.view', ownSchool, false],
  ['a system leader sees no school’s record', leader, 'school.view', ownSchool, false],
  ['a school’s record is not shown in a group chat, even to its headteacher', inGroupChat(head, 'lg-01'), 'school.view', ownSchool, false],
  ['attendance is not logged in a channel', inGroupChat(staff, 'lg-01', 'channel'), 'attendance.log', ownSchool, false],

  // What commits the school: the headteacher only.
  ['a headteacher confirms their school’s champion commitments', head, 'commitments.confirm', ownSchool, true],
  ['staff do not confirm the commitments', staff, 'commitments.confirm', ownSchool, false],
  ['a headteacher does not confirm another school’s commitments', otherHead, 'commitments.confirm', ownSchool, false],
  ['the SIT does not confirm a school’s commitments', sit, 'commitments.confirm', ownSchool, false],

  // SIT administrators see everything.
  ['the SIT sees any school', sit, 'school.view', otherSchool, true],
  ['the SIT exports any school’s record', sit, 'school.export', otherSchool, true],
  ['the SIT logs any school’s attendance', sit, 'attendance.log', otherSchool, true],
  ['the SIT sees any school’s self-evaluation', sit, 'selfEvaluation.view', otherSchool, true],
  ['the SIT does not fill in a school’s self-evaluation', sit, 'selfEvaluation.edit', otherSchool, false],
  ['the SIT reviews any school’s self-evaluation', sit, 'selfEvaluation.review', otherSchool, true],
  ['a headteacher fills in their own school’s self-evaluation', head, 'selfEvaluation.edit', ownSchool, true],
  ['a headteacher does not fill in another school’s self-evaluation', head, 'selfEvaluation.edit', otherSchool, false],
  ['staff do not see another school’s self-evaluation', staff, 'selfEvaluation.view', otherSchool, false],
  ['a headteacher does not review their own school’s self-evaluation', head, 'selfEvaluation.review', ownSchool, false],
  ['a headteacher does not review another school’s self-evaluation', otherHead, 'selfEvaluation.review', ownSchool, false],
  ['a system leader does not see a school’s self-evaluation', leader, 'selfEvaluation.view', ownSchool, false],
  ['a system leader does not review a school’s self-evaluation', leader, 'selfEvaluation.review', ownSchool, false],
  ['a self-evaluation is not shown in a group chat, even to its headteacher', inGroupChat(head, 'lg-01'), 'selfEvaluation.view', ownSchool, false],
  ['a system leader the school invited reviews its self-evaluation', leader, 'selfEvaluation.review', { ...ownSchool, advisers: ['aad-leader'] }, true],
  ['a system leader reviews only the schools that invited them', leader, 'selfEvaluation.review', { ...otherSchool, advisers: ['aad-other-leader'] }, false],
  ['an invited system leader does not review in a group chat', inGroupChat(leader, 'lg-01'), 'selfEvaluation.review', { ...ownSchool, advisers: ['aad-leader'] }, false],
  ['a headteacher named among the advisers is still not one', head, 'selfEvaluation.review', { ...ownSchool, advisers: ['aad-head'] }, false],
  ['a headteacher invites an adviser for their own school', head, 'selfEvaluation.invite', ownSchool, true],
  ['a headteacher does not invite an adviser for another school', head, 'selfEvaluation.invite', otherSchool, false],
  ['staff do not invite an adviser', staff, 'selfEvaluation.invite', ownSchool, false],
  ['the SIT does not invite an adviser for a school', sit, 'selfEvaluation.invite', ownSchool, false],
  ['a system leader does not invite themselves', leader, 'selfEvaluation.invite', ownSchool, false],
  ['the SIT sees self-evaluations across schools and sets review visits', sit, 'selfEvaluation.overview', {}, true],
  ['a headteacher does not see self-evaluations across schools', head, 'selfEvaluation.overview', {}, false],
  ['a system leader does not see self-evaluations across schools', leader, 'selfEvaluation.overview', {}, false],
  ['the SIT does not review a self-evaluation in a group chat', inGroupChat(sit, 'lg-01'), 'selfEvaluation.review', ownSchool, false],
  ['the SIT sees any deployment form', sit, 'deployment.view', formForOwnSchool, true],
  ['the SIT exports any deployment form', sit, 'deployment.export', formForOwnSchool, true],
  ['the SIT does not fill in a system leader’s form', sit, 'deployment.edit', formForOwnSchool, false],
  ['the SIT does not submit a system leader’s form', sit, 'deployment.submit', formForOwnSchool, false],
  ['the SIT sees any group’s nomination in a personal chat', sit, 'nomination.view', lg02, true],
  ['the SIT does not make a group’s nomination outside its chat', sit, 'nomination.edit', lg02, false],

  // What only the SIT does.
  ['the SIT selects champions', sit, 'nomination.select', lg01, true],
  ['a headteacher does not select champions', head, 'nomination.select', lg01, false],
  ['a liaison group’s chat does not select its own champion', inGroupChat(head, 'lg-01'), 'nomination.select', lg01, false],
  ['the SIT reviews every group’s nomination', sit, 'nomination.review', nothing, true],
  ['a headteacher does not review every nomination', head, 'nomination.review', nothing, false],
  ['the SIT keeps the session calendar', sit, 'calendar.edit', nothing, true],
  ['a headteacher does not edit the calendar', head, 'calendar.edit', nothing, false],
  ['someone calling themselves a SIT administrator does not edit the calendar', claimsToBeSit, 'calendar.edit', nothing, false],
  ['the SIT keeps the register', sit, 'attendance.register', nothing, true],
  ['staff do not keep the register', staff, 'attendance.register', nothing, false],
  ['the SIT exports across schools', sit, 'export.acrossSchools', nothing, true],
  ['a headteacher does not export across schools', head, 'export.acrossSchools', nothing, false],
  ['a system leader does not export across schools', leader, 'export.acrossSchools', nothing, false],
  ['the SIT renames a liaison group', sit, 'liaisonGroup.rename', lg01, true],
  ['a liaison group’s chat does not rename its group', inGroupChat(head, 'lg-01'), 'liaisonGroup.rename', lg01, false],
  ['the SIT places schools in liaison groups', sit, 'liaisonGroup.membership', nothing, true],
  ['a headteacher does not move their school to another group', head, 'liaisonGroup.membership', nothing, false],
  ['a headteacher signs their own school up to the universal offer', head, 'programme.signUp', ownSchool, true],
  ['staff do not sign the school up: that commits it', staff, 'programme.signUp', ownSchool, false],
  ['a headteacher does not sign another school up', head, 'programme.signUp', otherSchool, false],
  ['the SIT signs schools up from the survey', sit, 'programme.signUp', otherSchool, true],
  ['the SIT does not show programme-wide data in a group chat', inGroupChat(sit, 'lg-01'), 'export.acrossSchools', nothing, false],

  // A liaison group's chat acts for that group only.
  ['a group chat sees its own group’s nomination', inGroupChat(head, 'lg-01'), 'nomination.view', lg01, true],
  ['a group chat makes its own group’s nomination', inGroupChat(staff, 'lg-01'), 'nomination.edit', lg01, true],
  ['a channel submits its own group’s nomination', inGroupChat(otherHead, 'lg-01', 'channel'), 'nomination.submit', lg01, true],
  ['verified staff of a group school submit its nomination', inGroupChat(staff, 'lg-01'), 'nomination.submit', lg01, true],
  ['someone with no profile in the group’s chat does not make its nomination', inGroupChat(stranger, 'lg-01'), 'nomination.edit', lg01, false],
  ['someone with no profile in the group’s chat sees its nomination', inGroupChat(stranger, 'lg-01'), 'nomination.view', lg01, true],
  ['a pending headteacher of a group school does not make its nomination', inGroupChat(pendingHead, 'lg-01'), 'nomination.edit', lg01, false],
  ['a pending headteacher of a group school does not submit its nomination', inGroupChat(pendingHead, 'lg-01'), 'nomination.submit', lg01, false],
  ['a verified head of a school in another group does not make this group’s nomination', inGroupChat(headElsewhere, 'lg-01'), 'nomination.edit', lg01, false],
  ['a verified head of a school in another group does not submit it', inGroupChat(headElsewhere, 'lg-01'), 'nomination.submit', lg01, false],
  ['the SIT does not make a group’s nomination in its chat', inGroupChat(sit, 'lg-01'), 'nomination.edit', lg01, false],
  ['a group chat does not see another group’s nomination', inGroupChat(head, 'lg-01'), 'nomination.view', lg02, false],
  ['a group chat does not submit for another group', inGroupChat(head, 'lg-01'), 'nomination.submit', lg02, false],
  ['a chat not yet linked makes no nomination', inGroupChat(head), 'nomination.edit', lg01, false],
  ['a headteacher does not make the nomination in a personal chat', head, 'nomination.edit', lg01, false],
  ['a headteacher does not see the nomination in a personal chat', head, 'nomination.view', lg01, false],

  // System leaders and their deployment forms.
  ['a system leader starts a deployment form', leader, 'deployment.create', nothing, true],
  ['a headteacher does not start a deployment form', head, 'deployment.create', nothing, false],
  ['the SIT does not start a deployment form', sit, 'deployment.create', nothing, false],
  ['a deployment form is not drafted in a group chat', inGroupChat(leader, 'lg-01'), 'deployment.create', nothing, false],
  ['a system leader sees their own form', leader, 'deployment.view', formForOwnSchool, true],
  ['a system leader fills in their own form', leader, 'deployment.edit', formForOwnSchool, true],
  ['a system leader submits their own form', leader, 'deployment.submit', formForOwnSchool, true],
  ['a system leader exports their own form', leader, 'deployment.export', formForOwnSchool, true],
  ['a system leader does not see another system leader’s form', otherLeader, 'deployment.view', formForOwnSchool, false],
  ['a system leader does not fill in another’s form', otherLeader, 'deployment.edit', formForOwnSchool, false],
  ['a system leader does not export another’s form', otherLeader, 'deployment.export', formForOwnSchool, false],
  ['the supported school’s headteacher does not export the form', head, 'deployment.export', formForOwnSchool, false],
  ['a system leader does not confirm section 7 of their own form', leader, 'deployment.confirmSection7', formForOwnSchool, false],

  // Verified roles: a pending claim checks eligibility and logs attendance, and nothing more.
  ['a pending headteacher checks eligibility', pendingHead, 'eligibility.check', nothing, true],
  ['a pending headteacher logs their school’s attendance', pendingHead, 'attendance.log', ownSchool, true],
  ['pending staff log their school’s attendance', pendingStaff, 'attendance.log', ownSchool, true],
  ['a pending headteacher does not see the school’s record', pendingHead, 'school.view', ownSchool, false],
  ['a pending headteacher does not export the school’s record', pendingHead, 'school.export', ownSchool, false],
  ['pending staff do not fill in the self-evaluation', pendingStaff, 'selfEvaluation.edit', ownSchool, false],
  ['a pending headteacher does not see the self-evaluation', pendingHead, 'selfEvaluation.view', ownSchool, false],
  ['a pending headteacher does not confirm the champion commitments', pendingHead, 'commitments.confirm', ownSchool, false],
  ['a pending headteacher does not see the school’s deployment form', pendingHead, 'deployment.view', formForOwnSchool, false],
  ['a pending headteacher does not confirm section 7', pendingHead, 'deployment.confirmSection7', { ...formForOwnSchool, confirmerAadObjectIds: ['aad-pending-head'] }, false],

  // Who verifies a claim.
  ['the SIT approves a headteacher’s claim', sit, 'profile.review', headClaim, true],
  ['the SIT approves a staff claim', sit, 'profile.review', staffClaim, true],
  ['a verified headteacher approves their own school’s staff', head, 'profile.review', staffClaim, true],
  ['a verified headteacher does not approve another headteacher', head, 'profile.review', headClaim, false],
  ['a verified headteacher does not approve another school’s staff', otherHead, 'profile.review', staffClaim, false],
  ['a pending headteacher does not approve their school’s staff', pendingHead, 'profile.review', staffClaim, false],
  ['verified staff do not approve staff', staff, 'profile.review', staffClaim, false],
  ['claims are not reviewed in a group chat', inGroupChat(sit), 'profile.review', staffClaim, false],

  // Section 7: the supported school's headteacher or trust's CEO.
  ['the supported school’s headteacher sees the form', head, 'deployment.view', formForOwnSchool, true],
  ['the supported school’s headteacher confirms section 7', head, 'deployment.confirmSection7', formForOwnSchool, true],
  ['a headteacher it was not sent to does not confirm section 7', head, 'deployment.confirmSection7', formSentToAnotherHead, false],
  ['nobody confirms section 7 before it is sent', head, 'deployment.confirmSection7', formNotSentYet, false],
  ['the SIT confirms section 7 for the people it was sent to', sit, 'deployment.confirmSection7', formForOwnSchool, true],
  ['the SIT does not confirm section 7 before it is sent', sit, 'deployment.confirmSection7', formNotSentYet, false],
  ['the supported school’s staff do not confirm section 7', staff, 'deployment.confirmSection7', formForOwnSchool, false],
  ['the supported school’s staff do not see the form', staff, 'deployment.view', formForOwnSchool, false],
  ['the supported school’s headteacher does not fill in the form', head, 'deployment.edit', formForOwnSchool, false],
  ['another school’s headteacher does not confirm section 7', otherHead, 'deployment.confirmSection7', formForOwnSchool, false],
  ['the supported trust’s CEO confirms section 7', trustCeo, 'deployment.confirmSection7', formForTrust, true],
  ['the supported trust’s CEO sees the form', trustCeo, 'deployment.view', formForTrust, true],

  // Linking a chat to its liaison group.
  ['a headteacher links an unlinked group chat', inGroupChat(head), 'chatLink.set', lg01, true],
  ['staff link an unlinked channel', inGroupChat(staff, undefined, 'channel'), 'chatLink.set', lg01, true],
  ['the SIT links an unlinked chat', inGroupChat(sit), 'chatLink.set', lg01, true],
  ['linking a chat again to its own group changes nothing', inGroupChat(head, 'lg-01'), 'chatLink.set', lg01, true],
  ['someone the bot does not know does not link a chat', inGroupChat(stranger), 'chatLink.set', lg01, false],
  ['a verified head of a school in another group does not link a chat to this group', inGroupChat(headElsewhere), 'chatLink.set', lg01, false],
  ['a pending headteacher of a group school does not link a chat', inGroupChat(pendingHead), 'chatLink.set', lg01, false],
  ['a verified headteacher does not link a second chat to a group that has one', inGroupChat(head), 'chatLink.set', lg01WithChat, false],
  ['the SIT moves a group to another chat', inGroupChat(sit), 'chatLink.set', lg01WithChat, true],
  ['a system leader does not link a chat', inGroupChat(leader), 'chatLink.set', lg01, false],
  ['a personal chat is never linked', head, 'chatLink.set', lg01, false],
  ['a headteacher does not relink a linked chat', inGroupChat(head, 'lg-01'), 'chatLink.set', lg02, false],
  ['a headteacher does not change a chat’s link', inGroupChat(head, 'lg-01'), 'chatLink.change', lg02, false],
  ['the SIT changes a chat’s link', inGroupChat(sit, 'lg-01'), 'chatLink.change', lg02, true],
  ['the SIT relinks a linked chat', inGroupChat(sit, 'lg-01'), 'chatLink.set', lg02, true],
  ['a link is not changed from a personal chat', sit, 'chatLink.change', lg02, false],
  ['a system leader records the steps of their own deployment', leader, 'lifecycle.record', { ownerAadObjectId: 'aad-leader' }, true],
  ['a system leader records nothing on another system leader’s deployment', otherLeader, 'lifecycle.record', { ownerAadObjectId: 'aad-leader' }, false],
  ['the SIT does not record a system leader’s steps', sit, 'lifecycle.record', { ownerAadObjectId: 'aad-leader' }, false],
  ['a headteacher does not record a deployment’s steps', head, 'lifecycle.record', { ownerAadObjectId: 'aad-head' }, false],
  ['a deployment’s steps are not recorded in a group chat', inGroupChat(leader, 'lg-01'), 'lifecycle.record', { ownerAadObjectId: 'aad-leader' }, false],
  ['a system leader sees their own deployment', leader, 'lifecycle.view', { ownerAadObjectId: 'aad-leader' }, true],
  ['the SIT sees any deployment', sit, 'lifecycle.view', { ownerAadObjectId: 'aad-leader' }, true],
  ['a system leader does not see another’s deployment', otherLeader, 'lifecycle.view', { ownerAadObjectId: 'aad-leader' }, false],
  ['a headteacher does not see the system leader’s full record', head, 'lifecycle.view', { ownerAadObjectId: 'aad-leader' }, false],
  ['the supported school’s staff see its stage and dates', staff, 'lifecycle.schoolView', ownSchool, true],
  ['another school’s head does not see them', otherHead, 'lifecycle.schoolView', ownSchool, false],
  ['a pending claim does not see them', pendingHead, 'lifecycle.schoolView', ownSchool, false],
  ['the SIT sees every deployment in the council', sit, 'lifecycle.overview', nothing, true],
  ['a system leader does not see every deployment', leader, 'lifecycle.overview', nothing, false],
];

describe('who may do what', () => {
  it.each(CASES)('%s', (_rule, actor, action, resource, allowed) => {
    const decision = decide(actor, action, resource as never);
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) {
      expect(decision.reason.length).toBeGreaterThan(10);
      expect(decision.instead.length).toBeGreaterThan(10);
    }
  });

  it('has a case for every action', () => {
    const covered = new Set(CASES.map(([, , action]) => action));
    expect(ACTIONS.filter((action) => !covered.has(action))).toEqual([]);
  });

  it('allows and refuses each action for someone', () => {
    const outcomes = new Map<Action, Set<boolean>>();
    for (const [, , action, , allowed] of CASES) outcomes.set(action, (outcomes.get(action) ?? new Set()).add(allowed));
    const oneSided = ACTIONS.filter((action) => (outcomes.get(action)?.size ?? 0) < 2 && !['directory.search', 'eligibility.check'].includes(action));
    expect(oneSided).toEqual([]);
  });
});

describe('what a refusal says', () => {
  it.each([
    ['names the headteacher’s own school', decide(head, 'school.view', otherSchool), /your own school’s records \(URN 900001\).*URN 900002/, /your own school/],
    ['asks someone unknown who they are', decide(stranger, 'attendance.log', ownSchool), /do not know yet which school/, /name or URN/],
    ['sends staff to their headteacher', decide(staff, 'commitments.confirm', ownSchool), /Only your headteacher/, /Ask your headteacher/],
    ['sends a group chat to a personal chat for a school’s record', decide(inGroupChat(head, 'lg-01'), 'school.view', ownSchool), /personal chat/, /personal chat/],
    ['names the group a chat acts for', decide(inGroupChat(head, 'lg-01'), 'nomination.edit', lg02), /linked to liaison group lg-01.*not for lg-02/, /lg-01/],
    ['asks for an unlinked chat to be linked', decide(inGroupChat(head), 'nomination.view', lg01), /not linked/, /Link it first/],
    ['sends a headteacher to their group’s chat for the nomination', decide(head, 'nomination.edit', lg01), /group’s own chat/, /liaison group’s chat/],
    ['tells a system leader who confirms section 7', decide(leader, 'deployment.confirmSection7', formForOwnSchool), /supported school’s headteacher/, /Send the form to the school/],
    ['tells a headteacher who changes a chat’s link', decide(inGroupChat(head, 'lg-01'), 'chatLink.set', lg02), /already linked to liaison group lg-01/, /SIT administrator/],
    ['tells a pending headteacher their role is not verified yet', decide(pendingHead, 'school.view', ownSchool), /not verified yet/, /eligibility.*attendance/],
    ['tells someone from another group their school is not in it', decide(inGroupChat(headElsewhere, 'lg-01'), 'nomination.edit', lg01), /verified headteachers and staff of the group’s schools/, /not in this liaison group/],
    ['tells someone linking a second chat where the group’s chat is', decide(inGroupChat(head), 'chatLink.set', lg01WithChat), /already has its chat/, /existing chat.*SIT administrator/],
    ['tells a headteacher the form was sent to someone else', decide(head, 'deployment.confirmSection7', formSentToAnotherHead), /sent to someone else/, /send it again/],
    ['tells the SIT what it may do with a form instead', decide(sit, 'deployment.edit', formForOwnSchool), /Only the system leader/, /see and export/],
    ['says who keeps the calendar', decide(head, 'calendar.edit', nothing), /Only the School Improvement Team/, /session dates/],
  ])('%s', (_rule, decision, reason, instead) => {
    expect(decision.allowed).toBe(false);
    if (decision.allowed) return;
    expect(decision.reason).toMatch(reason);
    expect(decision.instead).toMatch(instead);
  });
});

it('takes the bot’s actor as it is', () => {
  expectTypeOf<Actor>().toExtend<PolicyActor>();
});
