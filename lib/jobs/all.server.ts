import 'server-only';
import { dictionaryImportJob } from '@/lib/dictionary/service.server';
import { glossaryRefreshJob } from '@/lib/glossary/service.server';
import { publishJob, translateJob } from '@/lib/teach/service.server';
import type { JobDefinition } from './types';

/** Every kind of job: what `npm run worker`, and a web process with JOB_WORKER=embedded, work. */
export const ALL_JOBS: readonly JobDefinition[] = [publishJob, glossaryRefreshJob, translateJob, dictionaryImportJob];
