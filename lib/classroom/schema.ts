import { z } from 'zod';
import { locales } from '@/lib/i18n/settings';
import { canonicalTimeZone, isValidTimeZone } from '@/lib/review/day';
import { isJoinCode, normalizeJoinCode } from './join-code';
import { CLASS_DESCRIPTION_MAX, CLASS_NAME_MAX, INSTRUCTIONS_MAX } from './limits';

// Inputs of every classroom command: each command parses its untrusted input with one of these
// (lib/action.server.ts). Messages are i18n keys (namespace `classroom`).

export const EVENTS_PER_BATCH_MAX = 50;
export const ACTIVE_SECONDS_MAX = 30;
export const ANSWERS_MAX = 100;
export const ANSWER_MAX = 200;
export const FOCUS_TERMS_MAX = 500;

const id = (key: string) => z.string({ error: key }).trim().min(1, key).max(64, key);
const classId = id('classroom:errors.notFound');
const assignmentId = id('classroom:errors.notFound');

const name = z
  .string({ error: 'classroom:errors.nameRequired' })
  .trim()
  .min(1, 'classroom:errors.nameRequired')
  .max(CLASS_NAME_MAX, 'classroom:errors.nameTooLong');
const description = z
  .string({ error: 'classroom:errors.descriptionTooLong' })
  .trim()
  .max(CLASS_DESCRIPTION_MAX, 'classroom:errors.descriptionTooLong');

export const CreateClassSchema = z.object({ name, description: description.default('') });
export const UpdateClassSchema = z.object({ classId, name, description: description.default('') });
export const ClassIdSchema = z.object({ classId });
export const JoinClassSchema = z.object({
  code: z
    .string({ error: 'classroom:errors.codeInvalid' })
    .max(64, 'classroom:errors.codeInvalid')
    .transform(normalizeJoinCode)
    .refine(isJoinCode, 'classroom:errors.codeInvalid'),
});
export const RemoveStudentSchema = z.object({ classId, studentId: id('classroom:errors.notFound') });

const slug = z
  .string({ error: 'classroom:errors.articleNotFound' })
  .trim()
  .max(200, 'classroom:errors.articleNotFound')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'classroom:errors.articleNotFound');

/** The article whose glossary terms the assignment form offers as focus terms: its slug, bare. */
export const FocusTermOptionsSchema = slug;

/** The assignment form's article search: part of a title (empty: the newest articles). */
export const ASSIGNABLE_QUERY_MAX = 100;
export const AssignableArticleQuerySchema = z.strictObject({
  q: z.string({ error: 'classroom:errors.invalid' }).max(ASSIGNABLE_QUERY_MAX, 'classroom:errors.invalid'),
});

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** A calendar-exact UTC date, or null when a part is out of range (2026-02-30). */
function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): Date | null {
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  const exact =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi;
  return exact ? date : null;
}

/**
 * When something is due: an ISO date-time with zone ("2026-05-10T18:00:00+02:00", "…Z"), a date
 * ("2026-05-10": the end of that day, UTC) or a date-time without zone ("2026-05-10T18:00": UTC), or a
 * Date. Forms with a local date-time input should send it with the zone offset.
 */
