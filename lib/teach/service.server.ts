import 'server-only';

// The teaching domain's jobs, for the processes that work them (lib/jobs/all.server.ts).
export { publishJob } from './publish.server';
export { translateJob } from './translate.server';
