// A test reporter that prints, after the run, the ten test files that took longest (the sum
// of their top-level tests and suites, hooks included), to keep an eye on the suite's time.
export default async function* slowestFiles(source) {
  const byFile = new Map();
  for await (const event of source) {
    if ((event.type === "test:pass" || event.type === "test:fail") && event.data.nesting === 0) {
      const file = event.data.file ?? "?";
      byFile.set(file, (byFile.get(file) ?? 0) + (event.data.details?.duration_ms ?? 0));
    }
  }
  const slowest = [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 10);
  if (slowest.length === 0) return;
  const cwd = process.cwd() + "/";
  yield "\nSlowest test files:\n";
  for (const [file, ms] of slowest) {
    yield `  ${(ms / 1000).toFixed(1).padStart(7)} s  ${file.startsWith(cwd) ? file.slice(cwd.length) : file}\n`;
  }
}
