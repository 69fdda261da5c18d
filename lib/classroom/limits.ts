// Lengths the server accepts (lib/classroom/schema.ts), here without zod so that forms in the browser
// can set the same maxLength.
export const CLASS_NAME_MAX = 100;
export const CLASS_DESCRIPTION_MAX = 1000;
export const INSTRUCTIONS_MAX = 5000;
