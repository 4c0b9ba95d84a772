#!/usr/bin/env node
import { run } from '../dist/cli.js';
import { nodeDeps } from '../dist/deps.js';

try {
  process.exitCode = await run(process.argv, nodeDeps());
} catch (error) {
  process.stderr.write(`meetup-note: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
