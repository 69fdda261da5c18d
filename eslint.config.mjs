// Lint: the house rules of docs/architecture.md, enforced instead of remembered (ADR 013).
import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const SOURCE = ['**/*.{ts,tsx,mts,mjs}'];
const TESTS = ['**/*.test.{ts,tsx}', 'tests/**', 'bench/**'];

// The architecture, as elements the boundaries plugin knows each file by.
const ELEMENTS = [
  // The German engine: pure, no I/O, no database, no framework.
  { type: 'text', pattern: 'lib/text' },
  // Shared infrastructure: result, errors, action pipeline, routes, env, paths, format, i18n.
  { type: 'infra', pattern: 'lib/i18n' },
  // A domain: lib/<domain>/, its files named by their role.
  { type: 'domain', pattern: 'lib/*', capture: ['domain'] },
  // …and the files directly in lib/ (db, env, result, errors, action pipeline, routes, paths, format).
  { type: 'infra', pattern: 'lib' },
  { type: 'component', pattern: 'components/*', capture: ['area'] },
  { type: 'app', pattern: 'app' },
  { type: 'locales', pattern: 'locales' },
  { type: 'tooling', pattern: '{tests,scripts,bench,prisma}' },
];

// What another domain may import of a domain: its reads (queries), its write API (service), policy,
// schemas, view types, actions and pure modules; auth also offers the session and the guards; and
// its `tasks.server.ts`, the CPU-heavy work lib/worker-thread.ts runs in worker threads (ADR 019).
// Its other *.server.ts files (per-feature writes, shared selects, helpers) are its own business;
// routes (app/) compose domains and may call any of its commands.
const DOMAIN_INTERNAL = '**/!(queries|service|policy|guards|session|tasks).server.{ts,tsx}';

const PRISMA = ['@prisma/*', '**/prisma/generated/**', '**/generated/sqlite/**', '**/generated/postgres/**'];

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      '.next-*/**',
      'node_modules/**',
      'prisma/generated/**',
      'next-env.d.ts',
      'tests/e2e/out/**',
      'bench/out/**',
    ],
  },
  { files: SOURCE, extends: [js.configs.recommended, ...tseslint.configs.recommended] },
  {
    files: SOURCE,
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      // TypeScript checks undefined names (and knows the DOM and Node globals).
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a string union or an `as const` object, not an enum.' },
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'User and content text renders as text: no raw HTML.',
        },
        {
          selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
          message: 'No HTML from strings.',
        },
      ],
    },
  },
  {
    files: ['app/**', 'components/**', 'lib/**'],
    ignores: ['lib/env.server.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Only lib/env.server.ts reads the environment: import `env`.' },
      ],
    },
  },
  {
    files: ['app/**', 'components/**'],
    plugins: { '@next/next': nextPlugin, 'react-hooks': reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      // The rules of hooks; the React Compiler's rules wait until the compiler is used (ADR 013).
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: SOURCE,
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/include': [
        'app/**',
        'components/**',
        'lib/**',
        'locales/**',
        'tests/**',
        'scripts/**',
        'bench/**',
        'prisma/**',
      ],
      'boundaries/ignore': ['prisma/generated/**'],
      'import/resolver': { typescript: { project: './tsconfig.json' }, node: true },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            {
              from: { element: { type: 'text' } },
              disallow: { to: { element: { type: '!text' } } },
              message: 'lib/text is pure: it imports only lib/text.',
            },
            {
              from: { element: { type: 'component' } },
              disallow: { to: { file: { path: '**/*.server.{ts,tsx}' } } },
              message: 'Components never import *.server modules: they get data as props, or call actions.',
            },
            {
              // Routes compose domains; tests, scripts, benchmarks and the seed may use any part.
              from: { element: { type: ['domain', 'infra'] }, file: { path: '!**/*.test.{ts,tsx}' } },
              disallow: {
                to: {
                  element: {
                    type: 'domain',
                    captured: { domain: '!{{ from.element.captured.domain }}' },
                    fileInternalPath: DOMAIN_INTERNAL,
                  },
                },
              },
              message:
                "Another domain's internals only through its public files (queries, service, policy, schema, types, tasks).",
            },
          ],
        },
      ],
    },
  },
  {
    files: SOURCE,
    ignores: ['lib/db.server.ts', 'tests/setup/**', 'scripts/**', 'prisma/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: PRISMA, message: 'Prisma only in lib/db.server.ts.' }] },
      ],
    },
  },
  ...['app', 'components'].map((folder) => ({
    files: [`${folder}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: PRISMA, message: 'Prisma only in lib/db.server.ts.' },
            { group: ['**/db.server'], message: 'Routes and components reach the database only through lib/.' },
            ...(folder === 'app'
              ? [{ group: ['zod'], message: 'Routes hold no schemas: they live in lib/<domain>/schema.ts.' }]
              : []),
          ],
        },
      ],
    },
  })),
  {
    files: ['lib/text/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.|@/lib/text(/|$))',
              message: 'lib/text is pure: no packages, Node modules or other parts of the app.',
            },
          ],
        },
      ],
    },
  },
  {
    // The lemma table is loaded and the engine built only by tasks (lib/<domain>/tasks.server.ts), which
    // run in worker threads or at the task service: a web process of a deployment with an external
    // worker never holds the table (docs/decisions/048-web-tasks-in-the-worker.md). Its own rule name,
    // so that it adds to the no-restricted-imports of the blocks above instead of replacing them.
    files: ['app/**', 'components/**', 'lib/**', 'instrumentation.ts', 'proxy.ts'],
    ignores: ['lib/text/**', 'lib/**/tasks.server.ts', 'lib/annotation/queries.server.ts', '**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/annotation/queries.server'],
              importNames: ['loadLexicon', 'lexiconNounGender', 'nounPlurals'],
              message: 'The lemma table is read only in a task (lib/<domain>/tasks.server.ts): call runServiceTask.',
            },
            {
              group: ['@/lib/text', '**/lib/text'],
              importNames: [
                'createGermanEngine',
                'createLemmatizer',
                'createCompoundSplitter',
                'extractCandidates',
                'parseLexicon',
                'decodeLexiconTable',
              ],
              allowTypeImports: true,
              message: 'The engine runs only in a task (lib/<domain>/tasks.server.ts): call runServiceTask.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.client.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'server-only',
            'ts-fsrs',
            'jsdom',
            '@mozilla/readability',
            'pg',
            'better-sqlite3',
            'better-auth/api',
          ].map((name) => ({
            name,
            message: 'A client island ships to the browser: nothing server-only or server-sized.',
          })),
          patterns: [{ group: [...PRISMA, '**/*.server'], message: 'A client island never imports server modules.' }],
        },
      ],
    },
  },
  {
    files: TESTS,
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
