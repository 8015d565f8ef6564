import type { Profile, Urn } from '../directory/types.js';
import { isVerified, isVerifiedMemberOf } from '../directory/verification.js';

/**
 * Who may do what: the one question every journey asks before it shows or changes anything.
 *
 * - A claim to be a school's headteacher or staff is pending until verified
 *   (domain/directory/verification.ts). A pending person may check eligibility and log their
 *   own school's attendance (marked as not yet verified for the SIT); every other power over a
 *   school or a liaison group needs a verified role. (The council's own rule.)
 * - Headteachers and staff see and change their own school's records only. Staff do all a
 *   headteacher does for the school except what commits the school: confirming the champion
 *   commitments, and seeing and confirming section 7 of a deployment form for the school.
 * - A liaison group's chat (a group chat or channel linked to the group) acts for that group
 *   only: its nomination is seen there by anyone in it, and made and submitted there by the
 *   verified members of the group's schools; nowhere else but by the SIT. A group has one chat:
 *   a verified member of one of its schools links it, and only the SIT links another chat in
 *   its place (or changes a chat's group).
 * - Section 7 of a deployment form is confirmed by the people it was sent to, or by a SIT
 *   administrator acting for them (recorded as such).
 * - A system leader sees and changes their own deployment forms only.
 * - A deployment's lifecycle (engagement, days, checklists, enhanced strand) is recorded by its
 *   system leader only and seen by them and the SIT; the supported school's staff see its stage
 *   and the dates agreed; the SIT sees every deployment in the council.
 * - School Improvement Team (SIT) administrators, named in configuration and never by what a
 *   user says, see everything, and they alone select champions, keep the session calendar and
 *   the register, export across schools, rename liaison groups, place schools in them, sign
 *   schools up to the universal offer in bulk, and change a chat's link once set, and they verify
 *   claims to a school role. They do not act in someone else's name (but for section 7, see
 *   above): they do not confirm a school's commitments, fill in a system leader's form, or make a
 *   group's nomination.
 * - Anything about one school, a deployment form or the whole programme happens in a personal
 *   chat, whoever asks, because everything the bot says in a group chat is seen by all in it.
 * Checking eligibility and searching the directory (public information) are open to everyone.
 *
 * A refusal says why, and what the person may do instead.
 */
export const ACTIONS = [
  'directory.search',
  'eligibility.check',
  'school.view',
  'school.export',
  'selfEvaluation.view',
  'selfEvaluation.edit',
  'selfEvaluation.review',
  'selfEvaluation.invite',
  'selfEvaluation.overview',
  'attendance.log',
  'attendance.register',
  'calendar.edit',
  'commitments.confirm',
  'nomination.view',
  'nomination.edit',
  'nomination.submit',
  'nomination.review',
  'nomination.select',
  'export.acrossSchools',
  'deployment.create',
  'deployment.view',
  'deployment.edit',
  'deployment.submit',
  'deployment.export',
  'deployment.confirmSection7',
  'chatLink.set',
  'chatLink.change',
  'liaisonGroup.rename',
  'profile.review',
  'liaisonGroup.membership',
  'programme.signUp',
  'lifecycle.record',
  'lifecycle.view',
  'lifecycle.schoolView',
  'lifecycle.overview',
] as const;
export type Action = (typeof ACTIONS)[number];

/** For actions about nothing in particular (or the whole programme). */
export type NoResource = Record<string, never>;
export interface SchoolResource {
  readonly urn: Urn;
}
/** A school's self-evaluation, with the system leaders the school has invited as its advisers. */
export interface AdvisedSchoolResource extends SchoolResource {
  /** AAD object ids of the invited advisers. */
  readonly advisers?: readonly string[] | undefined;
}
export interface LiaisonGroupResource {
  readonly liaisonGroupId: string;
}
/** A liaison group with the schools in it: what acting for the group is checked against. */
export interface GroupMembersResource extends LiaisonGroupResource {
  readonly schoolUrns: readonly Urn[];
}
/** A group about to be linked to the chat the actor is in. */
export interface ChatLinkResource extends GroupMembersResource {
  /** The chat the group is linked to already, if any. */
  readonly chatOfGroup?: string | undefined;
}
/** A claim to a role at a school, waiting to be approved or rejected. */
export interface ProfileClaimResource extends SchoolResource {
  readonly role: 'headteacher' | 'staff';
}
export interface DeploymentFormResource {
  /** The system leader who drafts the form. */
  readonly ownerAadObjectId: string;
  /** The school supported, when the support is for a school. */
  readonly supportedSchoolUrn?: Urn | undefined;
  /** The CEO of the trust supported, when the support is for a trust: they confirm section 7. */
  readonly supportedTrustCeoAadObjectId?: string | undefined;
  /** Whom section 7 was sent to (their AAD object ids), once it has been sent. */
  readonly confirmerAadObjectIds?: readonly string[] | undefined;
}

