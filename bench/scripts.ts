/** One turn of a scripted conversation: typed words, or a card's submitted values. */
export interface ScriptStep {
  readonly text?: string;
  readonly value?: Record<string, unknown>;
}

/** The multi-turn conversations the turn benchmark drives, by name. */
export const journeyScripts: Record<string, readonly ScriptStep[]> = {
  'help and unknown input': [{ text: 'help' }, { text: 'what can you do about the weather' }],
};
