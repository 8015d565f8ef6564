import { ChoiceFactory, WaterfallDialog, type FoundChoice } from 'botbuilder-dialogs';
import { TapChoicePrompt } from '../tapPrompts.js';
import { z } from 'zod';
import { actorOf, type Actor } from '../actor.js';
import { ATTENDANCE_VERBS, exportCard, registerCard, summaryCard } from '../../cards/attendanceCards.js';
import { sessionAudience } from '../../domain/attendance/audience.js';
import { isUniversal, meetingsInOrder, sessionLabel, startedSessions, type Meeting } from '../../domain/attendance/programme.js';
import { AttendanceStatusSchema, checkSessionLoggable, normaliseAttendeeName, REGISTER_ATTENDEE, type AttendanceRecord, type AttendanceStatus } from '../../domain/attendance/record.js';
import { registerChanges, registerPages } from '../../domain/attendance/register.js';
import { liaisonGroupSummary, schoolsWithNoAttendanceAtLastSession, sessionSummary } from '../../domain/attendance/summary.js';
import { decide, refusalText } from '../../domain/access/policy.js';
import type { School } from '../../domain/directory/types.js';
import type { Result } from '../../domain/result.js';
import { verb, type CardVerb, type CardVerbResult } from '../journey.js';
import { type AttendanceContext } from './context.js';
import { cardActivity } from '../cardActivity.js';

export const REGISTER_DIALOG = 'attendance.register';
export const SUMMARY_DIALOG = 'attendance.summary';
export const EXPORT_DIALOG = 'attendance.export';
const CHOOSE_SESSION = 'attendance.register.chooseSession';

const registerKey = normaliseAttendeeName(REGISTER_ATTENDEE.name);
const isRegisterLine = (record: AttendanceRecord) => normaliseAttendeeName(record.attendeeName) === registerKey;

const STATUS_INPUT = /^status-(.*)$/;
const isStatus = (value: string): value is AttendanceStatus => AttendanceStatusSchema.safeParse(value).success;

/**
 * A register page's answer: the page it covers and one `status-<urn>` input per school on it.
 * Anything else the card sends (the group picker) is ignored.
 */
const RegisterDataSchema = z
  .object({ sessionId: z.string(), page: z.string().min(1) })
  .catchall(z.unknown())
  .transform(({ sessionId, page, ...inputs }) => ({
    sessionId,
    page,
    marks: Object.entries(inputs).flatMap(([key, value]) => {
      const urn = STATUS_INPUT.exec(key)?.[1];
      return urn === undefined ? [] : [{ urn, status: String(value) }];
    }),
  }));

/** The group picker's answer: which page of the register to show. */
const ShowPageSchema = z.object({ sessionId: z.string(), showPage: z.string().optional() });

