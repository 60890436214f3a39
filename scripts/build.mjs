// `npm run build`: bundles the shared rules for the server's hooks, then astro build with the Node
// settings of scripts/lib/build.mjs. Extra arguments go to astro.
import { spawnSync } from 'node:child_process';
import { projectRoot } from './lib/pocketbase.mjs';
import { astroBuildArgs, astroEnv, bundleRules } from './lib/build.mjs';

await bundleRules(projectRoot);
const result = spawnSync(process.execPath, astroBuildArgs(projectRoot, process.argv.slice(2)), { cwd: projectRoot, stdio: 'inherit', env: astroEnv() });
process.exit(result.status ?? 1);
