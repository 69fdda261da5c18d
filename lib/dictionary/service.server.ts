import 'server-only';

// The dictionary's job, for the processes that work it (lib/jobs/all.server.ts).
export { dictionaryImportJob } from './import.server';
