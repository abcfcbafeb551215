#!/usr/bin/env node
// The `servicekit` command. Everything happens in runCli; this only wires it to the process.
import { runCli } from './run-cli'

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error)
    process.exitCode = 2
  },
)
