import { randomUUID } from 'node:crypto';
import type { SchoolMatch } from '../../domain/directory/search.js';
import type { JourneyContext, JourneyDeps } from '../journey.js';
import type { ExportLinks, ProactiveMessenger } from '../ports.js';
import { createLifecycleQueries, type LifecycleQueries } from './queries.js';

export type { DeploymentView, LinkedForm } from './queries.js';

export interface DeploymentLifecycleDeps extends JourneyDeps {
  /** A new deployment's school or trust is looked up by the name the system leader gives. */
  readonly directory: { findSchools(query: string, options?: { limit?: number }): SchoolMatch[]; trustNames(): readonly string[] };
  /** Reminders go to the system leader's personal chat. */
  readonly proactive: Pick<ProactiveMessenger, 'sendToPerson'>;
  readonly exports: Pick<ExportLinks, 'create'>;
  /** New deployments' ids: random unless a test fixes them. */
  readonly newId?: () => string;
}

/** The journey's parts: the deployments as shown (what the tab asks too), and new ids. */
export interface DeploymentLifecycleContext extends JourneyContext<DeploymentLifecycleDeps>, LifecycleQueries {
  readonly newId: () => string;
}

export function createDeploymentLifecycleContext(deps: DeploymentLifecycleDeps): DeploymentLifecycleContext {
  return { deps, ...createLifecycleQueries(deps.store, deps.now), newId: deps.newId ?? randomUUID };
}
