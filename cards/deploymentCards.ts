import daysMismatchTemplate from './templates/deployment/daysMismatch.json' with { type: 'json' };
import draftsTemplate from './templates/deployment/drafts.json' with { type: 'json' };
import progressTemplate from './templates/deployment/progress.json' with { type: 'json' };
import answeredTemplate from './templates/deployment/answered.json' with { type: 'json' };
import questionTemplate from './templates/deployment/question.json' with { type: 'json' };
import schoolConfirmationTemplate from './templates/deployment/schoolConfirmation.json' with { type: 'json' };
import sectionFormTemplate from './templates/deployment/sectionForm.json' with { type: 'json' };
import sectionReviewTemplate from './templates/deployment/sectionReview.json' with { type: 'json' };
import sectionStartTemplate from './templates/deployment/sectionStart.json' with { type: 'json' };
import submissionTemplate from './templates/deployment/submission.json' with { type: 'json' };
import type { MaskedBankDetails } from '../domain/deployment/bankDetails.js';
import { formatDate, formReadiness, sectionCompleteness, sectionTitle, type DeploymentDraft, type FormField, type SectionNumber } from '../domain/deployment/form.js';
import { SECTIONS_SHOWN_TO_SCHOOL } from '../domain/deployment/confirmers.js';
import type { FormPosition } from '../domain/deployment/navigation.js';
import { formProgress } from '../domain/deployment/progress.js';
import { recipientNoun } from '../domain/deploymentLifecycle/recipientNoun.js';
import { blankIsAnAnswer } from '../domain/deployment/sectionAnswers.js';
import { sectionRows } from '../domain/deployment/workbook.js';
import { fieldSpec, fieldsOf, type SectionValues } from '../domain/deployment/sections.js';
import { escapeMarkdown } from './markdown.js';
import { renderCard, type AdaptiveCard } from './render.js';

/** The card verbs of the deployment form (Action.Execute, with Action.Submit `{ verb, ... }` as fallback). */
export const DEPLOYMENT_VERBS = {
  saveSection: 'deployment.saveSection',
  sectionCard: 'deployment.sectionCard',
  recordDay: 'deployment.recordDay',
  confirm: 'deployment.confirm',
  query: 'deployment.query',
  sendToSchool: 'deployment.sendToSchool',
} as const;

/** Which form a card is about: its owner and id, carried by every button. */
export interface FormRef {
  readonly ownerAadObjectId: string;
  readonly draftId: string;
}

/** What a card about the form is headed with: the school or trust it supports, once named. */
export function formTitle(draft: DeploymentDraft): string {
  return draft.sections[1].recipientName ?? 'Your deployment form';
}

/** The supported school or trust, as a sentence names it. */
export function supportedName(draft: DeploymentDraft): string {
  return draft.sections[1].recipientName ?? 'the school or trust';
}

const sectionLabel = (section: SectionNumber): string => `section ${section} (${sectionTitle(section)})`;

const NAVIGATION_HINT = 'At any question you can say "back", "skip", "review", "go to section 3", "start over", "help" or "cancel".';

// Drafts to resume

export interface DraftSummary {
  readonly draft: DeploymentDraft;
  /** Where the conversation about it stands. */
  readonly position: FormPosition;
}

/** Where a form's conversation stands, in words: the question it is at, or the section. */
function whereItStands({ section, field }: FormPosition): string {
  const label = field === undefined ? undefined : fieldSpec(section, field)?.label;
  return label === undefined ? `section ${section} (${sectionTitle(section)})` : `section ${section}, ${label}`;
}

export function draftsCard(drafts: readonly DraftSummary[], londonDate: (iso: string) => string): AdaptiveCard {
  return renderCard(draftsTemplate, {
    title: 'Your deployment forms',
    intro: 'Carry on with a form where you left it, or start a new one.',
    drafts: drafts.map(({ draft, position }, index) => ({
      number: index + 1,
      name: draft.sections[1].recipientName ?? 'Not named yet',
      detail: `Started ${formatDate(londonDate(draft.createdAt))}; last changed ${formatDate(londonDate(draft.updatedAt))}. Next: ${whereItStands(position)}.`,
      draftId: draft.id,
      resumeTitle: 'Carry on with this form',
    })),
    newTitle: 'Start a new form',
  });
}

