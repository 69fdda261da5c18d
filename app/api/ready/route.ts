import { readiness } from '@/lib/health/readiness.server';
import { PRIVATE } from '@/lib/route.server';

// GET /api/ready: readiness. 200 when every service this instance needs answers (database; Redis and
// the job queue where configured), 503 with each check's result otherwise, for load balancers,
// `npm run cluster` and the fault drills (docs/decisions/040-deployment-shape.md).
export async function GET(): Promise<Response> {
  const state = await readiness();
  return Response.json(state, { status: state.ready ? 200 : 503, headers: PRIVATE });
}
