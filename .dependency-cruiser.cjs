/** Import rules from docs/architecture.md, checked in the test suite (tests/unit/import-rules.test.ts). */
module.exports = {
  forbidden: [
    { name: 'core-no-electron-or-react', severity: 'error', comment: 'src/ is plain TypeScript: it runs in Node, the CLI and tests.',
      from: { path: '^src/' }, to: { path: '(^|/)node_modules/(electron|react|react-dom|antd)/|^(electron|react|react-dom|antd)$' } },
    { name: 'core-no-shell-or-ui', severity: 'error', from: { path: '^src/' }, to: { path: '^(electron|renderer)/' } },
    { name: 'domain-imports-only-domain', severity: 'error', comment: 'src/domain imports nothing of ours but itself.',
      from: { path: '^src/domain/' }, to: { path: '^src/(?!domain/)' } },
    { name: 'domain-no-node-builtins', severity: 'error', comment: 'Domain rules are pure: the renderer uses them too.',
      from: { path: '^src/(domain|api)/' }, to: { dependencyTypes: ['core'] } },
    { name: 'api-imports-domain-only', severity: 'error', from: { path: '^src/api/' }, to: { path: '^src/(?!domain/|api/)' } },
    { name: 'renderer-no-node-db-documents', severity: 'error', comment: 'The renderer gets data only through window.api.',
      from: { path: '^renderer/' },
      to: { path: '^src/(db|services|documents|cli|preview)/|(^|/)node_modules/(better-sqlite3(-multiple-ciphers)?|pdfkit|docx|electron)/|^(better-sqlite3(-multiple-ciphers)?|pdfkit|docx|electron)$' } },
    { name: 'only-db-touches-sqlite', severity: 'error', comment: 'SQL and the SQLite driver live in src/db; services compose its queries.',
      from: { path: '^(?!src/db/)' }, to: { path: '(^|/)node_modules/better-sqlite3(-multiple-ciphers)?/|^better-sqlite3(-multiple-ciphers)?$' } },
    { name: 'renderer-no-node-builtins', severity: 'error', from: { path: '^renderer/' }, to: { dependencyTypes: ['core'] } },
    { name: 'preload-only-operation-names', severity: 'error', from: { path: '^electron/preload/' }, to: { path: '^src/(?!api/operation-names)' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '^tests/fixtures/' },
  },
};
