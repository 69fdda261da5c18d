// Runs in the browser before the app's own modules (Next's instrumentation-client convention).
import { config } from 'zod/v4/core';

// zod compiles object parsers with `new Function` when it may, and finds out by trying once. Under the
// Content-Security-Policy (no 'unsafe-eval', docs/decisions/020-security-headers.md) that try is refused
// and reported as a violation; the forms' schemas are small, so the browser parses them without it.
config({ jitless: true });