export interface ResourceOf {
  'directory.search': NoResource;
  'eligibility.check': NoResource;
  'school.view': SchoolResource;
  'school.export': SchoolResource;
  'selfEvaluation.view': SchoolResource;
  'selfEvaluation.edit': SchoolResource;
  /** Reading a school's submitted self-evaluation as its adviser, commenting on it and marking it reviewed. */
  'selfEvaluation.review': AdvisedSchoolResource;
  /** Inviting a system leader to be the school's adviser, or removing one. */
  'selfEvaluation.invite': SchoolResource;
  /** The overview across schools (by liaison group, by strand) and setting review visit dates. */
  'selfEvaluation.overview': NoResource;
  'attendance.log': SchoolResource;
  'attendance.register': NoResource;
  'calendar.edit': NoResource;
  'commitments.confirm': SchoolResource;
  'nomination.view': LiaisonGroupResource;
  'nomination.edit': GroupMembersResource;
  'nomination.submit': GroupMembersResource;
  'nomination.review': NoResource;
  'nomination.select': LiaisonGroupResource;
  'export.acrossSchools': NoResource;
  'deployment.create': NoResource;
  'deployment.view': DeploymentFormResource;
  'deployment.edit': DeploymentFormResource;
  'deployment.submit': DeploymentFormResource;
  'deployment.export': DeploymentFormResource;
  'deployment.confirmSection7': DeploymentFormResource;
  /** The group the chat is to be linked to; the chat's current link comes from the actor. */
  'chatLink.set': ChatLinkResource;
  'chatLink.change': LiaisonGroupResource;
  'liaisonGroup.rename': LiaisonGroupResource;
  'profile.review': ProfileClaimResource;
  'liaisonGroup.membership': NoResource;
  /** Signing a school up to the universal offer, or withdrawing it. */
  'programme.signUp': SchoolResource;
  /** Recording a step of a deployment (a new one has the actor as its system leader). */
  'lifecycle.record': DeploymentLifecycleResource;
  /** Everything recorded about one deployment. */
  'lifecycle.view': DeploymentLifecycleResource;
  /** The supported school's view of its deployments: the stage and the dates agreed. */
  'lifecycle.schoolView': SchoolResource;
  /** Every deployment in the council, overdue steps first, and its export. */
  'lifecycle.overview': NoResource;
}

export interface DeploymentLifecycleResource {
  /** The system leader whose deployment it is. */
  readonly ownerAadObjectId: string;
}

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

/** Who is asking, and where: the bot's actor has this shape. */
export interface PolicyActor {
  readonly aadObjectId: string;
  /** From configuration (SIT_ADMIN_AAD_IDS) only. */
  readonly isSitAdmin: boolean;
  readonly profile?: Profile | undefined;
  /** Where the question is asked; a personal chat when not given. */
  readonly conversation?: { readonly kind: ConversationKind; readonly liaisonGroupId?: string | undefined } | undefined;
}

export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly reason: string; readonly instead: string };

export function decide<A extends Action>(actor: PolicyActor, action: A, resource: ResourceOf[A]): Decision {
  const rule: Rule<ResourceOf[A]> = RULES[action];
  return rule(actor, resource);
}

type Rule<R> = (actor: PolicyActor, resource: R) => Decision;

/** A refusal as the person reads it: why, then what they may do instead. */
export function refusalText(decision: Exclude<Decision, { allowed: true }>): string {
  return `${decision.reason} ${decision.instead}`;
}

const ALLOWED: Decision = { allowed: true };

function refuse(reason: string, instead: string): Decision {
  return { allowed: false, reason, instead };
}

function inPersonalChat(actor: PolicyActor): boolean {
  return (actor.conversation?.kind ?? 'personal') === 'personal';
}

const PERSONAL_ONLY = refuse(
  'I only talk about a school, a deployment form or the whole programme in a personal chat, because everyone in this chat would see it.',
  'Open a personal chat with me and ask there.',
);