export function parseDueAt(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  let m = DATE_ONLY.exec(text);
  if (m) return utc(+m[1]!, +m[2]!, +m[3]!, 23, 59, 59, 999);
  m = LOCAL_DATE_TIME.exec(text);
  if (m) return utc(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0), 0);
  if (ISO_DATE_TIME.test(text)) {
    const [y, mo, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
    if (!utc(y, mo, d, 0, 0, 0, 0)) return null;
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

const dueAt = z.unknown().transform((value, ctx) => {
  const date = parseDueAt(value);
  if (!date || date.getUTCFullYear() < 2000 || date.getUTCFullYear() > 2200) {
    ctx.addIssue({ code: 'custom', message: 'classroom:errors.dueAt' });
    return z.NEVER;
  }
  return date;
});

const instructions = z
  .string({ error: 'classroom:errors.instructionsTooLong' })
  .trim()
  .max(INSTRUCTIONS_MAX, 'classroom:errors.instructionsTooLong');
const focusTermIds = z
  .array(id('classroom:errors.focusTerms'), { error: 'classroom:errors.focusTerms' })
  .max(FOCUS_TERMS_MAX, 'classroom:errors.focusTerms')
  .transform((ids) => [...new Set(ids)]);
// Form checkboxes arrive as 'on'/'true'/'false' strings.
const flag = z.preprocess(
  (v) => (v === 'true' || v === 'on' ? true : v === 'false' || v === '' ? false : v),
  z.boolean({ error: 'classroom:errors.invalid' }),
);

export const CreateAssignmentSchema = z.object({
  classId,
  articleSlug: slug,
  dueAt,
  instructions: instructions.default(''),
  /** Omitted: every glossary term occurring in the article. Given ids must occur in the article. */
  focusTermIds: focusTermIds.optional(),
  quizEnabled: flag.default(true),
});

/** Changes to an assignment; omitted fields stay. The article cannot change. */
export const UpdateAssignmentSchema = z.object({
  assignmentId,
  dueAt: dueAt.optional(),
  instructions: instructions.optional(),
  focusTermIds: focusTermIds.optional(),
  quizEnabled: flag.optional(),
});

export const AssignmentIdSchema = z.object({ assignmentId });

export const PROGRESS_KINDS = ['open', 'seen', 'active', 'lookup', 'save', 'done'] as const;

/** The client's id of an event (a UUID or similar): a resent event is recognised by it. */
const eventId = z
  .string({ error: 'classroom:errors.eventId' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'classroom:errors.eventId');

const ProgressEventSchema = z
  .object({
    id: eventId,
    kind: z.enum(PROGRESS_KINDS, { error: 'classroom:errors.eventKind' }),
    paragraph: z
      .number({ error: 'classroom:errors.paragraph' })
      .int('classroom:errors.paragraph')
      .min(0, 'classroom:errors.paragraph')
      .max(100_000, 'classroom:errors.paragraph')
      .optional(),
    seconds: z
      .number({ error: 'classroom:errors.seconds' })
      .int('classroom:errors.seconds')
      .min(1, 'classroom:errors.seconds')
      .max(ACTIVE_SECONDS_MAX, 'classroom:errors.seconds')
      .optional(),
    term: z
      .string({ error: 'classroom:errors.term' })
      .trim()
      .min(1, 'classroom:errors.term')
      .max(100, 'classroom:errors.term')
      .optional(),
  })
  .superRefine((event, ctx) => {
    if (event.kind === 'seen' && event.paragraph === undefined)
      ctx.addIssue({ code: 'custom', path: ['paragraph'], message: 'classroom:errors.paragraph' });
    if (event.kind === 'active' && event.seconds === undefined)
      ctx.addIssue({ code: 'custom', path: ['seconds'], message: 'classroom:errors.seconds' });
    if ((event.kind === 'lookup' || event.kind === 'save') && event.term === undefined)
      ctx.addIssue({ code: 'custom', path: ['term'], message: 'classroom:errors.term' });
  });
export type ProgressEventInput = z.output<typeof ProgressEventSchema>;

export const ProgressBatchSchema = z.object({
  assignmentId,
  events: z
    .array(ProgressEventSchema, { error: 'classroom:errors.events' })
    .min(1, 'classroom:errors.events')
    .max(EVENTS_PER_BATCH_MAX, 'classroom:errors.tooManyEvents'),
});

/** "Mark as done" on the assignment page: one 'done' event with the client's id. */
export const MarkDoneSchema = z.object({ assignmentId, eventId });

export const SubmitQuizSchema = z.object({
  assignmentId,
  answers: z
    .array(
      z.object({
        itemId: z.string({ error: 'classroom:errors.invalid' }).max(200, 'classroom:errors.invalid'),
        given: z.string({ error: 'classroom:errors.answerTooLong' }).max(ANSWER_MAX, 'classroom:errors.answerTooLong'),
      }),
      { error: 'classroom:errors.invalid' },
    )
    .max(ANSWERS_MAX, 'classroom:errors.invalid'),
});

/**
 * The class CSV's query (`?locale=de&tz=Europe/Berlin`): the language of its headers and words, and the
 * zone its dates are written in (the teacher's browser's); English and UTC where absent or unknown.
 */
export const GridCsvQuerySchema = z.object({
  locale: z.enum(locales).catch('en'),
  tz: z.string().max(64).refine(isValidTimeZone).transform(canonicalTimeZone).catch('UTC'),
});
