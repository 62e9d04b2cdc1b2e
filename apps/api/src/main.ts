import { loadConfig } from './config';
import { runUntilSignalled } from './platform';

// `npm start` runs API and worker in one process; `npm run start:api` the API alone.
const withWorker = process.argv.includes('--with-worker');
runUntilSignalled(loadConfig(), { api: true, worker: withWorker })
  // Exit explicitly once everything is closed: a stray timer in a library must not keep a stopped server alive.
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