/** Wraps a rule so that it runs only in a personal chat. */
function personal<R>(rule: Rule<R>): Rule<R> {
  return (actor, resource) => (inPersonalChat(actor) ? rule(actor, resource) : PERSONAL_ONLY);
}

const IDENTIFY_YOURSELF = refuse(
  'I do not know yet which school you work at.',
  'Tell me your school’s name or URN, and whether you are its headteacher, so that I can set up your profile.',
);

const NOT_YET_VERIFIED = refuse(
  'Your role at your school is not verified yet.',
  'The School Improvement Team checks it (or your headteacher, if you are staff); I will tell you when it is done. Meanwhile you can check eligibility and log your school’s attendance.',
);

/**
 * The school's own records: its verified headteacher and staff (pending ones too when
 * `pendingMay`), and the SIT too unless `sitInstead` says what the SIT may do instead.
 */
function ownSchool(what: string, options: { readonly sitInstead?: string; readonly pendingMay?: boolean } = {}): Rule<SchoolResource> {
  return personal((actor, { urn }) => {
    if (actor.isSitAdmin) return options.sitInstead === undefined ? ALLOWED : refuse(`Only the school’s own staff ${what}.`, options.sitInstead);
    const staff = schoolStaffOf(actor, urn, what);
    if (!staff.allowed || options.pendingMay === true || isVerified(actor.profile)) return staff;
    return NOT_YET_VERIFIED;
  });
}

/** Whether the actor claims a role at the school (verified or not), and if not, why not. */
function schoolStaffOf(actor: PolicyActor, urn: Urn, what: string): Decision {
  const profile = actor.profile;
  if (!profile) return IDENTIFY_YOURSELF;
  if (profile.kind === 'system_leader') {
    return refuse(
      `Only the school’s own staff and the School Improvement Team ${what}.`,
      'You can check a school’s eligibility for support, and draft or see your own deployment forms.',
    );
  }
  if (profile.urn !== urn) {
    return refuse(
      `You can see and change only your own school’s records (URN ${profile.urn}), and this is URN ${urn}.`,
      'Ask about your own school, or ask the School Improvement Team about another school.',
    );
  }
  return ALLOWED;
}

/** What commits the school: its headteacher only. */
function headteacherOf(what: string, sitInstead: string): Rule<SchoolResource> {
  return personal((actor, { urn }) => {
    if (actor.isSitAdmin) return refuse(`Only the school’s headteacher ${what}.`, sitInstead);
    const staff = schoolStaffOf(actor, urn, what);
    if (!staff.allowed) return staff;
    if (actor.profile?.kind === 'school' && actor.profile.role !== 'headteacher') {
      return refuse(`Only your headteacher ${what}.`, 'Ask your headteacher to do it in their personal chat with me; you can see your school’s record.');
    }
    return isVerified(actor.profile) ? ALLOWED : NOT_YET_VERIFIED;
  });
}

/** What only the School Improvement Team does, with what anyone else may do instead. */
function sitOnly(what: string, instead: string): Rule<unknown> {
  return personal((actor) => (actor.isSitAdmin ? ALLOWED : refuse(`Only the School Improvement Team ${what}.`, instead)));
}

/** A liaison group's nomination: in the group's own chat, by anyone in it. */
function groupChat(what: string, sitMayInPersonalChat: boolean): Rule<LiaisonGroupResource> {
  return (actor, { liaisonGroupId }) => {
    if (inPersonalChat(actor)) {
      if (actor.isSitAdmin && sitMayInPersonalChat) return ALLOWED;
      return refuse(
        `A liaison group’s nomination is ${what} in the group’s own chat.`,
        actor.isSitAdmin
          ? 'You can review every group’s nomination and select the champions here.'
          : 'Open your liaison group’s chat (or channel) with me and carry on there.',
      );
    }
    const linked = actor.conversation?.liaisonGroupId;
    if (linked === undefined) {
      return refuse('This chat is not linked to a liaison group yet.', 'Link it first: tell me which liaison group this chat is for.');
    }
    if (linked !== liaisonGroupId) {
      return refuse(
        `This chat is linked to liaison group ${linked}, so it acts for that group only, not for ${liaisonGroupId}.`,
        `Work on ${linked}’s nomination here, or open ${liaisonGroupId}’s own chat.`,
      );
    }
    return ALLOWED;
  };
}

