// Plain, serialisable view types of classes, assignments, progress and quizzes (what commands answer
// is a Result of lib/result.ts). Dates are Date objects (server components hand them to
// lib/format.ts); nothing here is a Prisma row.

export const ASSIGNMENT_STATUSES = ['not-started', 'in-progress', 'done', 'overdue'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export type ClassSummary = {
  id: string;
  name: string;
  description: string;
  /** '' where the viewer is a student: only the class's teacher sees (and shares) the code. */
  joinCode: string;
  archived: boolean;
  studentCount: number;
  assignmentCount: number;
  createdAt: Date;
};

export type ClassStudent = { id: string; name: string; email: string; joinedAt: Date };

export type FocusTermView = { id: string; lemma: string; englishPreferred: string };

export type AssignmentSummary = {
  id: string;
  classId: string;
  className: string;
  article: { slug: string; titleDe: string; titleEn: string };
  dueAt: Date;
  instructions: string;
  quizEnabled: boolean;
  focusTerms: FocusTermView[];
};

export type ClassDetail = ClassSummary & { students: ClassStudent[]; assignments: AssignmentSummary[] };

export type ProgressView = {
  openedAt: Date | null;
  paragraphsSeen: number;
  paragraphCount: number;
  /** paragraphsSeen / paragraphCount, 0..1 (0 while the count is unknown). */
  share: number;
  activeSeconds: number;
  doneAt: Date | null;
};

export type Score = { score: number; maxScore: number };

export type MyAssignment = AssignmentSummary & {
  status: AssignmentStatus;
  progress: ProgressView | null;
  bestScore: Score | null;
};

/** A glossary term that occurs in an article, offered as a focus term. */
export type FocusTermOption = FocusTermView & { occurrences: number };

export type QuizItemKind = 'cloze' | 'en-de';
export type QuizVerdict = 'correct' | 'near-umlaut' | 'near-ending' | 'near-article' | 'wrong';

/** What a student sees of a quiz item: never the answer. */
export type QuizItemView = { id: string; kind: QuizItemKind; prompt: string; hint: string | null };

export type QuizResult = Score & {
  items: { id: string; kind: QuizItemKind; prompt: string; given: string; expected: string; verdict: QuizVerdict }[];
};

export type ProgressReceipt = { accepted: number; duplicates: number };

export type GridCell = {
  status: AssignmentStatus;
  activeSeconds: number;
  share: number;
  score: Score | null;
  overdue: boolean;
  /** When the student marked the assignment done (null until then). */
  doneAt: Date | null;
};

export type ClassGrid = {
  students: { id: string; name: string; email: string }[];
  assignments: { id: string; title: string; dueAt: Date }[];
  /** cells[studentId][assignmentId]: every student × assignment pair is present. */
  cells: Record<string, Record<string, GridCell>>;
};

/** How far a class has read an assignment, for its teacher: every student counts (one who never opened it, 0 %). */
export type AssignmentReading = {
  students: number;
  opened: number;
  done: number;
  /** The students' average share of the article read, 0..1 (0 without students). */
  averageShare: number;
};

export type AssignmentInsights = {
  mostLookedUp: { termId: string; lemma: string; count: number }[];
  mostMissed: { termId: string; lemma: string; missed: number; attempts: number }[];
};

/** A teacher's overview of their live classes (the teacher's dashboard); dates are moments, shown in the viewer's zone. */
export type TeacherDashboard = {
  classes: { id: string; name: string; studentCount: number; openAssignmentCount: number }[];
  /** Assignments not yet due, soonest first: how many of the class's students started and finished. */
  openAssignments: {
    id: string;
    classId: string;
    className: string;
    title: string;
    dueAt: Date;
    studentCount: number;
    started: number;
    done: number;
  }[];
  /** Assignments due in the last OVERDUE_DAYS days with students who have not finished, latest due first. */
  overdue: {
    id: string;
    classId: string;
    className: string;
    title: string;
    dueAt: Date;
    students: { id: string; name: string }[];
  }[];
  /** The latest things students did (opened, finished, took the quiz), newest first. */
  recentActivity: {
    kind: 'opened' | 'done' | 'quiz';
    at: Date;
    studentName: string;
    classId: string;
    className: string;
    assignmentTitle: string;
    score: Score | null;
  }[];
};