// Asking one question at a time

export interface SectionStartView {
  readonly ref: FormRef;
  readonly section: SectionNumber;
  readonly notes: readonly string[];
}

export function sectionStartCard(view: SectionStartView): AdaptiveCard {
  return renderCard(sectionStartTemplate, {
    title: `Section ${view.section} of 8: ${sectionTitle(view.section)}`,
    notes: view.notes,
    hint: `I will ask one question at a time; you can also fill in the whole section on a card. ${NAVIGATION_HINT}`,
    cardTitle: `Fill in section ${view.section} on a card`,
    verb: DEPLOYMENT_VERBS.sectionCard,
    ownerAadObjectId: view.ref.ownerAadObjectId,
    draftId: view.ref.draftId,
    section: view.section,
  });
}

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;

/** Questions with a dropdown on the form are asked on a card: buttons for a few choices, a list for more. */
export const isAskedOnACard = (field: FormField): boolean => field.kind === 'choice' || field.kind === 'multiChoice' || field.kind === 'yesNo';

const MOST_BUTTONS = 5;

export interface QuestionView {
  readonly field: FormField;
  /** The answer already given, in words, when the question is asked again. */
  readonly current?: string | undefined;
}

export function questionCard(view: QuestionView): AdaptiveCard {
  const { field } = view;
  const choices = (field.kind === 'yesNo' ? YES_NO : (field.choices ?? [])).map((choice) => ({ title: choice.label, value: choice.value }));
  const multiple = field.kind === 'multiChoice';
  const asButtons = !multiple && choices.length <= MOST_BUTTONS;
  return renderCard(questionTemplate, {
    question: field.question,
    current: view.current ?? '',
    label: field.label,
    field: field.name,
    asButtons,
    buttons: asButtons ? choices : [],
    choices,
    multiple,
    choiceStyle: multiple ? 'expanded' : 'compact',
    placeholder: 'Choose one',
    required: !blankIsAnAnswer(field.section, field.name),
    errorMessage: multiple ? 'Choose at least one.' : 'Choose one.',
    value: '',
    saveTitle: 'Save my answer',
    hint: asButtons ? 'Press a button, or type your answer.' : 'Choose and press "Save my answer", or type your answer: "the second" picks the second in the list.',
  });
}

/** What the chat says after a button answered a question: the answer saved, in words. */
export function savedAnswerLine(answer: string): string {
  return `Saved: ${answer}.`;
}

/**
 * A question card once answered, drawn again in place of the one with buttons: the question and
 * the answer saved, so the conversation above shows what was chosen rather than a blank card.
 */
export function answeredQuestionCard(view: { readonly question: string; readonly answer: string }): AdaptiveCard {
  return renderCard(answeredTemplate, {
    question: view.question,
    saved: savedAnswerLine(view.answer),
    hint: 'To change it, say "back" at the next question, or "review" to see the section.',
  });
}

/** The form's own help, given at any of its questions instead of the bot's general help. */
export function formHelpText(section: SectionNumber): string {
  return [
    'In the deployment form, at any question you can say:',
    '- "back": the question before',
    '- "skip": leave this question for later',
    `- "review": section ${section}'s answers so far`,
    '- "go to section 3" (any of 1 to 8; section 7 is the school\'s or trust\'s to confirm)',
    '- "card": fill in the whole section on one card',
    `- "start over": section ${section} again from its first question, with your answers kept to change or keep`,
    '- "delivered day 3 on 12 March", or "progress" to see where the deployment stands',
    '- "send to school" once the work is reported, and "export deployment form" to download it',
    '- "cancel": stop for now; every answer is saved, and "deployment form" carries on where you left it',
  ].join('\n');
}

/** A question asked again shows what is saved, so the system leader can keep it. */
export function currentAnswerLine(answer: string): string {
  return `Saved answer: ${answer}. Give a new answer, or say "skip" to keep it.`;
}

// A whole section on one card

