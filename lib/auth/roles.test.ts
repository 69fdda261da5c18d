import { describe, expect, test } from 'vitest';
import { signUpAccount, teachingAccess } from './roles';

describe('who may teach (docs/decisions/021-teacher-approval.md)', () => {
  test('with approval, a teacher sign-up is a learner with a pending request; open, a teacher at once', () => {
    expect(signUpAccount('teacher', 'approval', false)).toEqual({ role: 'learner', teacherRequest: 'pending' });
    expect(signUpAccount('teacher', 'open', false)).toEqual({ role: 'teacher', teacherRequest: null });
    for (const mode of ['open', 'approval'] as const)
      expect(signUpAccount('learner', mode, false)).toEqual({ role: 'learner', teacherRequest: null });
  });

  test("an admin's invitation makes a teacher at once, whatever the mode and the role asked for", () => {
    for (const mode of ['open', 'approval'] as const)
      for (const role of ['learner', 'teacher'] as const)
        expect(signUpAccount(role, mode, true)).toEqual({ role: 'teacher', teacherRequest: null });
  });

  test('only the role teaches: a pending or declined request does not', () => {
    expect(teachingAccess('teacher', null)).toBe('teacher');
    expect(teachingAccess('admin', null)).toBe('teacher');
    expect(teachingAccess('learner', 'pending')).toBe('pending');
    expect(teachingAccess('learner', 'declined')).toBe('declined');
    expect(teachingAccess('learner', null)).toBe('none');
    expect(teachingAccess('learner', 'approved?')).toBe('none');
  });
});
