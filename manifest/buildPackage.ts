import { packageSettingsFromEnv, writeAppPackage } from './appPackage.js';

/**
 * `npm run package`: builds the Teams app package from the manifest template.
 * Needs MicrosoftAppId and PUBLIC_BASE_URL; PACKAGE_OUT overrides build/appPackage.zip.
 */
const settings = packageSettingsFromEnv(process.env);
if (!settings.ok) {
  console.error(`Cannot build the Teams app package:\n${settings.errors.map((error) => `  - ${error}`).join('\n')}`);
  process.exitCode = 1;
} else {
  try {
    await writeAppPackage(settings.value);
    console.log(`Wrote ${settings.value.outFile} for bot ${settings.value.botId} at ${settings.value.domain}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
