// Tests run outside React's server condition; `server-only` would throw there. Its guarantee is
// checked by the Next build instead.
export {};