/** When a question on the card applies only after another answer, its label says so. */
const CONDITIONS: Readonly<Record<string, string>> = {
  '1.urn': 'for a school',
  '1.trust': 'for a school; leave blank if it is not in a trust',
  '1.phase': 'for a school',
  '1.localAuthority': 'for a school',
  '2.otherAreaNote': 'only if you chose "Other"',
  '2.mechanismsOfSupport': 'leave blank for none',
  '3.amendments': 'leave blank for none',
  '4.notCompletedReason': 'only if not all were completed',
  '4.trustPartnershipCaseNote': 'only if you recommend a funded trust partnership',
  '4.extraDaysRecommended': 'only if you recommend additional days',
  '6.extensionApprovedDays': 'only if you delivered more than 10 days',
  '6.approvalReference': 'only if DfE approved extra days',
  '8.sentToSchoolAt': 'once you have signed it',
  '8.submittedToRdpAt': 'once you have sent it to the school',
};

const BANK_INPUTS: Readonly<Record<string, { readonly regex: string; readonly example: string; readonly masked: keyof MaskedBankDetails }>> = {
  accountName: { regex: '', example: 'The name on the account', masked: 'accountName' },
  sortCode: { regex: '^\\s*\\d{2}[\\s-]?\\d{2}[\\s-]?\\d{2}\\s*$', example: 'For example 12-34-56', masked: 'sortCode' },
  accountNumber: { regex: '^\\s*(?:\\d[\\s-]?){7}\\d\\s*$', example: 'Eight digits', masked: 'accountNumber' },
};

/** A saved answer as a card input holds it. */
function inputValue(value: unknown): string | number {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'number') return value;
  return String(value);
}

/** A typed answer put back into the card: Input.Number drops a value given as a string. */
function typedValue(kind: string, typed: string): string | number {
  const number = Number(typed);
  return kind === 'number' && typed.trim() !== '' && Number.isFinite(number) ? number : typed;
}

const CARD_KIND: Record<FormField['kind'], 'text' | 'number' | 'date' | 'choice'> = {
  text: 'text',
  longText: 'text',
  dateTime: 'text',
  number: 'number',
  date: 'date',
  choice: 'choice',
  multiChoice: 'choice',
  yesNo: 'choice',
};

const ERROR_MESSAGES: Record<'text' | 'number' | 'date' | 'choice', string> = {
  text: 'Please fill this in.',
  number: 'Give a number, such as 9 or 9.5.',
  date: 'Choose a date.',
  choice: 'Choose an answer.',
};

function fieldInput(section: SectionNumber, field: FormField, saved: SectionValues, typed: Readonly<Record<string, string>> | undefined) {
  const kind = CARD_KIND[field.kind];
  const condition = CONDITIONS[`${section}.${field.name}`] ?? (field.optional ? 'optional' : undefined);
  const choices = (field.kind === 'yesNo' ? YES_NO : (field.choices ?? [])).map((choice) => ({ title: choice.label, value: choice.value }));
  const multiple = field.kind === 'multiChoice';
  const bank = section === 5 ? BANK_INPUTS[field.name] : undefined;
  const masked = section === 5 ? (saved['masked'] as MaskedBankDetails | undefined) : undefined;
  return {
    id: field.name,
    kind,
    label: condition === undefined ? field.label : `${field.label} (${condition})`,
    // Bank details are never put back into a card: the saved ones show masked, as a hint.
    value: bank !== undefined ? '' : typed !== undefined ? typedValue(kind, typed[field.name] ?? '') : inputValue(saved[field.name]),
    placeholder: bank !== undefined ? (masked !== undefined ? `Saved: ${masked[bank.masked]}` : bank.example) : kind === 'choice' ? 'Choose one' : '',
    multiline: field.kind === 'longText',
    maxLength: field.kind === 'longText' ? 1000 : 200,
    // Nothing is required: the form says a blank keeps what was saved, and the server lists what is still missing.
    regex: bank?.regex ?? '',
    errorMessage: bank !== undefined ? `${field.label}: ${bank.example.toLowerCase()}.` : ERROR_MESSAGES[kind],
    min: 0,
    max: 15,
    choices,
    multiple,
    choiceStyle: multiple || choices.length <= 4 ? 'expanded' : 'compact',
  };
}

