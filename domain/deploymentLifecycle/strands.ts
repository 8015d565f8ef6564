/**
 * The enhanced strand: "one of" a funded trust partnership or up to 5 additional days (002 §5).
 * The form keeps the same rule for its recommendation (section 4's `enhancedStrand`, never both);
 * here it is checked against what the deployment has under way and what its form recommends.
 */
import type { EnhancedStrand } from '../deployment/sections.js';
import type { DeploymentLifecycle } from './record.js';

type Strand = Exclude<EnhancedStrand, 'none'>;

const NAMES: Record<Strand, string> = { trust_partnership: 'a funded trust partnership', extra_days: 'additional days' };

/**
 * The strand the deployment is already on, if any. A request DfE refused or declined does not
 * count: the school did not access that strand (the bot's reading of "access one of").
 */
export function strandInUse(record: Pick<DeploymentLifecycle, 'extension' | 'partnership'>): Strand | undefined {
  const { extension, partnership } = record;
  if (extension.status !== 'none' && extension.status !== 'refused') return 'extra_days';
  if (partnership.status !== 'none' && partnership.status !== 'declined') return 'trust_partnership';
  return undefined;
}

/** Why `wanted` cannot start, when the deployment or its form already holds the other strand. */
export function otherStrandBlocks(record: Pick<DeploymentLifecycle, 'extension' | 'partnership'>, wanted: Strand, formRecommends?: EnhancedStrand): string | undefined {
  const other: Strand = wanted === 'extra_days' ? 'trust_partnership' : 'extra_days';
  const held = strandInUse(record) === other ? 'this deployment already has' : formRecommends === other ? 'the deployment form recommends' : undefined;
  if (held === undefined) return undefined;
  return `The enhanced strand is one or the other, never both: ${held} ${NAMES[other]}, so ${NAMES[wanted]} cannot be started for this school or trust.`;
}
