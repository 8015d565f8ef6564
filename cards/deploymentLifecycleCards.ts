/**
 * What the deployment lifecycle shows: one deployment for its system leader, the list of theirs,
 * the supported school's view, the SIT's overview, the extension request, the partnership case,
 * the signposting to Annex A, and the SIT's export. Built in code (like choiceCard), since every
 * card here is a list of facts and buttons; whatever anyone typed is escaped.
 */
import { STAGE_TITLES, type DueStep, type Stage } from '../domain/deploymentLifecycle/due.js';
import type { AnnexAProgramme } from '../domain/deploymentLifecycle/programme.js';
import type { DeploymentLifecycle, Recipient } from '../domain/deploymentLifecycle/record.js';
import { recipientNoun } from '../domain/deploymentLifecycle/recipientNoun.js';
import { formatLongDate } from '../domain/tsi/academicYear.js';
import { describeLondonInstant } from '../domain/time/londonTime.js';
import { escapeMarkdown } from './markdown.js';
import { CARD_SCHEMA_VERSION, type AdaptiveCard } from './render.js';

/** The verbs the lifecycle cards' buttons send (Action.Execute, or Action.Submit as fallback). */
export const LIFECYCLE_VERBS = {
  open: 'lifecycle.open',
  mine: 'lifecycle.mine',
  logToday: 'lifecycle.logToday',
  checklist: 'lifecycle.checklist',
  apply: 'lifecycle.apply',
  extensionSent: 'lifecycle.extension.sent',
  partnershipCase: 'lifecycle.partnership.case',
  signposting: 'lifecycle.signposting',
  overview: 'lifecycle.overview',
  export: 'lifecycle.export',
} as const;

function button(title: string, verb: string, data: object = {}): object {
  return { type: 'Action.Execute', title, verb, data, fallback: { type: 'Action.Submit', title, data: { verb, ...data } } };
}

const card = (body: object[], actions: object[] = []): AdaptiveCard => ({ type: 'AdaptiveCard', version: CARD_SCHEMA_VERSION, body, ...(actions.length > 0 ? { actions } : {}) });
const heading = (text: string): object => ({ type: 'TextBlock', text, wrap: true, style: 'heading', size: 'Large', weight: 'Bolder' });
const line = (text: string, extra: object = {}): object => ({ type: 'TextBlock', text, wrap: true, ...extra });
const facts = (rows: readonly (readonly [string, string | undefined])[]): object => ({
  type: 'FactSet',
  facts: rows.filter((row): row is readonly [string, string] => row[1] !== undefined).map(([title, value]) => ({ title, value })),
});
// Words, not colour, carry the meaning: Teams' colours fall under 4.5:1 contrast in one theme or the other.
const noticeBlock = (notice: string | undefined): object[] => (notice ? [line(notice, { weight: 'Bolder' })] : []);
const problemBlock = (problems: readonly string[] | undefined): object[] => (problems && problems.length > 0 ? [line(`**Please check**: ${problems.map(escapeMarkdown).join('\n\n')}`)] : []);
const date = (iso: string | undefined): string | undefined => (iso ? formatLongDate(iso) : undefined);
const dueText = (step: DueStep): string => `${step.overdue ? '**Overdue**: ' : ''}${step.title}, by ${formatLongDate(step.dueOn)}`;
export const recipientText = (record: Pick<DeploymentLifecycle, 'recipient'>): string =>
  `${escapeMarkdown(record.recipient.name)}${record.recipient.urn ? ` (URN ${record.recipient.urn})` : ''}`;
const daysOf = (used: number, agreed: number) => `${used} of ${agreed}`;

export interface LifecycleView {
  readonly record: DeploymentLifecycle;
  readonly stage: Stage;
  readonly due: readonly DueStep[];
  readonly daysUsed: number;
  readonly notice?: string | undefined;
  readonly problems?: readonly string[] | undefined;
}