export interface SectionFormView {
  readonly ref: FormRef;
  readonly draft: DeploymentDraft;
  readonly section: SectionNumber;
  /** YYYY-MM-DD: date pickers allow nothing later. */
  readonly today: string;
  /** What was typed on the card last time, shown again with the problems (never for bank details). */
  readonly typed?: Readonly<Record<string, string>>;
  readonly problems?: readonly string[];
  /** Set after a save: what was saved and what is left. */
  readonly saved?: string;
  /** Without the key that seals bank details, section 5 cannot be filled in. */
  readonly bankDetailsKeyMissing?: boolean;
}

export function sectionFormCard(view: SectionFormView): AdaptiveCard {
  const { section, draft } = view;
  const saved = draft.sections[section] as SectionValues;
  const canSave = section !== 7 && !(section === 5 && view.bankDetailsKeyMissing === true);
  const intro =
    section === 5
      ? view.bankDetailsKeyMissing === true
        ? BANK_DETAILS_KEY_MISSING
        : 'DfE pays your claim into this account. I keep these details encrypted and only ever show them masked; enter all three to save or replace them.'
      : `Fill in what you can and press Save: anything you leave blank stays as it is. Your answers are saved to the same form as our chat.`;
  return renderCard(sectionFormTemplate, {
    title: `${formTitle(draft)}: section ${section} of 8, ${sectionTitle(section)}`,
    intro,
    saved: view.saved ?? '',
    problemsHeading: 'Nothing was saved. Please check this, then press Save again:',
    problems: view.problems ?? [],
    fields: canSave ? fieldsOf(section).filter((field) => field.fillableBySystemLeader).map((field) => fieldInput(section, field, saved, section === 5 ? undefined : view.typed)) : [],
    today: view.today,
    canSave,
    saveTitle: `Save section ${section}`,
    verb: DEPLOYMENT_VERBS.saveSection,
    ownerAadObjectId: view.ref.ownerAadObjectId,
    draftId: view.ref.draftId,
    section,
  });
}

/** What section 5 says when the bot has no key to seal bank details with. */
export const BANK_DETAILS_KEY_MISSING =
  'I cannot take bank details yet: I keep them encrypted, and the key for that has not been set up on this bot. Please ask the School Improvement Team to have it set up; you can add them once that is done, or put them on the form yourself after you export it.';

/** What a saved section still needs, in one line. */
export function savedLine(draft: DeploymentDraft, section: SectionNumber): string {
  const { complete, missing, problems } = sectionCompleteness(draft, section);
  if (complete) return `Saved: section ${section} is complete.`;
  if (missing.length > 0) return `Saved. Still to answer in section ${section}: ${missing.join(', ')}.`;
  return `Saved, but please check: ${problems.join(' ')}`;
}

// Review

/**
 * A section's answers as label and value, bank details masked, unanswered questions said so.
 * The answers are escaped: the school reads the system leader's, and the system leader the school's.
 */
export function reviewRows(draft: DeploymentDraft, section: SectionNumber): { label: string; value: string }[] {
  // An optional question left unanswered does not keep a section from being complete, so it does not read as missing.
  const optional = new Set(fieldsOf(section).filter((field) => field.optional).map((field) => field.label));
  return sectionRows(draft, section, { includeBankDetails: false }).map((row) => ({
    label: row.label,
    value: row.value !== '' ? escapeMarkdown(String(row.value)) : optional.has(row.label) ? 'Left blank (optional)' : 'Not answered yet',
  }));
}

export interface SectionReviewView {
  readonly ref: FormRef;
  readonly draft: DeploymentDraft;
  readonly section: SectionNumber;
  readonly canEdit: boolean;
}

export function sectionReviewCard(view: SectionReviewView): AdaptiveCard {
  const { draft, section } = view;
  const { complete, missing, problems } = sectionCompleteness(draft, section);
  const hasAnswers = Object.keys(draft.sections[section]).length > 0;
  return renderCard(sectionReviewTemplate, {
    title: `${formTitle(draft)}: section ${section}, ${sectionTitle(section)}`,
    status: complete ? 'This section is complete.' : hasAnswers ? 'What you have given so far:' : 'Nothing is filled in yet.',
    rows: hasAnswers || section === 6 ? reviewRows(draft, section) : [],
    missing,
    problems,
    hint: section === 7 ? 'The supported school or trust completes this section when you send them the form.' : 'To change an answer, say "back", or fill in the section on a card.',
    canEdit: view.canEdit && section !== 7,
    cardTitle: `Fill in section ${section} on a card`,
    verb: DEPLOYMENT_VERBS.sectionCard,
    ownerAadObjectId: view.ref.ownerAadObjectId,
    draftId: view.ref.draftId,
    section,
  });
}

