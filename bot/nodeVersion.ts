/**
 * The oldest Node the bot runs on: restify 12 needs 22;
 * Node 24 LTS is the one it is built and tested on (`.nvmrc`, the container image, CI).
 */
export const MINIMUM_NODE_MAJOR = 22;
export const TARGET_NODE_MAJOR = 24;

/** Why this Node cannot run the bot, or undefined when it can. */
export function nodeVersionProblem(version: string): string | undefined {
  const major = Number(version.split('.')[0]);
  if (Number.isInteger(major) && major >= MINIMUM_NODE_MAJOR) return undefined;
  return (
    `This is Node ${version}; the bot needs Node ${MINIMUM_NODE_MAJOR} or later (Node ${TARGET_NODE_MAJOR} is the target). ` +
    `Install Node ${TARGET_NODE_MAJOR} on the host (\`nvm use\` reads .nvmrc), or use the container image.`
  );
}
