import type { TestProject } from 'vitest/node';
import { createSqliteDatabase } from './databases';

export default async function setup(project: TestProject) {
  const database = await createSqliteDatabase();
  project.provide('databaseUrl', database.url);
  return database.drop;
}
