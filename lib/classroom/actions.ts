'use server';
import { perform } from '@/lib/action.server';
import { createAssignment, deleteAssignment, focusTermOptions, updateAssignment } from './assignments.server';
import {
  archiveClass,
  createClass,
  joinClass,
  leaveClass,
  regenerateJoinCode,
  removeStudent,
  unarchiveClass,
  updateClass,
} from './classes.server';
import { markDone } from './progress.server';
import { submitQuiz } from './quiz.server';

// Server actions are public endpoints: each performs its command as the user of the session
// (lib/action.server.ts), which parses the untrusted input, runs the command's guard and scopes every
// query to that user. Pages are personal and dynamic, so the islands refresh them after a success;
// no shared cache is involved.

export async function createClassAction(input: unknown) {
  return perform(createClass, input);
}
export async function updateClassAction(input: unknown) {
  return perform(updateClass, input);
}
export async function archiveClassAction(input: unknown) {
  return perform(archiveClass, input);
}
export async function unarchiveClassAction(input: unknown) {
  return perform(unarchiveClass, input);
}
export async function regenerateJoinCodeAction(input: unknown) {
  return perform(regenerateJoinCode, input);
}
export async function joinClassAction(input: unknown) {
  return perform(joinClass, input);
}
export async function leaveClassAction(input: unknown) {
  return perform(leaveClass, input);
}
export async function removeStudentAction(input: unknown) {
  return perform(removeStudent, input);
}
export async function createAssignmentAction(input: unknown) {
  return perform(createAssignment, input);
}
export async function updateAssignmentAction(input: unknown) {
  return perform(updateAssignment, input);
}
export async function deleteAssignmentAction(input: unknown) {
  return perform(deleteAssignment, input);
}
export async function submitQuizAction(input: unknown) {
  return perform(submitQuiz, input);
}
export async function markDoneAction(input: unknown) {
  return perform(markDone, input);
}
export async function focusTermOptionsAction(input: unknown) {
  return perform(focusTermOptions, input);
}
