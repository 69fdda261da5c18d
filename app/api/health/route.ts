import { PRIVATE } from '@/lib/route.server';

// GET /api/health: liveness. The process is up and its event loop turns; nothing else is asked, so a
// database outage never makes a supervisor restart healthy instances (readiness is /api/ready).
export function GET(): Response {
  return Response.json({ ok: true }, { headers: PRIVATE });
}