// Progress against the 10-day model

/** Who section 7 is for, in a card's words: the school or the trust once section 1 says which. */
const supportedNoun = (draft: DeploymentDraft): string => (draft.sections[1].recipientKind === undefined ? 'school or trust' : recipientNoun({ kind: draft.sections[1].recipientKind }));

function section7State(draft: DeploymentDraft, sentToSchool: boolean): string {
  const outcome = draft.sections[7].outcome;
  const noun = supportedNoun(draft);
  if (outcome === 'confirmed') return `Confirmed by the ${noun}`;
  if (outcome === 'queried') return `Queried by the ${noun}`;
  if (sentToSchool) return `Sent to the ${noun} to confirm`;
  return `The ${noun} confirms it once you send it to them`;
}

export interface ProgressView {
  readonly ref: FormRef;
  readonly draft: DeploymentDraft;
  readonly sentToSchool: boolean;
  /** What just happened, such as the day recorded. */
  readonly notice?: string;
}

export function progressCard(view: ProgressView): AdaptiveCard {
  const { draft } = view;
  const progress = formProgress(draft);
  const dueIncomplete = progress.dueAndIncomplete.filter((section) => section !== 7);
  const days = progress.daysDelivered;
  return renderCard(progressTemplate, {
    title: `${formTitle(draft)}: where the deployment stands`,
    notice: view.notice ?? '',
    delivered:
      days === 0 || progress.latestDay === undefined
        ? 'No days of support recorded yet.'
        : `Days of support delivered: ${days} (the latest on ${formatDate(progress.latestDay)}).`,
    dueLine: dueIncomplete.length === 0 ? 'Nothing is due that you have not done.' : `Due now: ${dueIncomplete.map(sectionLabel).join(', ')}.`,
    sections: progress.sections.map((section) => ({
      name: `${section.section}. ${section.title}`,
      state:
        section.section === 7
          ? section7State(draft, view.sentToSchool)
          : section.complete
            ? 'Complete'
            : section.due
              ? `Due now: ${section.missing.length === 0 ? 'please check it' : `${section.missing.length} to answer`}`
              : `Due after day ${section.dueAfterDay}`,
    })),
    hint: 'Tell me each day as you deliver it, like "delivered day 3 on 12 March", or press the button on the day.',
    recordTitle: 'I delivered a day of support today',
    verb: DEPLOYMENT_VERBS.recordDay,
    ownerAadObjectId: view.ref.ownerAadObjectId,
    draftId: view.ref.draftId,
  });
}

// Section 8: where to send it, and the workbook

export interface SubmissionView {
  readonly draft: DeploymentDraft;
  readonly download?: { readonly url: string; readonly minutes: number } | undefined;
  /** Whether the workbook holds the bank details in full (the system leader's own copy). */
  readonly fullBankDetails: boolean;
}

export function submissionCard(view: SubmissionView): AdaptiveCard {
  const { draft } = view;
  const readiness = formReadiness(draft);
  const missing = [
    ...Object.entries(readiness.missingBySection).map(([section, fields]) =>
      section === '7' ? `Section 7: the ${supportedNoun(draft)} has not confirmed the work yet (say "send to ${recipientNoun({ kind: draft.sections[1].recipientKind })}")` : `Section ${section}: ${fields.join(', ')}`,
    ),
    ...Object.entries(readiness.problemsBySection).flatMap(([section, problems]) => problems.map((problem) => `Section ${section}: ${problem}`)),
  ];
  return renderCard(submissionTemplate, {
    title: `${formTitle(draft)}: section 8, Submission`,
    whereTo:
      'Submit the completed form via your Regional Delivery Partner (RDP): the RDP you work with as the system leader, which may not be the supported school’s region’s. ' +
      'The guidance says where to email the completed form is on the final page of DfE’s deployment form.',
    steps: `Once the deployment is completed: complete the form, sign it and send it to the ${supportedNoun(draft)} to sign within 3 days, and submit it to your RDP within 10 days.`,
    readinessStyle: readiness.ready ? 'good' : 'attention',
    readiness: readiness.ready ? 'The form is ready to submit.' : 'Before you submit it, please finish:',
    missing,
    download: view.download !== undefined ? `Download the bot’s copy of the form: an Excel workbook laid out like the sections of DfE’s deployment form, one sheet per section. The link works for ${view.download.minutes} minutes, and only for you.` : '',
    downloadUrl: view.download?.url ?? '',
    downloadTitle: 'Download the form (.xlsx)',
    bankNote:
      draft.sections[5].sealed === undefined
        ? ''
        : view.fullBankDetails
          ? 'Your copy shows your bank details in full: keep it safe, and send it only to your RDP.'
          : 'The bank details in this copy are masked.',
  });
}