/** Making or submitting a group's nomination: in its chat, by a verified member of one of its schools. */
function groupMember(what: string): Rule<GroupMembersResource> {
  const inChat = groupChat(what, false);
  return (actor, resource) => {
    const where = inChat(actor, resource);
    if (!where.allowed) return where;
    if (memberOfGroup(actor, resource)) return ALLOWED;
    return refuse(
      `A liaison group’s nomination is ${what} by the verified headteachers and staff of the group’s schools.`,
      notMemberInstead(actor, resource),
    );
  };
}

function memberOfGroup(actor: PolicyActor, group: GroupMembersResource): boolean {
  return group.schoolUrns.some((urn) => isVerifiedMemberOf(actor.profile, urn));
}

function notMemberInstead(actor: PolicyActor, group: GroupMembersResource): string {
  if (actor.isSitAdmin) return 'You can review every group’s nomination in your personal chat with me.';
  const profile = actor.profile;
  if (profile?.kind === 'school' && group.schoolUrns.includes(profile.urn)) {
    return 'Your role at your school is not verified yet: the School Improvement Team (or your headteacher, if you are staff) checks it, and I will tell you when it is done.';
  }
  if (profile?.kind === 'school') return `Your school (URN ${profile.urn}) is not in this liaison group: you can see the nomination here, and work on your own group’s in its chat.`;
  return 'Tell me your school in a personal chat with me (for example “I work at Oakfield Primary”); once your role is verified you can work on it here.';
}

function isFormOwner(actor: PolicyActor, form: DeploymentFormResource): boolean {
  return actor.profile?.kind === 'system_leader' && actor.aadObjectId === form.ownerAadObjectId;
}

/** Whether the actor speaks for the school or trust the form supports, and if not, why not. */
function confirmerOf(actor: PolicyActor, form: DeploymentFormResource): Decision {
  if (form.supportedTrustCeoAadObjectId !== undefined && actor.aadObjectId === form.supportedTrustCeoAadObjectId) return ALLOWED;
  const profile = actor.profile;
  if (profile?.kind === 'school' && form.supportedSchoolUrn !== undefined && profile.urn === form.supportedSchoolUrn) {
    if (profile.role === 'headteacher') return isVerified(profile) ? ALLOWED : NOT_YET_VERIFIED;
    return refuse(
      'Only your headteacher sees and confirms the deployment form for your school.',
      'Ask your headteacher to look at it in their personal chat with me.',
    );
  }
  return NOT_YOUR_FORM;
}

const NOT_YOUR_FORM = refuse(
  'You can see only your own deployment forms, or the form for the school you lead.',
  'Ask the system leader who is drafting the form, or start your own if you are the system leader.',
);

const SECTION_7_BY_SCHOOL =
  'Section 7 is completed by the supported school’s headteacher (or the supported trust’s CEO), confirming the work reported.';

function formOwner(what: string, sitMay: boolean): Rule<DeploymentFormResource> {
  return personal((actor, form) => {
    if (isFormOwner(actor, form)) return ALLOWED;
    if (actor.isSitAdmin) {
      return sitMay ? ALLOWED : refuse(`Only the system leader who drafts a deployment form ${what} it.`, 'You can see and export any deployment form.');
    }
    return NOT_YOUR_FORM;
  });
}