const EXTENSION_WORDS = { none: undefined, draft: 'drafted, not sent', sent: 'sent, waiting for DfE', approved: 'approved by DfE', refused: 'refused by DfE' } as const;
const PARTNERSHIP_WORDS = {
  none: undefined,
  case_written: 'case written, not submitted',
  submitted: 'submitted with the end-of-deployment return',
  declined: 'declined by DfE',
  approved: 'approved: grant offer to sign',
  first_payment_due: 'grant offer signed: first £5,000',
  second_payment_due: 'end report sent: second £5,000',
} as const;

/** One deployment as its system leader (or the SIT) sees it: stage, dates, days, checklists, strands and what is due. */
export function lifecycleCard(view: LifecycleView, canRecord: boolean): AdaptiveCard {
  const { record } = view;
  const { engagement, checklists, extension, partnership } = record;
  const mid = checklists.midEngagement;
  const ability = engagement.ability ? `${engagement.ability.canSupport ? 'Yes' : 'No'}, ${formatLongDate(engagement.ability.on)}` : undefined;
  const body = [
    heading(recipientText(record)),
    ...noticeBlock(view.notice),
    ...problemBlock(view.problems),
    facts([
      ['Stage', STAGE_TITLES[view.stage]],
      ['System leader', escapeMarkdown(record.ownerName)],
      ['Days delivered', `${daysOf(view.daysUsed, record.agreedDays)} agreed`],
      ['RDP’s contact', date(engagement.rdpContactOn)],
      ['Can support', ability],
      ['Deployment information', date(engagement.deploymentInfoOn)],
      [`${recipientNoun(record.recipient) === 'trust' ? 'Trust' : 'School'} contacted`, date(engagement.schoolContactedOn)],
      ['First visit', date(engagement.firstVisitOn)],
      ['Pre-engagement checklist', checklists.preEngagement ? `done ${formatLongDate(checklists.preEngagement.doneOn)}${checklists.preEngagement.note ? `: ${escapeMarkdown(checklists.preEngagement.note)}` : ''}` : undefined],
      ['Mid-engagement checklist', mid ? `done ${formatLongDate(mid.doneOn)}${mid.returnedToRdpOn ? `, returned to the RDP ${formatLongDate(mid.returnedToRdpOn)}` : ''}${mid.note ? `: ${escapeMarkdown(mid.note)}` : ''}` : undefined],
      ['Extension', EXTENSION_WORDS[extension.status] && `${EXTENSION_WORDS[extension.status]}${extension.status === 'approved' ? `: ${extension.approvedDays} days, to deliver by ${formatLongDate(extension.windowEndsOn)}` : ''}`],
      ['Trust partnership', PARTNERSHIP_WORDS[partnership.status]],
    ]),
    line(view.due.length > 0 ? `**What is due**\n\n${view.due.map((step) => `- ${dueText(step)}`).join('\n')}` : 'Nothing is due just now.'),
    ...(record.days.length > 0 ? [line(`**Days logged**: ${record.days.map((day) => `${formatLongDate(day.date)}${day.days < 1 ? ' (half day)' : ''}`).join(', ')}`, { isSubtle: true })] : []),
  ];
  const id = { id: record.id };
  const actions = canRecord && view.stage !== 'not_supporting'
    ? [
        button('Log a day today', LIFECYCLE_VERBS.logToday, id),
        button(checklists.preEngagement ? 'Mid-engagement checklist done' : 'Pre-engagement checklist done', LIFECYCLE_VERBS.checklist, { ...id, kind: checklists.preEngagement ? 'midEngagement' : 'preEngagement' }),
        ...(extension.status === 'draft' ? [button('I sent the request today', LIFECYCLE_VERBS.extensionSent, id)] : []),
        button('Programmes to signpost', LIFECYCLE_VERBS.signposting, id),
        button('My deployments', LIFECYCLE_VERBS.mine),
      ]
    : [];
  return card(body, actions);
}

export interface DeploymentRow {
  readonly id: string;
  /** The system leader's id: with the deployment's id, what opens it. */
  readonly owner: string;
  readonly recipient: string;
  readonly urn?: string | undefined;
  readonly stage: Stage;
  readonly next?: DueStep | undefined;
  readonly daysUsed: number;
  readonly agreedDays: number;
  readonly systemLeader?: string | undefined;
}

