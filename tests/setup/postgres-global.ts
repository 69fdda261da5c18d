import type { TestProject } from 'vitest/node';
import { createPostgresDatabase } from './databases';

export default async function setup(project: TestProject) {
  const database = await createPostgresDatabase();
  project.provide('databaseUrl', database.url);
  return database.drop;
}
