/**
 * electron-builder afterPack hook (electron-builder.yml): flips Electron's fuses in the packaged binary, issue 12 item 7.
 * tests/unit/electron-hardening.test.ts runs this hook on a binary with Electron's fuse wire and reads the fuses back.
 */
const path = require('node:path');
const { FuseV1Options, FuseVersion, flipFuses } = require('@electron/fuses');

/** The fuses set for the installed app; a fuse not listed keeps Electron's default. */
const FUSES = {
  // ELECTRON_RUN_AS_NODE cannot turn the app's binary into a plain Node.js with the app's file access.
  RunAsNode: false,
  // NODE_OPTIONS (e.g. --require of a foreign script) is ignored.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect and similar arguments cannot attach a debugger to the main process.
  EnableNodeCliInspectArguments: false,
  // The app is loaded from app.asar only, never from a folder placed beside it ...
  OnlyLoadAppFromAsar: true,
  // ... and app.asar is checked against the hash recorded at packaging (Electron validates it on Windows and macOS).
  EnableEmbeddedAsarIntegrityValidation: true,
};

function fuseConfig() {
  const config = { version: FuseVersion.V1, strictlyRequireAllFuses: false };
  for (const [name, on] of Object.entries(FUSES)) config[FuseV1Options[name]] = on;
  return config;
}

/** The packaged executable: <appOutDir>/<executableName>[.exe]; on macOS the .app bundle. */
function executablePath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  const name = packager.executableName ?? packager.appInfo.productFilename;
  return path.join(appOutDir, electronPlatformName === 'win32' ? `${name}.exe` : name);
}

async function afterPack(context) {
  const file = executablePath(context);
  await flipFuses(file, { ...fuseConfig(), resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' });
  console.log(`  • fuses set in ${path.basename(file)}: ${Object.entries(FUSES).map(([k, v]) => `${k}=${v}`).join(', ')}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.fuseConfig = fuseConfig;
module.exports.executablePath = executablePath;
