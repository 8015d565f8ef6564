import { WaterfallDialog } from 'botbuilder-dialogs';
import { z } from 'zod';
import {
  LIFECYCLE_VERBS as VERBS,
  lifecycleCard,
  lifecycleExportCard,
  myDeploymentsCard,
  partnershipCaseCard,
  schoolDeploymentsCard,
  signpostingCard,
  sitDeploymentsCard,
} from '../../cards/deploymentLifecycleCards.js';
import { decide, refusalText } from '../../domain/access/policy.js';
import { isUnderWay } from '../../domain/deploymentLifecycle/due.js';
import { lifecycleExportRows } from '../../domain/deploymentLifecycle/export.js';
import { applyPartnershipEvent } from '../../domain/deploymentLifecycle/partnership.js';
import { ANNEX_A } from '../../domain/deploymentLifecycle/programme.js';
import { reconcileDays, type Reconciliation } from '../../domain/deploymentLifecycle/reconcile.js';
import type { DeploymentLifecycle } from '../../domain/deploymentLifecycle/record.js';
import { programmesFor } from '../../domain/deploymentLifecycle/signposting.js';
import { parseLifecycleStatement } from '../../domain/deploymentLifecycle/statements.js';
import { DEPLOYMENT_PROGRAMME } from '../../domain/deployment/programme.js';
import { readFormCommand } from '../../domain/deployment/formCommands.js';
import { buildLifecycleWorkbook } from '../../files/deploymentLifecycleWorkbook.js';
import { actorOf, type Actor } from '../actor.js';
import { cardActivity } from '../cardActivity.js';
import { phrases, verb, type CardVerb, type CardVerbResult, type Journey } from '../journey.js';
import { XLSX } from '../ports.js';
import { createDeploymentLifecycleContext, type DeploymentLifecycleDeps } from './context.js';
import { refusalOf } from './queries.js';
import { lifecycleScheduledWork } from './reminders.js';
import { createSteps } from './steps.js';
import { DAY_REMINDERS_EVERY_MINUTES } from '../../domain/time/reminderHours.js';

export type { DeploymentLifecycleDeps } from './context.js';

const STEP = 'lifecycle.step';
const MINE = 'lifecycle.mine';
const SCHOOL = 'lifecycle.school';
const OVERVIEW = 'lifecycle.overview';
const EXPORT = 'lifecycle.export';
const PARTNERSHIP = 'lifecycle.partnership';
const SIGNPOSTING = 'lifecycle.signposting';
const RECONCILE = 'lifecycle.reconcile';
const HOW_TO_EXTEND = 'lifecycle.howToExtend';
const HOW_TO_RECORD = 'lifecycle.howToRecord';

const Id = z.string().trim().min(1).max(100);
const IdData = z.object({ id: Id });
const OpenData = z.object({ id: Id, owner: z.string().trim().min(1).max(200).optional() });
const ApplyData = z.object({ id: Id, typed: z.string().max(2000) });
const ChecklistData = z.object({ id: Id, kind: z.enum(['preEngagement', 'midEngagement']) });
const Words = z.string().max(1000, 'Keep each part of the case to 1000 characters.').optional();
const CaseData = z.object({ id: Id, benefit: Words, schoolAgreed: z.enum(['true', 'false']).optional(), suitableMatch: Words, context: Words });
const Empty = z.object({});

const NO_DEPLOYMENT = 'That deployment is not one of yours, or no longer exists. Say “my deployments” to see yours.';

/**
 * The whole TSI deployment around the form (002 §9): engagement steps, the checklists, the
 * extension and the funded trust partnership, recorded in the system leader's words; "my
 * deployments", the supported school's view, the SIT's overview and export; reminders before
 * each due point.
 */
