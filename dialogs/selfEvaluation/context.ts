import { SHIPPED_QUESTIONS, type QuestionSet } from '../../domain/selfEvaluation/questions.js';
import type { DirectoryRepository } from '../../storage/directoryRepository.js';
import { SelfEvaluationRepository } from '../../storage/selfEvaluationRepository.js';
import type { JourneyContext, JourneyDeps } from '../journey.js';
import type { ExportLinks, ProactiveMessenger } from '../ports.js';

/** What the self-evaluation journey needs, and what its dialogs and scheduled work share. */
export interface SelfEvaluationDeps extends JourneyDeps {
  readonly directory: Pick<DirectoryRepository, 'getSchool' | 'liaisonGroups'>;
  /** The school is told in its personal chats when its self-evaluation has been reviewed. */
  readonly proactive: Pick<ProactiveMessenger, 'sendToPerson'>;
  /** Download links for the SIT's workbook. */
  readonly exports: Pick<ExportLinks, 'create'>;
  /** Another council's question set; the shipped one (validated at start) otherwise. */
  readonly questions?: QuestionSet;
}

export interface SelfEvaluationContext extends JourneyContext<SelfEvaluationDeps> {
  readonly questions: QuestionSet;
  readonly records: SelfEvaluationRepository;
}

export function createSelfEvaluationContext(deps: SelfEvaluationDeps): SelfEvaluationContext {
  return { deps, questions: deps.questions ?? SHIPPED_QUESTIONS, records: new SelfEvaluationRepository(deps.store) };
}