const rowBlock = (row: DeploymentRow, openable: boolean): object => ({
  type: 'Container',
  separator: true,
  items: [
    line(`**${escapeMarkdown(row.recipient)}**${row.urn ? ` (URN ${row.urn})` : ''}${row.systemLeader ? `, with ${escapeMarkdown(row.systemLeader)}` : ''}`),
    line(`${STAGE_TITLES[row.stage]} · days ${daysOf(row.daysUsed, row.agreedDays)} · ${row.next ? dueText(row.next) : 'nothing due'}`, { isSubtle: !row.next?.overdue, spacing: 'None' }),
  ],
  ...(openable ? { selectAction: { type: 'Action.Submit', title: `Open ${row.recipient}`, data: { verb: LIFECYCLE_VERBS.open, id: row.id, owner: row.owner } } } : {}),
});

/** "My deployments": each with its stage, what is due next and the days used of those agreed; a tap opens one. */
export function myDeploymentsCard(rows: readonly DeploymentRow[], notice?: string): AdaptiveCard {
  if (rows.length === 0) {
    return card([heading('Your deployments'), ...noticeBlock(notice), line('You have no deployment recorded yet. When your RDP asks you to support a school, say for example “the RDP asked me to support Willowmere Primary”, then “I can support Willowmere Primary”.')]);
  }
  return card([heading('Your deployments'), ...noticeBlock(notice), line('Tap one to open it.', { isSubtle: true }), ...rows.map((row) => rowBlock(row, true))]);
}

/** Several deployments could be meant: the system leader taps the one. */
export function whichDeploymentCard(rows: readonly DeploymentRow[], typed: string): AdaptiveCard {
  // A list with one button, so that long or similar names are shown whole (a button's title is cut short).
  return card(
    [
      heading('Which deployment is that for?'),
      line(escapeMarkdown(typed.slice(0, 300)), { isSubtle: true }),
      {
        type: 'Input.ChoiceSet',
        id: 'id',
        label: 'The school or trust',
        style: 'expanded',
        wrap: true,
        isRequired: true,
        errorMessage: 'Choose one of these first.',
        choices: rows.map((row) => ({ title: `${row.recipient}${row.urn ? ` (URN ${row.urn})` : ''}`, value: row.id })),
      },
    ],
    [{ type: 'Action.Submit', title: 'Record it there', data: { verb: LIFECYCLE_VERBS.apply, typed } }],
  );
}

export interface SchoolDeploymentView {
  readonly recipient: string;
  readonly systemLeader: string;
  readonly stage: Stage;
  readonly agreedDays: number;
  readonly firstVisitOn?: string | undefined;
  readonly daysOn: readonly string[];
  readonly extensionWindowEndsOn?: string | undefined;
}

/** The supported school's view: the stage and the dates agreed, nothing of the system leader's notes. */
export function schoolDeploymentsCard(views: readonly SchoolDeploymentView[]): AdaptiveCard {
  if (views.length === 0) return card([heading('Your school’s deployment'), line('No TSI deployment supporting your school is recorded here yet.')]);
  return card([
    heading('Your school’s deployment'),
    ...views.map((view) => ({
      type: 'Container',
      separator: true,
      items: [
        line(`**${escapeMarkdown(view.recipient)}**, supported by ${escapeMarkdown(view.systemLeader)}`),
        facts([
          ['Stage', STAGE_TITLES[view.stage]],
          ['Days agreed', String(view.agreedDays)],
          ['First visit', date(view.firstVisitOn)],
          ['Days delivered', view.daysOn.length > 0 ? view.daysOn.map(formatLongDate).join(', ') : 'none yet'],
          ['Additional days to deliver by', date(view.extensionWindowEndsOn)],
        ]),
      ],
    })),
  ]);
}

/** Every deployment in the council, those with an overdue step first. */
export function sitDeploymentsCard(rows: readonly DeploymentRow[]): AdaptiveCard {
  const overdue = rows.filter((row) => row.next?.overdue).length;
  return card(
    [
      heading('Deployments in the council'),
      line(rows.length === 0 ? 'No deployment is recorded yet.' : `${rows.length} deployments; ${overdue} with an overdue step (listed first).`),
      ...rows.map((row) => rowBlock(row, true)),
    ],
    rows.length > 0 ? [button('Export as Excel', LIFECYCLE_VERBS.export)] : [],
  );
}

