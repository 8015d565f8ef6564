import { ActivityTypes, type TurnContext } from 'botbuilder';
import { ChoiceFactory, ComponentDialog, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { TapChoicePrompt, type UnsureHelp } from '../tapPrompts.js';
import { actorOf, type Actor } from '../actor.js';
import { z } from 'zod';
import { PROFILE_VERBS, profileCard, profileRequestsCard, type ProfileRequestView } from '../../cards/directoryCards.js';
import { escapeMarkdown } from '../../cards/markdown.js';
import { decide, refusalText } from '../../domain/access/policy.js';
import { findLiaisonGroup, parseChatLinkStatement, parseProfileStatement, type ProfileStatement } from '../../domain/directory/profileStatement.js';
import { ProfileSchema, SCHOOL_ROLES, UrnSchema, type Profile, type School } from '../../domain/directory/types.js';
import { approved, isVerified, LONGEST_REJECTION_REASON, verificationOfClaim, type SchoolProfile } from '../../domain/directory/verification.js';
import { parseMembershipStatement, resolveLiaisonGroup, type MembershipStatement } from '../../domain/directory/membership.js';
import type { DirectoryRepository } from '../../storage/directoryRepository.js';
import type { ProfileRepository } from '../../storage/profileRepository.js';
import type { ProactiveMessenger } from '../ports.js';
import { phrases, verb, type CardVerb, type CardVerbResult, type Journey } from '../journey.js';
import { cardActivity } from '../cardActivity.js';

export interface DirectoryJourneyDeps {
  readonly directory: DirectoryRepository;
  readonly profiles: ProfileRepository;
  readonly now: () => Date;
  /** Tells a person their claim was approved or rejected, and a group's earlier chat that the group moved. */
  readonly proactive: Pick<ProactiveMessenger, 'sendToConversation' | 'sendToPerson'>;
}

const SET_PROFILE = 'directory.setProfile';
const ASK_WHO = 'directory.askWho';
const LINK_CHAT = 'directory.linkChat';
const CHOICE = 'directory.choice';
const TEXT = 'directory.text';
const EMAIL = 'directory.email';

const EmailSchema = z.email();
const isEmailOrSkip = (said: string): boolean => said.trim().toLowerCase() === 'skip' || EmailSchema.safeParse(said.trim()).success;

const NONE_OF_THESE = 'None of these';
const BECOME_SYSTEM_LEADER = 'Yes, I am a system leader now';
const KEEP_SCHOOL = 'No, keep my school role';
const WHO_EXAMPLES = 'for example “I’m the head of Oakfield Primary”, “I work at 900123” or “I’m a system leader”';

function describeSchool(school: School): string {
  return `${school.name} (URN ${school.urn}, ${school.localAuthority})`;
}

/** The profile card, with `saying` (what was just done) above it in the same message. */
async function sendProfile(context: TurnContext, deps: DirectoryJourneyDeps, profile: Profile, actor: Actor, saying?: string): Promise<void> {
  const school = profile.kind === 'school' ? await deps.directory.getSchool(profile.urn) : undefined;
  const group = school?.liaisonGroupId ? await deps.directory.liaisonGroup(school.liaisonGroupId) : undefined;
  await context.sendActivity({ ...(saying ? { text: saying } : {}), ...cardActivity(profileCard(profile, school, group, actor.isSitAdmin)) });
}

/** Sets who a person is: a school (found in the directory and confirmed) or a system leader. */
class SetProfileDialog extends ComponentDialog {
  constructor(private readonly deps: DirectoryJourneyDeps) {
    super(SET_PROFILE);
    this.addDialog(new TapChoicePrompt(CHOICE));
    this.addDialog(new TextPrompt(TEXT));
    // A mistyped address is asked again rather than dropped.
    this.addDialog(new TextPrompt(EMAIL, async (prompt) => prompt.recognized.succeeded && isEmailOrSkip(prompt.recognized.value ?? '')));
    this.addDialog(
      new WaterfallDialog(`${SET_PROFILE}.steps`, [
        this.#confirmLeavingSchool.bind(this),
        this.#chooseSchoolOrAskOrganisation.bind(this),
        this.#confirmSchoolOrAskRole.bind(this),
        this.#saveSchoolOrAskEmail.bind(this),
        this.#saveSystemLeader.bind(this),
      ]),
    );
    this.initialDialogId = `${SET_PROFILE}.steps`;
  }

  /** A person holds one role here: becoming a system leader ends their school role, so that is asked first, never done silently. */
  async #confirmLeavingSchool(step: WaterfallStepContext) {
    const statement = (step.options as { statement: ProfileStatement }).statement;
    (step.values as { statement: ProfileStatement }).statement = statement;
    const current = actorOf(step.context).profile;
    if (statement.kind !== 'system_leader' || current?.kind !== 'school') return step.next();
    const school = await this.deps.directory.getSchool(current.urn);
    const as = `${current.role === 'headteacher' ? 'the headteacher' : 'a member of staff'} at ${school?.name ?? `URN ${current.urn}`}`;
    return step.prompt(CHOICE, {
      prompt:
        `I have you as ${as}. I hold one role for each person, so as a system leader I would no longer have you as ${as}: ` +
        'you would not see its records here, and a new claim to it would need verifying again. Become a system leader instead?',
      choices: ChoiceFactory.toChoices([BECOME_SYSTEM_LEADER, KEEP_SCHOOL]),
      validations: {
        whenUnsure: `Choose “${KEEP_SCHOOL}” and nothing changes. Choose “${BECOME_SYSTEM_LEADER}” only if you now lead or work for a trust as a MAT CEO, or are a National Leader of Education.`,
      } satisfies UnsureHelp,
    });
  }

  async #chooseSchoolOrAskOrganisation(step: WaterfallStepContext) {
    const { statement } = step.values as { statement: ProfileStatement };
    if ((step.result as { value?: string } | undefined)?.value === KEEP_SCHOOL) {
      await step.context.sendActivity('All right: nothing has changed, and your school role stays as it was.');
      return step.endDialog();
    }
    if (statement.kind === 'system_leader') {
      return step.prompt(TEXT, { prompt: 'Which organisation do you lead or work for? (your trust, or your school if you are an NLE)' });
    }
    const matches = this.deps.directory.findSchools(statement.schoolQuery, { limit: 5 });
    if (matches.length === 0) {
      await step.context.sendActivity(`I could not find a school matching “${statement.schoolQuery}”. Try its six-digit URN, or another part of its name.`);
      return step.endDialog();
    }
    const schools = matches.map((match) => match.school);
    (step.values as { schools: School[] }).schools = schools;
    const sure = matches[0]!.match === 'urn' || matches[0]!.match === 'exact' || matches.length === 1;
    if (sure) {
      (step.values as { school: School }).school = schools[0]!;
      const school = schools[0]!;
      const facts = [school.type, school.localAuthority, school.trust ? `in ${school.trust}` : undefined].filter(Boolean).join(', ');
      return step.prompt(CHOICE, {
        prompt: `Is it ${describeSchool(school)}?`,
        choices: ChoiceFactory.toChoices(['Yes', 'No']),
        validations: {
          whenUnsure: `The school directory has ${school.name}, URN ${school.urn}${facts ? ` (${facts})` : ''}. Say “yes” if that is where you work. If it is not, say “no”: nothing is saved, and you can tell me its URN or more of its name.`,
        } satisfies UnsureHelp,
      });
    }
    return step.prompt(CHOICE, {
      prompt: 'Which school is it?',
      retryPrompt: 'Please pick one of the schools, or “None of these”.',
      choices: ChoiceFactory.toChoices([...schools.map(describeSchool), NONE_OF_THESE]),
    });
  }

  async #confirmSchoolOrAskRole(step: WaterfallStepContext) {
    const values = step.values as { statement: ProfileStatement; schools?: School[]; school?: School; organisation?: string };
    if (values.statement.kind === 'system_leader') {
      values.organisation = String(step.result).trim().slice(0, 200);
      if (values.statement.role) return step.next(values.statement.role);
      return step.prompt(CHOICE, { prompt: 'Are you a MAT CEO or a National Leader of Education?', choices: ChoiceFactory.toChoices(['MAT CEO', 'National Leader of Education']) });
    }
    const answer = (step.result as { value: string }).value;
    const chosen = values.school ? (answer === 'Yes' ? values.school : undefined) : values.schools?.find((school) => describeSchool(school) === answer);
    if (!chosen) {
      await step.context.sendActivity(`Then tell me the school’s six-digit URN or more of its name: ${WHO_EXAMPLES}.`);
      return step.endDialog();
    }
    const actor = actorOf(step.context);
    const claim = { urn: chosen.urn, role: values.statement.role };
    const profile = ProfileSchema.parse({
      kind: 'school',
      aadObjectId: actor.aadObjectId,
      name: actor.name,
      ...claim,
      verification: verificationOfClaim(actor.profile, claim),
      updatedAt: this.deps.now().toISOString(),
    });
    await this.deps.profiles.put(profile);
    const as = `${values.statement.role === 'headteacher' ? 'the headteacher' : 'a member of staff'} at ${chosen.name}`;
    const saying = isVerified(profile)
      ? `Thank you. I have you as ${as}, verified as before.`
      : `Thank you. I have you as ${as}, not yet verified: ${
          values.statement.role === 'headteacher' ? 'the School Improvement Team checks it' : 'the School Improvement Team or your verified headteacher checks it'
        }, and I will tell you when it is done. Meanwhile you can check eligibility and log your school’s attendance.`;
    await sendProfile(step.context, this.deps, profile, actor, saying);
    return step.endDialog();
  }

  async #saveSchoolOrAskEmail(step: WaterfallStepContext) {
    const values = step.values as { role?: 'mat_ceo' | 'nle' };
    const result = step.result as string | { value: string };
    values.role = typeof result === 'string' ? (result as 'mat_ceo' | 'nle') : result.value === 'MAT CEO' ? 'mat_ceo' : 'nle';
    return step.prompt(EMAIL, {
      prompt: 'What email address should the DfE and schools use for you? (say “skip” to leave it out)',
      retryPrompt: 'That does not look like an email address. Please type it again, like name@trust.org.uk, or say “skip” to leave it out.',
    });
  }

  async #saveSystemLeader(step: WaterfallStepContext) {
    const values = step.values as { organisation: string; role: 'mat_ceo' | 'nle' };
    const said = String(step.result).trim();
    const actor = actorOf(step.context);
    const candidate = {
      kind: 'system_leader',
      aadObjectId: actor.aadObjectId,
      name: actor.name,
      organisation: values.organisation,
      role: values.role,
      ...(said.toLowerCase() === 'skip' ? {} : { email: said }),
      updatedAt: this.deps.now().toISOString(),
    };
    // The email prompt accepts only "skip" or an address, so the profile parses.
    const profile = ProfileSchema.parse(candidate);
    await this.deps.profiles.put(profile);
    await sendProfile(step.context, this.deps, profile, actor, 'Thank you. I have you as a system leader.');
    return step.endDialog();
  }
}