export function sitDialogs(context: AttendanceContext): { dialogs: (WaterfallDialog | TapChoicePrompt)[]; verbs: CardVerb[] } {
  const { deps } = context;

  /** Who is on a session's register: every signed-up school, or the champion schools for a network group. */
  async function registerSchools(session: Meeting): Promise<School[]> {
    const [signedUp, champions] = await Promise.all([context.queries.signedUpSchools(), context.queries.championUrns()]);
    return sessionAudience(session, signedUp, champions);
  }

  async function registerView(
    session: Meeting,
    pageId: string | undefined,
    extra: { saved?: string; problems?: readonly string[]; statuses?: ReadonlyMap<string, AttendanceStatus> } = {},
  ) {
    const [schools, groups, records, unverified] = await Promise.all([
      registerSchools(session),
      deps.directory.liaisonGroups(),
      context.attendance.forSession(session.id),
      context.unverifiedPeople(),
    ]);
    const pages = registerPages(schools, groups);
    const page = pages.find((candidate) => candidate.id === pageId) ?? pages[0];
    const onPage = new Map((page?.schools ?? []).map((school) => [school.urn, school]));
    const ownLogs = records
      .filter((record) => !isRegisterLine(record) && onPage.has(record.urn))
      .map((record) => ({ school: onPage.get(record.urn)!, record, loggedByVerified: !unverified.has(record.loggedBy.aadObjectId) }))
      .sort((a, b) => a.school.name.localeCompare(b.school.name, 'en-GB'));
    return registerCard({
      session,
      pages,
      page,
      schoolCount: schools.length,
      statuses: extra.statuses ?? new Map(records.filter(isRegisterLine).map((line) => [line.urn, line.status])),
      ownLogs,
      ...(extra.saved ? { saved: extra.saved } : {}),
      ...(extra.problems ? { problems: extra.problems } : {}),
    });
  }

  const register = new WaterfallDialog(REGISTER_DIALOG, [
    async (step) => {
      const decision = decide(actorOf(step.context), 'attendance.register', {});
      if (!decision.allowed) {
        await step.context.sendActivity(refusalText(decision));
        return step.endDialog();
      }
      const { sessionId } = step.options as { sessionId?: string };
      if (sessionId !== undefined) return step.next(sessionId);
      const started = startedSessions(await context.programmes.current(), deps.now());
      if (started.length === 0) {
        await step.context.sendActivity('No session has started yet, so there is no register to keep.');
        return step.endDialog();
      }
      return step.prompt(CHOOSE_SESSION, {
        prompt: 'Which session’s register?',
        retryPrompt: 'Please choose one of the sessions, or say “cancel”.',
        choices: ChoiceFactory.toChoices(started.slice(0, 10).map(sessionLabel)),
      });
    },
    async (step) => {
      const programme = await context.programmes.current();
      const answer = step.result as string | FoundChoice;
      const sessionId = typeof answer === 'string' ? answer : (programme.sessions.find((session) => sessionLabel(session) === answer.value)?.id ?? answer.value);
      const loggable = checkSessionLoggable(programme, sessionId, deps.now());
      if (!loggable.ok) {
        await step.context.sendActivity(loggable.errors.join(' '));
        return step.endDialog();
      }
      await step.context.sendActivity(cardActivity(await registerView(loggable.value, undefined)));
      return step.endDialog();
    },
  ]);

  /** A register button's session, when the presser keeps the register and the session can be logged; otherwise the refusal. */
  async function registerSessionFor(actor: Actor, sessionId: string, now: Date): Promise<{ ok: true; value: Meeting } | { ok: false; refused: CardVerbResult }> {
    const decision = decide(actor, 'attendance.register', {});
    if (!decision.allowed) return { ok: false, refused: { kind: 'refused', text: refusalText(decision) } };
    const loggable = checkSessionLoggable(await context.programmes.current(), sessionId, now);
    return loggable.ok ? loggable : { ok: false, refused: { kind: 'refused', text: loggable.errors.join(' ') } };
  }

  const registerVerb: CardVerb<typeof RegisterDataSchema> = {
    verb: ATTENDANCE_VERBS.registerSave,
    data: RegisterDataSchema,
    handle: async (_context, data, actor): Promise<CardVerbResult> => {
      const now = deps.now();
      const loggable = await registerSessionFor(actor, data.sessionId, now);
      if (!loggable.ok) return loggable.refused;
      const pages = registerPages(await registerSchools(loggable.value), await deps.directory.liaisonGroups());
      const page = pages.find((candidate) => candidate.id === data.page);
      if (!page) return { kind: 'card', card: await registerView(loggable.value, undefined, { problems: ['That group is not on this session’s register any more, so nothing was saved. Choose a group and try again.'] }) };
      const byStatus = (status: AttendanceStatus) => data.marks.filter((mark) => mark.status === status).map((mark) => mark.urn);
      const unknown = data.marks.filter((mark) => !isStatus(mark.status));
      const changes: Result<AttendanceRecord[]> =
        unknown.length > 0
          ? { ok: false, errors: unknown.map((mark) => `“${mark.status}” is not a register status for the school with URN ${mark.urn}: choose present, sent apologies or absent.`) }
          : registerChanges(
              data.sessionId,
              page.schools.map((school) => school.urn),
              byStatus('present'),
              byStatus('apologies'),
              await context.attendance.forSession(data.sessionId),
              { by: { aadObjectId: actor.aadObjectId, name: actor.name }, now },
            );
      if (!changes.ok) {
        const statuses = new Map(data.marks.flatMap(({ urn, status }) => (isStatus(status) ? [[urn, status] as const] : [])));
        return { kind: 'card', card: await registerView(loggable.value, page.id, { problems: changes.errors, statuses }) };
      }
      await context.attendance.saveRegister(changes.value);
      const onPage = new Set(page.schools.map((school) => school.urn));
      const count = (status: AttendanceStatus) => data.marks.filter((mark) => mark.status === status && onPage.has(mark.urn)).length;
      const saved =
        changes.value.length === 0
          ? `Nothing had changed in ${page.title} since it was last saved.`
          : `Saved ${page.title}: ${count('present')} present, ${count('apologies')} sent apologies, ${page.schools.length - count('present') - count('apologies')} absent.`;
      return { kind: 'card', card: await registerView(loggable.value, page.id, { saved }) };
    },
  };

  const showPageVerb: CardVerb<typeof ShowPageSchema> = {
    verb: ATTENDANCE_VERBS.registerShow,
    data: ShowPageSchema,
    handle: async (_context, data, actor): Promise<CardVerbResult> => {
      const loggable = await registerSessionFor(actor, data.sessionId, deps.now());
      if (!loggable.ok) return loggable.refused;
      return { kind: 'card', card: await registerView(loggable.value, data.showPage) };
    },
  };

  const summary = new WaterfallDialog(SUMMARY_DIALOG, [
    async (step) => {
      const decision = decide(actorOf(step.context), 'attendance.register', {});
      if (!decision.allowed) {
        await step.context.sendActivity(refusalText(decision));
        return step.endDialog();
      }
      const programme = await context.programmes.current();
      const now = deps.now();
      const { sessionId } = step.options as { sessionId?: string };
      const started = startedSessions(programme, now);
      let groupSession = started.find(isUniversal);
      if (sessionId !== undefined) {
        const loggable = checkSessionLoggable(programme, sessionId, now);
        if (!loggable.ok) {
          await step.context.sendActivity(loggable.errors.join(' '));
          return step.endDialog();
        }
        groupSession = loggable.value;
      }
      const [signedUp, champions, groups] = await Promise.all([context.queries.signedUpSchools(), context.queries.championUrns(), deps.directory.liaisonGroups()]);
      // Every school shown is signed up, so only their index entries are read, never every record.
      const { statusAt } = await context.attendance.ofSchools(signedUp.map((school) => school.urn));
      const card = summaryCard({
        programme,
        signedUpCount: signedUp.length,
        sessions: [...started].reverse().map((meeting) => ({ meeting, summary: sessionSummary(meeting.id, sessionAudience(meeting, signedUp, champions), statusAt) })),
        groups: groupSession ? { meeting: groupSession, lines: liaisonGroupSummary(groupSession.id, groups, signedUp, statusAt) } : undefined,
        lastSession: schoolsWithNoAttendanceAtLastSession(programme, now, signedUp, statusAt),
      });
      await step.context.sendActivity(cardActivity(card));
      return step.endDialog();
    },
  ]);

  const exportDialog = new WaterfallDialog(EXPORT_DIALOG, [
    async (step) => {
      const actor = actorOf(step.context);
      const decision = decide(actor, 'export.acrossSchools', {});
      if (!decision.allowed) {
        await step.context.sendActivity(refusalText(decision));
        return step.endDialog();
      }
      const {
        files,
        across: { programme, signedUp, records },
      } = await context.queries.exportFiles(deps.now());
      const [xlsx, csv] = await Promise.all(files.map((file) => deps.exports.create(actor.aadObjectId, file)));
      if (!xlsx || !csv) throw new Error('The attendance export has no files');
      const schoolCount = new Set([...signedUp.map((school) => school.urn), ...records.map((record) => record.urn)]).size;
      const card = exportCard({ xlsxUrl: xlsx.url, csvUrl: csv.url, expiresAt: xlsx.expiresAt, schoolCount, sessionCount: meetingsInOrder(programme).length });
      await step.context.sendActivity(cardActivity(card));
      return step.endDialog();
    },
  ]);

  return { dialogs: [register, summary, exportDialog, new TapChoicePrompt(CHOOSE_SESSION)], verbs: [verb(registerVerb), verb(showPageVerb)] };
}
