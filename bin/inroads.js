#!/usr/bin/env node
// The command line is bundled into dist/cli by `npm run build`, so it starts quickly.
import '../dist/cli/main.js';
