#!/usr/bin/env node
// Gives a fresh checkout its own session-signing secret: production refuses to start without one
// (lib/env.server.ts). Writes BETTER_AUTH_SECRET into .env (git-ignored; Next.js loads it) once.
import crypto from 'node:crypto';
import fs from 'node:fs';

const FILE = '.env';
const current = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '';
if (process.env.BETTER_AUTH_SECRET || /^BETTER_AUTH_SECRET=\S{32,}/m.test(current)) process.exit(0);
const secret = crypto.randomBytes(48).toString('base64url');
fs.writeFileSync(FILE, `${current}${current && !current.endsWith('\n') ? '\n' : ''}BETTER_AUTH_SECRET=${secret}\n`, {
  mode: 0o600,
});
console.log(`ensure-env: wrote a new BETTER_AUTH_SECRET to ${FILE}`);