/** "Change my profile": asks who the person is, then sets it. */
class AskWhoDialog extends ComponentDialog {
  constructor() {
    super(ASK_WHO);
    this.addDialog(new TextPrompt(`${ASK_WHO}.text`, async (prompt) => parseProfileStatement(String(prompt.recognized.value ?? '')) !== undefined));
    this.addDialog(
      new WaterfallDialog(`${ASK_WHO}.steps`, [
        async (step) =>
          step.prompt(`${ASK_WHO}.text`, {
            prompt: `Tell me who you are, ${WHO_EXAMPLES}.`,
            retryPrompt: `I did not catch that. Say who you are, ${WHO_EXAMPLES}, or “cancel”.`,
          }),
        async (step) => step.replaceDialog(SET_PROFILE, { statement: parseProfileStatement(String(step.result)) }),
      ]),
    );
    this.initialDialogId = `${ASK_WHO}.steps`;
  }
}

/** "This chat is the … liaison group": links a group chat or channel to the group it acts for. */
class LinkChatDialog extends ComponentDialog {
  constructor(private readonly deps: DirectoryJourneyDeps) {
    super(LINK_CHAT);
    this.addDialog(new TapChoicePrompt(CHOICE));
    this.addDialog(new WaterfallDialog(`${LINK_CHAT}.steps`, [this.#find.bind(this), this.#link.bind(this)]));
    this.initialDialogId = `${LINK_CHAT}.steps`;
  }

  async #find(step: WaterfallStepContext) {
    const { groupQuery } = step.options as { groupQuery: string };
    const candidates = findLiaisonGroup(groupQuery, await this.deps.directory.liaisonGroups());
    if (candidates.length === 0) {
      await step.context.sendActivity(`I do not know a liaison group called “${groupQuery}”. Say “liaison groups” to see their names.`);
      return step.endDialog();
    }
    if (candidates.length === 1) return step.next({ value: candidates[0]!.name });
    return step.prompt(CHOICE, {
      prompt: 'Which liaison group is this chat for?',
      choices: ChoiceFactory.toChoices(candidates.slice(0, 18).map((group) => group.name)),
    });
  }

  async #link(step: WaterfallStepContext) {
    const name = (step.result as { value: string }).value;
    const group = (await this.deps.directory.liaisonGroups()).find((candidate) => candidate.name === name);
    if (!group) return step.endDialog();
    const actor = actorOf(step.context);
    const linked = actor.conversation.liaisonGroupId;
    if (linked === group.id) {
      await step.context.sendActivity(`This chat already acts for ${group.name}.`);
      return step.endDialog();
    }
    const earlier = await this.deps.directory.chatOfGroup(group.id);
    const decision = linked
      ? decide(actor, 'chatLink.change', { liaisonGroupId: group.id })
      : decide(actor, 'chatLink.set', {
          liaisonGroupId: group.id,
          schoolUrns: this.deps.directory.schoolsInLiaisonGroup(group.id).map((school) => school.urn),
          chatOfGroup: earlier?.conversationId,
        });
    if (!decision.allowed) {
      await step.context.sendActivity(refusalText(decision));
      return step.endDialog();
    }
    const result = await this.deps.directory.linkConversation(actor.conversation.id, group.id, actor.aadObjectId, { replace: linked !== undefined, now: this.deps.now() });
    if (!result.ok) {
      await step.context.sendActivity(result.errors.join(' '));
      return step.endDialog();
    }
    // A group has one chat: the one it had is unlinked and told where the group went.
    if (earlier !== undefined && earlier.conversationId !== actor.conversation.id) {
      await this.deps.directory.unlinkConversation(earlier.conversationId);
      // The move stands whether or not the earlier chat can still be reached.
      await this.deps.proactive
        .sendToConversation(earlier.conversationId, {
          text: `The School Improvement Team has moved ${group.name} to another chat: this chat no longer acts for the group, and its nomination and the School Improvement Team’s decision are there now.`,
        })
        .catch(() => 'failed' as const);
    }
    await step.context.sendActivity(`Done: this chat now acts for ${group.name}.`);
    return step.endDialog();
  }
}

const ClaimData = z.looseObject({
  aadObjectId: z.string().min(1).max(200),
  urn: UrnSchema,
  role: z.enum(SCHOOL_ROLES),
  updatedAt: z.string().max(40),
  reasonInput: z.string().regex(/^reason_\d{1,3}$/).optional(),
});
type Claim = z.infer<typeof ClaimData>;

/** The claims this reviewer may answer: all for the SIT, their own school's staff for a verified headteacher. */
async function reviewable(deps: DirectoryJourneyDeps, actor: Actor): Promise<ProfileRequestView[]> {
  const claims = (await deps.profiles.pendingClaims()).filter(
    (claim) => claim.aadObjectId !== actor.aadObjectId && decide(actor, 'profile.review', { urn: claim.urn, role: claim.role }).allowed,
  );
  return Promise.all(claims.map(async (profile) => ({ profile, school: await deps.directory.getSchool(profile.urn) })));
}

async function requestsCard(deps: DirectoryJourneyDeps, actor: Actor, notices: readonly string[] = []) {
  return profileRequestsCard({ requests: await reviewable(deps, actor), notices, isSitAdmin: actor.isSitAdmin });
}

/** Approves or rejects one claim, tells the person, and answers with the reviewer's queue. */
function claimVerb(deps: DirectoryJourneyDeps, outcome: 'approve' | 'reject'): CardVerb<typeof ClaimData> {
  return {
    verb: PROFILE_VERBS[outcome],
    data: ClaimData,
    async handle(_context, data: Claim, actor): Promise<CardVerbResult> {
      const decision = decide(actor, 'profile.review', { urn: data.urn, role: data.role });
      if (!decision.allowed) return { kind: 'refused', text: refusalText(decision) };
      const reason = outcome === 'reject' ? String(data[data.reasonInput ?? ''] ?? '').trim().slice(0, LONGEST_REJECTION_REASON) : '';
      if (outcome === 'reject' && reason === '') {
        return { kind: 'card', card: await requestsCard(deps, actor, ['Say why you reject the request (it is sent to them), then press “Reject the request” again.']) };
      }
      let claimed: SchoolProfile | undefined;
      const written = await deps.profiles.update(data.aadObjectId, (current) => {
        claimed = undefined;
        if (current?.kind !== 'school' || isVerified(current) || current.urn !== data.urn || current.role !== data.role || current.updatedAt !== data.updatedAt) return undefined;
        claimed = current;
        return outcome === 'approve' ? approved(current, actor.aadObjectId, deps.now()) : null;
      });
      if (written === undefined || claimed === undefined) {
        return { kind: 'card', card: await requestsCard(deps, actor, ['That request was answered already, or the person has changed it since: here are the requests as they stand.']) };
      }
      const school = await deps.directory.getSchool(claimed.urn);
      const as = `${claimed.role === 'headteacher' ? 'the headteacher' : 'a member of staff'} at ${school?.name ?? `URN ${claimed.urn}`}`;
      const told = await deps.proactive
        .sendToPerson(claimed.aadObjectId, {
          text:
            outcome === 'approve'
              ? `Your role as ${as} is verified now: you can use everything I offer your school.`
              : `Your request to be recorded as ${as} was not approved. The reason given: “${escapeMarkdown(reason)}”. If that is a mistake, tell me who you are again (say “change my profile”) or talk to the School Improvement Team.`,
        })
        .catch(() => 'failed' as const);
      const person = escapeMarkdown(claimed.name);
      const done = outcome === 'approve' ? `${person} is verified as ${as}.` : `${person}’s request was rejected.`;
      const notice = told === 'sent' ? `${done} I have told them.` : `${done} I could not tell them (they have not added me in Teams, or removed me).`;
      return { kind: 'card', card: await requestsCard(deps, actor, [notice]) };
    },
  };
}

/** What a SIT administrator says about a school's liaison group, answered or done. */
async function membershipReply(deps: DirectoryJourneyDeps, actor: Actor, statement: MembershipStatement): Promise<string> {
  const decision = decide(actor, 'liaisonGroup.membership', {});
  if (!decision.allowed) return refusalText(decision);
  const school = await deps.directory.getSchool(statement.urn);
  if (!school) return `There is no school with URN ${statement.urn} in the directory.`;
  const groups = await deps.directory.liaisonGroups();
  const current = groups.find((group) => group.id === school.liaisonGroupId);
  if (statement.kind === 'which') {
    return current ? `${school.name} (URN ${school.urn}) is in ${current.name}.` : `${school.name} (URN ${school.urn}) is in no liaison group.`;
  }
  if (statement.kind === 'remove') {
    if (!current) return `${school.name} is in no liaison group already.`;
    const removed = await deps.directory.setLiaisonGroupOf(school.urn, undefined);
    return removed.ok ? `Done: ${school.name} is in no liaison group now (it was in ${current.name}).` : removed.errors.join(' ');
  }
  const group = resolveLiaisonGroup(statement.groupReference, groups);
  if (!group) return `I do not know a liaison group “${statement.groupReference}”. Say “liaison groups” to see their names.`;
  if (current?.id === group.id) return `${school.name} is in ${group.name} already.`;
  if (statement.kind === 'add' && current) {
    return `${school.name} is in ${current.name}. To change that, say “move ${school.urn} to ${statement.groupReference}”.`;
  }
  const placed = await deps.directory.setLiaisonGroupOf(school.urn, group.id);
  if (!placed.ok) return placed.errors.join(' ');
  return current ? `Done: ${school.name} has moved from ${current.name} to ${group.name}.` : `Done: ${school.name} is in ${group.name}.`;
}

export function createDirectoryJourney(deps: DirectoryJourneyDeps): Journey {
  const profileRequests = 'directory.profileRequests';
  const membership = 'directory.membership';
  const showProfile = 'directory.showProfile';
  const showLink = 'directory.showLink';
  const listGroups = 'directory.listGroups';
  return {
    id: 'directory',
    dialogs: [
      new SetProfileDialog(deps),
      new AskWhoDialog(),
      new LinkChatDialog(deps),
      new WaterfallDialog(membership, [
        async (step) => {
          await step.context.sendActivity(await membershipReply(deps, actorOf(step.context), step.options as MembershipStatement));
          return step.endDialog();
        },
      ]),
      new WaterfallDialog(showProfile, [
        async (step) => {
          const actor = actorOf(step.context);
          if (actor.profile) await sendProfile(step.context, deps, actor.profile, actor);
          else await step.context.sendActivity(`I do not know who you are yet. Tell me, ${WHO_EXAMPLES}.`);
          return step.endDialog();
        },
      ]),
      new WaterfallDialog(showLink, [
        async (step) => {
          const linked = actorOf(step.context).conversation.liaisonGroupId;
          const group = linked ? await deps.directory.liaisonGroup(linked) : undefined;
          await step.context.sendActivity(
            group
              ? `This chat acts for ${group.name}. Only the School Improvement Team can change that.`
              : 'This chat is not linked to a liaison group yet. Say “this chat is the <name> liaison group” (say “liaison groups” to see the names).',
          );
          return step.endDialog();
        },
      ]),
      new WaterfallDialog(profileRequests, [
        async (step) => {
          const actor = actorOf(step.context);
          const mayReview = actor.isSitAdmin || (isVerified(actor.profile) && actor.profile.role === 'headteacher');
          if (!mayReview) {
            const decision = decide(actor, 'profile.review', { urn: actor.profile?.kind === 'school' ? actor.profile.urn : '000000', role: 'staff' });
            if (!decision.allowed) {
              await step.context.sendActivity(refusalText(decision));
              return step.endDialog();
            }
          }
          await step.context.sendActivity(cardActivity(await requestsCard(deps, actor)));
          return step.endDialog();
        },
      ]),
      new WaterfallDialog(listGroups, [
        async (step) => {
          const groups = await deps.directory.liaisonGroups();
          await step.context.sendActivity({
            type: ActivityTypes.Message,
            textFormat: 'markdown',
            text: `Buckinghamshire’s liaison groups:\n\n${groups.map((group) => `- ${group.name}`).join('\n')}`,
          });
          return step.endDialog();
        },
      ]),
    ],
    commands: [
      {
        summary: { title: 'Tell me who you are', description: 'Your school and role, or that you are a system leader, so I can fill things in for you.', command: 'change my profile', example: 'I’m the head of Oakfield Primary' },
        scopes: ['personal'],
        match: (text) => {
          const statement = parseProfileStatement(text);
          return statement ? { statement } : undefined;
        },
        dialogId: SET_PROFILE,
      },
      { scopes: ['personal'], match: phrases('change my profile', 'update my profile', 'set my profile', 'set up my profile'), dialogId: ASK_WHO },
      {
        summary: { title: 'My profile', description: 'See who I think you are.', command: 'my profile', example: 'my profile' },
        scopes: ['personal'],
        match: phrases('my profile', 'profile', 'who am i', 'show my profile'),
        dialogId: showProfile,
        examples: ['what have you got me down as', 'what do you think my role is', 'which school am I linked to'],
      },
      {
        summary: { title: 'Link this chat', description: 'Tell me which liaison group this chat is for.', command: 'which liaison group is this', example: 'this chat is the Liaison group 3 liaison group' },
        scopes: ['groupChat', 'channel'],
        match: (text) => parseChatLinkStatement(text),
        dialogId: LINK_CHAT,
      },
      { scopes: ['groupChat', 'channel'], match: phrases('which liaison group is this', 'which liaison group is this chat', 'liaison group'), dialogId: showLink },
      { scopes: ['groupChat', 'channel', 'personal'], match: phrases('liaison groups', 'list liaison groups'), dialogId: listGroups },
      {
        summary: {
          title: 'Profile requests',
          description: 'Approve or reject people’s claims to be a school’s headteacher or staff (verified headteachers see their own school’s staff).',
          command: 'profile requests',
          example: 'profile requests',
        },
        forSitAdmins: true,
        scopes: ['personal'],
        match: phrases('profile requests', 'verify profiles', 'pending profiles'),
        dialogId: profileRequests,
      },
      {
        summary: {
          title: 'Liaison-group membership',
          description: 'School Improvement Team: put a school in a liaison group, move it, or ask which group it is in.',
          command: 'which group is 110123 in',
          example: 'add 110123 to liaison group 4',
        },
        scopes: ['personal'],
        match: (text) => parseMembershipStatement(text),
        dialogId: membership,
      },
    ],
    verbs: [verb(claimVerb(deps, 'approve')), verb(claimVerb(deps, 'reject'))],
  };
}