// Section 7: the supported school's confirmation


export interface SchoolConfirmationView {
  readonly ref: FormRef;
  readonly draft: DeploymentDraft;
  readonly problems?: readonly string[];
  /** London date of a YYYY-MM-DDTHH:mm instant, for "you confirmed on". */
  readonly londonDate: (iso: string) => string;
}

export function schoolConfirmationCard(view: SchoolConfirmationView): AdaptiveCard {
  const { draft } = view;
  const s1 = draft.sections[1];
  const s7 = draft.sections[7];
  const leader = s1.systemLeaderName ?? 'Your system leader';
  const organisation = s1.systemLeaderOrganisation === undefined ? '' : ` (${s1.systemLeaderOrganisation})`;
  const answeredOn = s7.at === undefined ? '' : formatDate(view.londonDate(s7.at));
  const outcome =
    s7.outcome === 'confirmed'
      ? `You confirmed the work reported on ${answeredOn}. Thank you: ${leader} has been told.`
      : s7.outcome === 'queried'
        ? `You queried the work reported on ${answeredOn}: "${s7.queryText ?? ''}". ${leader} has been told and will be in touch.`
        : '';
  return renderCard(schoolConfirmationTemplate, {
    title: `Please confirm the support for ${supportedName(draft)}`,
    intro: `${leader}${organisation} has sent you the deployment form for the trust and school improvement support (TSI) they delivered. Section 7 is yours: please check the work reported below, then confirm it or say what you query. Their bank details are not shown to you.`,
    sections: SECTIONS_SHOWN_TO_SCHOOL.map((section) => ({ heading: `Section ${section}: ${sectionTitle(section)}`, rows: reviewRows(draft, section) })),
    outcome,
    outcomeStyle: s7.outcome === 'queried' ? 'warning' : 'good',
    problems: view.problems ?? [],
    canAnswer: s7.outcome === undefined,
    confirmVerb: DEPLOYMENT_VERBS.confirm,
    queryVerb: DEPLOYMENT_VERBS.query,
    ownerAadObjectId: view.ref.ownerAadObjectId,
    draftId: view.ref.draftId,
  });
}

export interface DaysMismatchView {
  readonly ref: FormRef;
  readonly draft: DeploymentDraft;
  /** The reconciliation's words: the days claimed, the days logged and their dates. */
  readonly message: string;
  /** Stands for what the card shows: "Send it as it is" sends only while the days and claim are still these. */
  readonly seen: string;
  /** Why the card is shown again, when the days or the claim changed after the last one. */
  readonly notice?: string;
}

/** Before the form goes to the school: the days logged by date do not match the claim; send it as it is, or correct it. */
export function daysMismatchCard(view: DaysMismatchView): AdaptiveCard {
  return renderCard(daysMismatchTemplate, {
    title: `${formTitle(view.draft)}: the days do not match`,
    message: view.notice ? `${view.notice}\n\n${view.message}` : view.message,
    seen: view.seen,
    hint: `To log a missing day, say it with its date, like "delivered day 7 on 12 March", then "send to ${recipientNoun({ kind: view.draft.sections[1].recipientKind })}" again.`,
    sendVerb: DEPLOYMENT_VERBS.sendToSchool,
    sectionVerb: DEPLOYMENT_VERBS.sectionCard,
    ownerAadObjectId: view.ref.ownerAadObjectId,
    draftId: view.ref.draftId,
  });
}
