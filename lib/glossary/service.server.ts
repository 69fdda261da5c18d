import 'server-only';

// The glossary's job, for the processes that work it (lib/jobs/all.server.ts).
export { glossaryRefreshJob } from './live.server';
