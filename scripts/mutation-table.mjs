// Prints the mutation score of each critical module (scripts/mutation-modules.mjs) from Stryker's
// JSON report: `node scripts/mutation-table.mjs [report.json…] [--all] [--survivors]`.
// Without a file it reads the report of this run (reports/mutation/mutation[-$STRYKER_MODULE].json);
// --all merges every reports/mutation/mutation*.json, the newest report winning for each file.
// --survivors lists each surviving and uncovered mutant. --before=<git ref> adds, per module, the
// score the tests that existed at that ref reach in the same run (a mutant killed only by newer
// tests counts as survived; run with STRYKER_ALL_KILLERS=true so every killer is named).
// Reads local files only.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { MODULES, moduleOf } from "./mutation-modules.mjs";

const args = process.argv.slice(2);
const dir = "reports/mutation";
let reports = args.filter((a) => !a.startsWith("--"));
if (args.includes("--all"))
  reports = readdirSync(dir)
    .filter((f) => /^mutation.*\.json$/.test(f))
    .map((f) => path.join(dir, f));
if (reports.length === 0)
  reports = [path.join(dir, `mutation${process.env.STRYKER_MODULE ? `-${process.env.STRYKER_MODULE}` : ""}.json`)];
reports = reports.filter((f) => existsSync(f)).sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
if (reports.length === 0) {
  console.error("No mutation report found: run `npm run test:mutation` first.");
  process.exit(1);
}

// Later (newer) reports replace a file's mutants wholesale.
const files = new Map();
const beforeRef = args.find((a) => a.startsWith("--before="))?.slice("--before=".length);
/** Test ids (per report) of the tests that existed at beforeRef: same file, and its title there. */
const oldTests = new Set();
const atRef = new Map();
function existedAt(file, name) {
  if (!atRef.has(file)) {
    try {
      atRef.set(file, execFileSync("git", ["show", `${beforeRef}:${file}`], { encoding: "utf8", stdio: "pipe" }));
    } catch {
      atRef.set(file, null);
    }
  }
  const text = atRef.get(file);
  if (text === null) return false;
  const titles = [...text.matchAll(/\b(?:it|test|raceIt)\(\s*(["'`])((?:\\.|(?!\1).)*)\1/g)].map((m) => m[2]);
  return titles.some((t) => name.endsWith(t));
}
for (const report of reports) {
  const json = JSON.parse(readFileSync(report, "utf8"));
  if (beforeRef)
    for (const [file, { tests }] of Object.entries(json.testFiles ?? {}))
      for (const t of tests)
        if (existedAt(path.relative(process.cwd(), path.resolve(file)), t.name)) oldTests.add(`${report}#${t.id}`);
  for (const result of Object.values(json.files)) for (const m of result.mutants) m.report = report;
  for (const [file, result] of Object.entries(json.files))
    files.set(path.relative(process.cwd(), path.resolve(file)), result);
}

const COUNTED = ["Killed", "Timeout", "Survived", "NoCoverage"];
const before = new Map(MODULES.map(({ name }) => [name, { killed: 0, total: 0 }]));
const rows = new Map(
  MODULES.map(({ name }) => [name, { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, other: 0 }]),
);
const missed = [];
for (const [file, result] of files) {
  const name = moduleOf(file);
  if (!name) continue;
  const row = rows.get(name);
  for (const m of result.mutants) {
    if (beforeRef && COUNTED.includes(m.status)) {
      const old = (ids) => (ids ?? []).some((id) => oldTests.has(`${m.report}#${id}`));
      const b = before.get(name);
      b.total++;
      if ((m.status === "Killed" && old(m.killedBy)) || (m.status === "Timeout" && old(m.coveredBy))) b.killed++;
    }
    if (COUNTED.includes(m.status) || m.status === "Ignored") row[m.status]++;
    else row.other++;
    if (m.status === "Survived" || m.status === "NoCoverage")
      missed.push(
        `${file}:${m.location.start.line} ${m.status} ${m.mutatorName}: ${JSON.stringify(m.replacement ?? "")}`,
      );
  }
}

const pad = (s, n) => String(s).padEnd(n);
const num = (s, n) => String(s).padStart(n);
console.log(
  `\n${pad("module", 34)}${num("score", 8)}${num("killed", 8)}${num("timeout", 9)}${num("survived", 10)}${num("no cov", 8)}${num("ignored", 9)}`,
);
let below = 0;
for (const [name, r] of rows) {
  const detected = r.Killed + r.Timeout;
  const total = detected + r.Survived + r.NoCoverage;
  if (total === 0 && r.Ignored === 0) {
    console.log(`${pad(name, 34)}${num("—", 8)}   (not in these reports)`);
    continue;
  }
  const score = total ? (100 * detected) / total : 100;
  if (score < 85) below++;
  console.log(
    `${pad(name, 34)}${num(`${score.toFixed(1)} %`, 8)}${num(r.Killed, 8)}${num(r.Timeout, 9)}${num(r.Survived, 10)}${num(r.NoCoverage, 8)}${num(r.Ignored, 9)}`,
  );
}
if (beforeRef) {
  console.log(`\nThe same mutants against the tests that existed at ${beforeRef}:`);
  for (const [name, b] of before)
    if (b.total)
      console.log(
        `${pad(name, 34)}${num(`${((100 * b.killed) / b.total).toFixed(1)} %`, 8)}${num(b.killed, 8)} of ${b.total}`,
      );
}
console.log(`\nGoal: at least 85 % on each module; ${below ? `${below} below it` : "every module measured meets it"}.`);
if (args.includes("--survivors")) console.log(`\n${missed.join("\n")}`);