const RULES: { [A in Action]: Rule<ResourceOf[A]> } = {
  'directory.search': () => ALLOWED,
  'eligibility.check': () => ALLOWED,

  'school.view': ownSchool('see a school’s programme record'),
  'school.export': ownSchool('export a school’s programme record'),
  'selfEvaluation.view': ownSchool('see a school’s self-evaluation'),
  'selfEvaluation.edit': ownSchool('fill in a school’s self-evaluation', {
    sitInstead: 'You can see the school’s self-evaluation; the school fills it in before its review.',
  }),
  // The adviser: the SIT, or a system leader the school has invited (and not removed); nobody else.
  'selfEvaluation.review': personal((actor, { advisers }) => {
    if (actor.isSitAdmin) return ALLOWED;
    if (actor.profile?.kind === 'system_leader' && (advisers ?? []).includes(actor.aadObjectId)) return ALLOWED;
    return refuse(
      'Only the School Improvement Team, or a system leader the school has invited as its adviser, reads a school’s submitted self-evaluation, comments on it and marks it reviewed.',
      actor.profile?.kind === 'system_leader'
        ? 'Ask the school’s headteacher to invite you: they say “invite an adviser” in their personal chat with me.'
        : 'Your school sees the adviser’s comments beside its answers once they are made.',
    );
  }),
  // Letting someone outside the school read its self-evaluation commits the school (the council's own rule).
  'selfEvaluation.invite': headteacherOf(
    'invites an adviser to read the school’s self-evaluation',
    'You can see schools’ self-evaluations already: say “self-evaluations”.',
  ),
  'selfEvaluation.overview': sitOnly(
    'sees self-evaluations across schools and sets the dates of review visits',
    'You can see your own school’s self-evaluation and action plan: say “self-evaluation” or “our action plan”.',
  ),
  // A pending person logs their own attendance: the SIT sees it marked as not yet verified.
  'attendance.log': ownSchool('log a school’s attendance', { pendingMay: true }),
  'commitments.confirm': headteacherOf(
    'can confirm the champion commitments for the school',
    'You can see whether the school has confirmed its commitments in its programme record.',
  ),

  'attendance.register': sitOnly('keeps the register across schools', 'You can log and see your own school’s attendance.'),
  'calendar.edit': sitOnly('keeps the session calendar', 'You can see the session dates and log your school’s attendance.'),
  'export.acrossSchools': sitOnly('exports records across schools', 'You can export your own school’s programme record.'),
  'nomination.review': sitOnly(
    'reviews every liaison group’s nomination',
    'You can see your own group’s nomination in your liaison group’s chat.',
  ),
  'nomination.select': sitOnly(
    'selects the champion schools',
    'Your liaison group submits its first choice and reserve in its chat; the School Improvement Team will tell you its selection.',
  ),
  'liaisonGroup.rename': sitOnly('renames liaison groups', 'Ask the School Improvement Team to rename the group.'),
  'liaisonGroup.membership': sitOnly(
    'decides which liaison group a school is in',
    'Ask the School Improvement Team to move your school; you can see your school’s group in your profile.',
  ),
  // The letter asks schools to sign up; the SIT records sign-ups it has had another way (the survey).
  'programme.signUp': personal((actor, { urn }) => {
    if (actor.isSitAdmin) return ALLOWED;
    const staff = schoolStaffOf(actor, urn, 'sign a school up to the universal offer');
    if (!staff.allowed) return staff;
    if (actor.profile?.kind === 'school' && actor.profile.role !== 'headteacher') {
      return refuse('Only your headteacher signs the school up to the universal offer, or withdraws it.', 'Ask your headteacher to do it in their personal chat with me.');
    }
    return isVerified(actor.profile) ? ALLOWED : NOT_YET_VERIFIED;
  }),

  'nomination.view': groupChat('seen', true),
  'nomination.edit': groupMember('made'),
  'nomination.submit': groupMember('submitted'),

  'deployment.create': personal((actor) => {
    if (actor.profile?.kind === 'system_leader') return ALLOWED;
    const instead = actor.isSitAdmin
      ? 'You can see and export any deployment form.'
      : actor.profile?.kind === 'school'
        ? 'If your school is being supported, your headteacher confirms section 7 once the system leader sends the form.'
        : 'If you are a system leader, tell me your name, role (MAT CEO or NLE) and organisation so that I can set up your profile.';
    return refuse('Deployment forms are drafted by the system leader (a MAT CEO or NLE) who delivers the support.', instead);
  }),
  'deployment.view': personal((actor, form) => {
    if (isFormOwner(actor, form) || actor.isSitAdmin) return ALLOWED;
    return confirmerOf(actor, form);
  }),
  'lifecycle.record': personal((actor, deployment) => {
    if (actor.profile?.kind === 'system_leader' && actor.aadObjectId === deployment.ownerAadObjectId) return ALLOWED;
    const instead = actor.isSitAdmin
      ? 'You can see every deployment in the council: say “deployments”.'
      : actor.profile?.kind === 'school'
        ? 'You can see your school’s deployment, its stage and the dates agreed: say “our deployment”.'
        : 'If you are a system leader, tell me your name, role (MAT CEO or NLE) and organisation so that I can set up your profile.';
    return refuse('A deployment’s steps are recorded by the system leader (a MAT CEO or NLE) who delivers the support.', instead);
  }),
  'lifecycle.view': personal((actor, deployment) =>
    actor.aadObjectId === deployment.ownerAadObjectId || actor.isSitAdmin
      ? ALLOWED
      : refuse('You can see only your own deployments.', 'Say “my deployments” to see yours.'),
  ),
  'lifecycle.schoolView': ownSchool('see the deployments supporting a school', { sitInstead: 'You can see every deployment in the council: say “deployments”.' }),
  'lifecycle.overview': sitOnly('sees every deployment in the council', 'Say “my deployments” to see yours, or “our deployment” for your school’s.'),
  'deployment.edit': formOwner('fills in', false),
  'deployment.submit': formOwner('submits', false),
  'deployment.export': formOwner('exports', true),
  'deployment.confirmSection7': personal((actor, form) => {
    const sentTo = form.confirmerAadObjectIds;
    // A SIT administrator may confirm or query for the people it was sent to; the form records that they did.
    if (actor.isSitAdmin) {
      return sentTo === undefined ? refuse(`${SECTION_7_BY_SCHOOL} It has not been sent to them yet.`, 'You can see the form and whether section 7 has been confirmed.') : ALLOWED;
    }
    const confirmer = confirmerOf(actor, form);
    if (!confirmer.allowed) {
      if (isFormOwner(actor, form)) return refuse(SECTION_7_BY_SCHOOL, 'Send the form to the school for its headteacher to confirm.');
      return confirmer;
    }
    if (sentTo === undefined) {
      return refuse('This form has not been sent to you to confirm yet.', 'The system leader sends it once the work is done, and I bring it to you here.');
    }
    if (!sentTo.includes(actor.aadObjectId)) {
      return refuse(
        'This form was sent to someone else at your school or trust to confirm, so only they (or the School Improvement Team for them) can answer it.',
        'Ask the system leader to send it again if you should confirm it: it then goes to every verified headteacher.',
      );
    }
    return ALLOWED;
  }),

  'chatLink.set': (actor, group) => {
    const { liaisonGroupId, chatOfGroup } = group;
    if (inPersonalChat(actor)) return NOT_A_GROUP_CHAT;
    const linked = actor.conversation?.liaisonGroupId;
    if (linked === liaisonGroupId) return ALLOWED;
    if (linked !== undefined) {
      return actor.isSitAdmin
        ? ALLOWED
        : refuse(
            `This chat is already linked to liaison group ${linked}; only the School Improvement Team can change that.`,
            `Carry on as ${linked}, or ask a SIT administrator to change the link.`,
          );
    }
    if (actor.isSitAdmin) return ALLOWED;
    if (chatOfGroup !== undefined) {
      return refuse(
        'That liaison group already has its chat, and a group has one chat; only the School Improvement Team can move it to another.',
        'Work on the nomination in the group’s existing chat, or ask a SIT administrator to move the group to this chat.',
      );
    }
    if (memberOfGroup(actor, group)) return ALLOWED;
    return refuse('A chat is linked to its liaison group by a verified member of one of the group’s schools, or by the School Improvement Team.', notMemberInstead(actor, group));
  },
  'profile.review': personal(reviewClaim),
  'chatLink.change': (actor) => {
    if (inPersonalChat(actor)) return NOT_A_GROUP_CHAT;
    if (actor.isSitAdmin) return ALLOWED;
    return refuse(
      'Only the School Improvement Team can change the liaison group a chat is linked to.',
      'Ask a SIT administrator to change the link.',
    );
  },
};

/** Approving or rejecting a claim to a school role: the SIT, or for staff the school's verified headteacher. */
function reviewClaim(actor: PolicyActor, claim: ProfileClaimResource): Decision {
  if (actor.isSitAdmin) return ALLOWED;
  const profile = actor.profile;
  if (claim.role === 'staff' && isVerifiedMemberOf(profile, claim.urn) && profile?.kind === 'school' && profile.role === 'headteacher') return ALLOWED;
  return refuse(
    claim.role === 'staff'
      ? 'A claim to work at a school is approved by the School Improvement Team or by the school’s verified headteacher.'
      : 'A claim to be a school’s headteacher is approved by the School Improvement Team.',
    'You can see and correct your own profile with “my profile”.',
  );
}

const NOT_A_GROUP_CHAT = refuse(
  'Only a group chat or a team channel can be linked to a liaison group.',
  'Add me to your liaison group’s chat or channel and link it there.',
);
