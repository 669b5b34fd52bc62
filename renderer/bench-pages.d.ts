// Set by scripts/build.mjs: true only in builds made with --with-bench-pages (tests, npm run bench).
declare const __BENCH_PAGES__: boolean;