export function createDeploymentLifecycleJourney(deps: DeploymentLifecycleDeps): Journey {
  const context = createDeploymentLifecycleContext(deps);
  const { lifecycles } = context;
  const steps = createSteps(context);

  const asActivity = (result: CardVerbResult) => (result.kind === 'card' ? cardActivity(result.card) : result.text);

  function command(dialogId: string, run: (actor: Actor, options: Record<string, unknown>) => Promise<CardVerbResult>): WaterfallDialog {
    return new WaterfallDialog(dialogId, [
      async (step) => {
        await step.context.sendActivity(asActivity(await run(actorOf(step.context), (step.options ?? {}) as Record<string, unknown>)));
        return step.endDialog();
      },
    ]);
  }

  /** The actor's own deployment by id, once the policy lets them record on it. */
  async function own(actor: Actor, id: string): Promise<DeploymentLifecycle | { refused: string }> {
    const refusal = steps.mayRecord(actor);
    if (refusal) return { refused: refusal };
    return (await lifecycles.get(actor.aadObjectId, id)) ?? { refused: NO_DEPLOYMENT };
  }

  /** The only deployment under way, or the list to tap one from. */
  async function onlyOne(actor: Actor): Promise<DeploymentLifecycle | CardVerbResult> {
    const refusal = steps.mayRecord(actor);
    if (refusal) return { kind: 'refused', text: refusal };
    const mine = (await lifecycles.listFor(actor.aadObjectId)).filter(isUnderWay);
    if (mine.length === 1 && mine[0]) return mine[0];
    return myDeployments(actor, mine.length > 1 ? 'Open the deployment first, then ask again from its card.' : undefined);
  }

  async function myDeployments(actor: Actor, notice?: string): Promise<CardVerbResult> {
    const mine = await context.mine(actor);
    return mine.ok ? { kind: 'card', card: myDeploymentsCard(mine.view, notice) } : { kind: 'refused', text: refusalOf(mine) };
  }

  async function open(actor: Actor, id: string, owner = actor.aadObjectId): Promise<CardVerbResult> {
    const decision = decide(actor, 'lifecycle.view', { ownerAadObjectId: owner });
    if (!decision.allowed) return { kind: 'refused', text: refusalText(decision) };
    const record = await lifecycles.get(owner, id);
    if (!record) return { kind: 'refused', text: NO_DEPLOYMENT };
    const view = await context.viewOf(record);
    return { kind: 'card', card: lifecycleCard(view, owner === actor.aadObjectId && steps.mayRecord(actor) === undefined) };
  }

  async function schoolView(actor: Actor): Promise<CardVerbResult> {
    const ours = await context.school(actor);
    return ours.ok ? { kind: 'card', card: schoolDeploymentsCard(ours.view) } : { kind: 'refused', text: refusalOf(ours) };
  }

  async function overview(actor: Actor): Promise<CardVerbResult> {
    const all = await context.overview(actor);
    return all.ok ? { kind: 'card', card: sitDeploymentsCard(all.view) } : { kind: 'refused', text: refusalOf(all) };
  }

  async function exportAll(actor: Actor): Promise<CardVerbResult> {
    const all = await context.council(actor);
    if (!all.ok) return { kind: 'refused', text: refusalOf(all) };
    const views = all.view;
    const rows = lifecycleExportRows(views.map((view) => ({ record: view.record, form: view.form?.facts })), context.today());
    const now = deps.now();
    const bytes = await buildLifecycleWorkbook(rows, now);
    const link = await deps.exports.create(actor.aadObjectId, { filename: `deployments-${context.today()}.xlsx`, contentType: XLSX, bytes });
    const overdue = views.filter((view) => view.due[0]?.overdue).length;
    deps.logger.info({ deployments: rows.length, overdue }, 'deployments exported');
    return { kind: 'card', card: lifecycleExportCard({ deployments: rows.length, overdue, workbookUrl: link.url, expiresAt: link.expiresAt }) };
  }

  async function signposting(actor: Actor, record: DeploymentLifecycle): Promise<CardVerbResult> {
    const form = await context.linkedForm(record);
    const areas = form?.areasOfFocus ?? [];
    const labels = DEPLOYMENT_PROGRAMME.areasOfFocus.filter((area) => areas.includes(area.id)).map((area) => area.label);
    const programmes = programmesFor(areas);
    deps.logger.info({ deploymentId: record.id, areas: areas.length, programmes: programmes.length, asker: actor.isSitAdmin ? 'sit' : 'leader' }, 'showed signposting');
    return { kind: 'card', card: signpostingCard(labels, programmes, ANNEX_A.linksNote) };
  }

  function reconciliationText(result: Reconciliation, record: DeploymentLifecycle): string {
    switch (result.kind) {
      case 'not_claimed':
        return `${result.logged} days are logged by date for ${record.recipient.name}; section 6 of the deployment form claims none yet.`;
      case 'match':
        return `The days match: ${result.logged} logged by date and ${result.claimed} claimed in section 6.`;
      case 'mismatch':
        return result.message;
    }
  }

  /** The case already written, to reopen and rewrite; none before one is saved. */
  const savedCase = (record: DeploymentLifecycle) => (record.partnership.status === 'none' ? undefined : record.partnership.case);

  const either = async (found: DeploymentLifecycle | CardVerbResult, then: (record: DeploymentLifecycle) => Promise<CardVerbResult>): Promise<CardVerbResult> =>
    'kind' in found ? found : then(found);

  const dialogs = [
    command(STEP, (actor, options) => steps.record(actor, String(options['typed'] ?? ''))),
    command(MINE, (actor) => myDeployments(actor)),
    command(SCHOOL, (actor) => schoolView(actor)),
    command(OVERVIEW, (actor) => overview(actor)),
    command(EXPORT, (actor) => exportAll(actor)),
    command(PARTNERSHIP, async (actor) => either(await onlyOne(actor), async (record) => ({ kind: 'card', card: partnershipCaseCard(record.id, record.recipient, savedCase(record)) }))),
    command(SIGNPOSTING, async (actor) => either(await onlyOne(actor), (record) => signposting(actor, record))),
    command(RECONCILE, async (actor) =>
      either(await onlyOne(actor), async (record) => {
        const view = await context.viewOf(record);
        return { kind: 'message', text: reconciliationText(reconcileDays(view.record, view.form?.claimedDays), record) };
      }),
    ),
    command(HOW_TO_RECORD, async (actor) => {
      const refusal = steps.mayRecord(actor);
      return refusal
        ? { kind: 'refused', text: refusal }
        : {
            kind: 'message',
            text: 'Tell me each step in a line, when it happens: “the RDP asked me to support Willowmere Primary on 6 January”, “I can support Willowmere Primary”, “contacted the school on 9 January”, “met the school on 12 January”, “delivered day 3 on 14 January”, “pre-engagement checklist done”, “mid-engagement checklist done: a note”, “returned the mid-engagement return to the RDP”, “request an extension of 3 days because …”, “sent the extension request”, “DfE approved 3 days, reference …”, “submitted the partnership case”, “grant offer signed”, “end report sent”. Say “my deployments” to see each one and what is due.',
          };
    }),
    command(HOW_TO_EXTEND, async (actor) => {
      const refusal = steps.mayRecord(actor);
      return refusal
        ? { kind: 'refused', text: refusal }
        : { kind: 'message', text: 'Tell me the days and why, in one line: for example “request an extension of 3 days because phonics needs another half term”. An extension is up to 5 additional days, agreed by DfE.' };
    }),
  ];

  const verbs: CardVerb[] = [
    verb({ verb: VERBS.open, data: OpenData, handle: async (_turn, data: z.infer<typeof OpenData>, actor) => open(actor, data.id, data.owner) }),
    { verb: VERBS.mine, data: Empty, handle: async (_turn, _data, actor) => myDeployments(actor) },
    { verb: VERBS.overview, data: Empty, handle: async (_turn, _data, actor) => overview(actor) },
    { verb: VERBS.export, data: Empty, handle: async (_turn, _data, actor) => exportAll(actor) },
    verb({ verb: VERBS.apply, data: ApplyData, handle: async (_turn, data: z.infer<typeof ApplyData>, actor) => steps.record(actor, data.typed, data.id) }),
    // The buttons say what the system leader would type, and go the same way.
    verb({ verb: VERBS.logToday, data: IdData, handle: async (_turn, data: z.infer<typeof IdData>, actor) => steps.record(actor, 'delivered a day today', data.id) }),
    verb({
      verb: VERBS.checklist,
      data: ChecklistData,
      handle: async (_turn, data: z.infer<typeof ChecklistData>, actor) => steps.record(actor, `${data.kind === 'preEngagement' ? 'pre' : 'mid'}-engagement checklist done`, data.id),
    }),
    verb({ verb: VERBS.extensionSent, data: IdData, handle: async (_turn, data: z.infer<typeof IdData>, actor) => steps.record(actor, 'sent the extension request', data.id) }),
    verb({
      verb: VERBS.signposting,
      data: IdData,
      handle: async (_turn, data: z.infer<typeof IdData>, actor) => {
        const record = await own(actor, data.id);
        return 'refused' in record ? { kind: 'refused', text: record.refused } : signposting(actor, record);
      },
    }),
    verb({
      verb: VERBS.partnershipCase,
      data: CaseData,
      handle: async (_turn, data: z.infer<typeof CaseData>, actor) => {
        const record = await own(actor, data.id);
        if ('refused' in record) return { kind: 'refused', text: record.refused };
        const written = { benefit: data.benefit?.trim() ?? '', schoolAgreed: data.schoolAgreed === 'true', suitableMatch: data.suitableMatch?.trim() || undefined, context: data.context?.trim() ?? '' };
        const form = await context.linkedForm(record);
        const saved = await lifecycles.change(actor.aadObjectId, data.id, deps.now(), (current) => applyPartnershipEvent(current, { kind: 'writeCase', on: context.today(), case: written }, context.today(), form?.recommends));
        if (!saved.ok) return { kind: 'card', card: partnershipCaseCard(record.id, record.recipient, written, saved.errors) };
        return steps.answerWith(saved.value, 'Saved the trust partnership case. Submit it to your RDP with the end-of-deployment return, then say “submitted the partnership case”.');
      },
    }),
  ];

  const isStep = (text: string) => readFormCommand(text) === undefined && parseLifecycleStatement(text, context.today()) !== undefined;

  return {
    id: 'deploymentLifecycle',
    dialogs,
    commands: [
      {
        summary: {
          title: 'My deployments',
          description: 'Each TSI deployment you support, from the RDP’s contact to the enhanced strand: its stage, what is due next and the days used of those agreed.',
          command: 'my deployments',
          example: 'my deployments',
        },
        scopes: ['personal'],
        match: phrases('my deployments', 'my tsi deployments', 'show my deployments', 'deployment dates'),
        dialogId: MINE,
        examples: ['due dates on my tsi deployments', 'next step on my tsi deployment', 'schools I am supporting', 'my tsi schools'],
      },
      {
        scopes: ['personal'],
        match: (text) => (text.length <= 2000 && isStep(text) ? { typed: text } : undefined),
        dialogId: STEP,
        examples: ['the rdp asked me to support a school', 'pre engagement checklist done', 'returned the mid-engagement return to the rdp', 'sent the extension request', 'grant offer signed'],
      },
      {
        // The help card's button sends its command: this one explains, where a step would record something.
        summary: {
          title: 'Record a deployment step',
          description: 'Tell me each step as it happens: “I can support Willowmere”, “met the school on 12 January”, “mid-engagement checklist done”, “request an extension of 3 days because …”, “DfE approved 3 days”.',
          command: 'record a deployment step',
          example: 'met the school on 12 January',
        },
        scopes: ['personal'],
        match: phrases('record a deployment step', 'deployment steps', 'how do I record a deployment step'),
        dialogId: HOW_TO_RECORD,
      },
      { scopes: ['personal'], match: phrases('request an extension', 'ask for an extension', 'extension request', 'extra days'), dialogId: HOW_TO_EXTEND, examples: ['can I ask for more days', 'additional support days'] },
      { scopes: ['personal'], match: phrases('trust partnership case', 'write the partnership case', 'funded trust partnership', 'trust partnership'), dialogId: PARTNERSHIP, examples: ['write up the trust partnership', 'ten thousand pound partnership'] },
      { scopes: ['personal'], match: phrases('signposting', 'programmes to signpost', 'annex a programmes', 'which programmes'), dialogId: SIGNPOSTING, examples: ['what dfe programmes could help', 'approved programmes for this school'] },
      { scopes: ['personal'], match: phrases('reconcile days', 'check my days', 'check days against the claim'), dialogId: RECONCILE, examples: ['do my days match the claim', 'compare days logged and claimed'] },
      {
        summary: { title: 'Our deployment', description: 'The TSI deployment supporting your school: its stage and the dates agreed.', command: 'our deployment', example: 'our deployment' },
        scopes: ['personal'],
        match: phrases('our deployment', 'our tsi deployment', 'our school’s deployment', "our school's deployment"),
        dialogId: SCHOOL,
        examples: ['when is our system leader visiting', 'our tsi support dates'],
      },
      {
        summary: { title: 'Deployments', description: 'Every TSI deployment in the council, overdue steps first; export as Excel.', command: 'deployments', example: 'deployments' },
        forSitAdmins: true,
        scopes: ['personal'],
        match: phrases('deployments', 'all deployments', 'tsi deployments', 'overdue deployments'),
        dialogId: OVERVIEW,
        examples: ['which deployments are overdue', 'every tsi deployment in the council'],
      },
      { forSitAdmins: true, scopes: ['personal'], match: phrases('export deployments', 'export tsi deployments', 'deployments workbook'), dialogId: EXPORT, examples: ['excel of all tsi deployments'] },
    ],
    verbs,
    scheduled: lifecycleScheduledWork(context),
    scheduledEveryMinutes: DAY_REMINDERS_EVERY_MINUTES,
  };
}