/** The drafted request for the RDP, to copy into an email, and the button to say it was sent. */
export function extensionDraftCard(id: string, owner: string, text: string, notice?: string): AdaptiveCard {
  return card(
    [heading('Your extension request'), ...noticeBlock(notice), line('Copy this into your email to your RDP, who will check it and share it with DfE’s Regions Group. When you have sent it, tap the button.'), line(escapeMarkdown(text), { fontType: 'Monospace' })],
    [button('I sent the request today', LIFECYCLE_VERBS.extensionSent, { id }), button('Open the deployment', LIFECYCLE_VERBS.open, { id, owner })],
  );
}

/** What the partnership case card shows: the case as saved, or as sent when a save was refused. */
export interface PartnershipCaseValues {
  readonly benefit?: string | undefined;
  readonly schoolAgreed?: boolean | undefined;
  readonly suitableMatch?: string | undefined;
  readonly context?: string | undefined;
}

/** The written case for a funded trust partnership, with the parts 002 asks for. */
export function partnershipCaseCard(id: string, recipient: Pick<Recipient, 'kind' | 'name'>, values: PartnershipCaseValues = {}, problems?: readonly string[]): AdaptiveCard {
  const text = (inputId: string, label: string, value: string | undefined, isRequired: boolean) => ({
    type: 'Input.Text', id: inputId, label, value: value ?? '', isMultiline: true, maxLength: 1000, isRequired, ...(isRequired ? { errorMessage: `${label}: needed.` } : {}),
  });
  const noun = recipientNoun(recipient);
  return card(
    [
      heading(`Funded trust partnership: ${escapeMarkdown(recipient.name)}`),
      line('002 asks for a written case, separate from the deployment form, submitted to your RDP with the end-of-deployment return. DfE funds £10,000, paid as two £5,000 payments.', { isSubtle: true }),
      ...problemBlock(problems),
      // 002's words even when a trust is supported: the case "sets out the potential benefit to the school".
      text('benefit', 'The potential benefit to the school', values.benefit, true),
      { type: 'Input.Toggle', id: 'schoolAgreed', label: `The ${noun}’s agreement`, title: `The ${noun} agrees to enter into a trust partnership`, valueOn: 'true', valueOff: 'false', value: values.schoolAgreed ? 'true' : 'false' },
      text('suitableMatch', 'A suitable match, if identified', values.suitableMatch, false),
      text('context', 'Context to help DfE find a partner trust (existing relationships, preferred trust)', values.context, true),
    ],
    [button('Save the case', LIFECYCLE_VERBS.partnershipCase, { id })],
  );
}

/** Annex A's programmes for the areas of focus, with who can use each, how to access it and its contacts. */
export function signpostingCard(areas: readonly string[], programmes: readonly AnnexAProgramme[], linksNote: string): AdaptiveCard {
  return card([
    heading('Programmes to signpost (Annex A)'),
    line(areas.length > 0 ? `For: ${areas.join('; ')}.` : 'No areas of focus are chosen in section 2 of the deployment form yet, so here is all of Annex A.'),
    line(linksNote, { isSubtle: true }),
    ...programmes.map((programme) => ({
      type: 'Container',
      separator: true,
      items: [line(`**${programme.name}** (${programme.group})`), facts([['Who can use it', programme.whoCanUse], ['How to access it', programme.howToAccess], ['Contact', programme.contacts.length > 0 ? programme.contacts.join(', ') : undefined]])],
    })),
  ]);
}

export function lifecycleExportCard(input: { deployments: number; overdue: number; workbookUrl: string; expiresAt: Date }): AdaptiveCard {
  return card(
    [heading('Deployments exported'), line(`${input.deployments} deployments, ${input.overdue} with an overdue step. The link works for you only, until ${describeLondonInstant(input.expiresAt)}.`)],
    [{ type: 'Action.OpenUrl', title: 'Download the workbook', url: input.workbookUrl }],
  );
}
