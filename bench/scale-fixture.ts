// What bench/scale-data.ts makes and bench/scale.bench.ts reads: where, and who the bench signs in as.

export const SCALE_URL = 'postgresql://postgres@127.0.0.1:5432/lesebruecke_scale';
/** The accounts bench/scale.bench.ts signs in as. */
export const SCALE_LEARNER = { email: 'scale-learner@lesebruecke.test', password: 'scale-learner-password' } as const;
export const SCALE_TEACHER = { email: 'scale-teacher@lesebruecke.test', password: 'scale-teacher-password' } as const;
/** The bench learner's words and the bench teacher's class: fixed, whatever the factor. */
export const LEARNER_WORDS = 20_000;
export const GRID = { students: 40, assignments: 30 } as const;
/**
 * The password of the learners bench/cluster-load.bench.ts signs in as: bulk learners of the scale data
 * (which have no password of their own), given a credential account by that bench.
 */
export const LOAD_LEARNER_PASSWORD = 'scale-load-learner-password';
