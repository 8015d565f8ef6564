/** The words for the school or trust a deployment supports. */

export type RecipientKind = 'school' | 'trust';

/**
 * What a deployment's steps call the one supported: "the trust" when it is a trust. 002 makes the
 * trust the recipient then: a system leader matched to a trust "should contact the Trust CEO"
 * ("Contacting supported schools / trusts"), section 7 is completed "by the supported
 * school/trust", and the trust partnership case confirms "the school/trust's agreement". Where 002
 * names the school even in a trust's deployment (the case's "potential benefit to the school", the
 * school's confirmation with the partner trust's end report), the words stay "school". A kind not
 * yet known is a school, as the deployment form's own "send to school" takes it.
 */
export function recipientNoun(recipient: { readonly kind?: RecipientKind | undefined }): RecipientKind {
  return recipient.kind ?? 'school';
}

/**
 * Who confirms the work reported in section 7 for the one supported: the school's headteacher, or
 * the trust's chief executive (002: a system leader matched to a trust "should contact the Trust CEO").
 */
export function confirmerRole(kind: RecipientKind): 'headteacher' | 'chief executive' {
  return kind === 'trust' ? 'chief executive' : 'headteacher';
}
