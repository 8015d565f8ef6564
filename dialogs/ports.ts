import type { Activity } from 'botbuilder';
import type { Reconciliation } from '../domain/deploymentLifecycle/reconcile.js';
import type { DeploymentDraft } from '../domain/deployment/draft.js';

/*
 * What the journeys need from the Teams shell, said here as interfaces so that dialogs/ never
 * imports bot/: bot/ implements each port (pino, ProactiveMessenger, ExportLinks,
 * ConversationReferences, the checked configuration) and hands it in when it builds the journeys.
 */

/** One structured log line: an object of ids, counts and outcomes, then a message (no personal data). */
interface LogLine {
  (fields: object, message?: string): void;
  (message: string): void;
}

/** Structured logs; pino's logger is one. */
export interface Logger {
  readonly info: LogLine;
  readonly warn: LogLine;
  readonly error: LogLine;
}

/** How a proactive message fared: sent, or the bot is not (or no longer) in that conversation. */
export type DeliveryOutcome = 'sent' | 'not_installed' | 'blocked';

/** Messages the bot starts: reminders, notices to a group's chat. */
export interface ProactiveMessenger {
  sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<DeliveryOutcome>;
  sendToPerson(aadObjectId: string, activity: Partial<Activity>): Promise<DeliveryOutcome>;
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV = 'text/csv; charset=utf-8';

/** A file a user asked for: a CSV or a workbook. */
export interface ExportFile {
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

/** Signed, expiring download links that open only for the person who asked for the file. */
export interface ExportLinks {
  create(ownerAadObjectId: string, file: ExportFile): Promise<{ url: string; expiresAt: Date }>;
}

/** The saved ways to reach people proactively: what a person's data request shows and erases. */
export interface ConversationReferences {
  /** The personal chat with a person, if the bot has one saved. */
  ofPerson(aadObjectId: string): Promise<object | undefined>;
  /** Nothing more is sent to this conversation until it is heard from again. */
  forget(conversationId: string): Promise<void>;
}

/** The part of the configuration the deployment form needs. */
export interface BankDetailsSettings {
  /** 32 bytes (base64 or hex); without it no bank details are taken. */
  readonly BANK_DETAILS_KEY?: string | undefined;
  /** Days after payment that bank details are erased. */
  readonly BANK_DETAILS_RETENTION_DAYS: number;
}

/**
 * Whether a deployment form's days logged by date match the days it claims, asked before the form
 * is sent: the deployment lifecycle answers it (dialogs/deploymentLifecycle/queries.ts).
 */
export interface DaysReconciliation {
  /** Undefined when no deployment is recorded for the form's school or trust. */
  reconcileForm(draft: DeploymentDraft): Promise<Reconciliation | undefined>;
}
