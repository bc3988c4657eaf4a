#!/usr/bin/python3
"""One command for the import benchmark: time and peak memory of `import` and of the pandas reference on the same
registry-shaped inputs, at each size, with the ratios.

    /usr/bin/python3 benchmarks/run.py [SIZES…] [--inputs zip|csv] [--repeat N] [--markdown FILE]
    (default sizes: 10000 100000 600000)

It publishes the CLI (Release, ReadyToRun, as a user would install it), writes the inputs with the deterministic
generator (benchmarks/RegistryBench: the bulk zip and the website CSV, kept in results/benchmarks/data for reruns),
then runs, for each size and input, `import INPUT --out X.duckdb` and `extract.py INPUT X.csv` one after the other.
Peak memory is the process's maximum resident set (wait4's ru_maxrss); time is wall-clock. Ratios are ours / pandas:
below 1.0 is faster or smaller. A run of about a second varies by 10-20 % from one try to the next on a shared machine,
so inputs under 50,000 studies are timed 5 times, the two programs taking turns, and the table gives the median time
and the largest peak (`--repeat N` sets the count for every size).
"""
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "results", "benchmarks")
DATA = os.path.join(WORK, "data")
CLI = os.path.join(WORK, "cli", "MscAlf.Cli.dll")
GENERATOR = os.path.join(WORK, "generator", "RegistryBench.dll")
REFERENCE = os.path.join(ROOT, "benchmarks", "reference", "extract.py")
PYTHON = "/usr/bin/python3"


def run(command):
    """Runs a command; returns (seconds, peak MB, exit code, last line of output)."""
    start = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    lines = [l for l in output.splitlines() if l.strip()]
    return seconds, usage.ru_maxrss / 1024, process.returncode, lines[-1] if lines else ""


def summary(tries):
    """The median time and the largest peak of several tries (one try: itself)."""
    return statistics.median(t[0] for t in tries), max(t[1] for t in tries)


def build():
    # A separate artifacts folder, so a build in the working tree at the same time does not disturb this one.
    artifacts = ["--artifacts-path", os.path.join(WORK, "artifacts"), "--nologo", "-v", "quiet"]
    subprocess.run(["dotnet", "publish", os.path.join(ROOT, "lib", "MscAlf.Cli"), "-c", "Release", "-r", "linux-x64",
                    "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", os.path.join(WORK, "cli")] + artifacts,
                   check=True)
    subprocess.run(["dotnet", "publish", os.path.join(ROOT, "benchmarks", "RegistryBench"), "-c", "Release",
                    "-o", os.path.join(WORK, "generator")] + artifacts, check=True)


def inputs(size):
    zip_path = os.path.join(DATA, f"registry-{size}.zip")
    csv_path = os.path.join(DATA, f"registry-{size}.csv")
    if not (os.path.exists(zip_path) and os.path.exists(csv_path)):
        subprocess.run(["dotnet", GENERATOR, str(size), DATA], check=True)
    return {"bulk zip": zip_path, "website CSV": csv_path}


def main(argv):
    markdown = None
    kinds = None
    if "--inputs" in argv:
        at = argv.index("--inputs")
        kinds = {"zip": "bulk zip", "csv": "website CSV"}[argv[at + 1]]
        argv = argv[:at] + argv[at + 2:]
    if "--markdown" in argv:
        at = argv.index("--markdown")
        markdown = argv[at + 1]
        argv = argv[:at] + argv[at + 2:]
    repeat = None
    if "--repeat" in argv:
        at = argv.index("--repeat")
        repeat = int(argv[at + 1])
        argv = argv[:at] + argv[at + 2:]
    sizes = [int(a) for a in argv] or [10_000, 100_000, 600_000]
    os.makedirs(DATA, exist_ok=True)
    build()
    print(f"machine: {os.cpu_count()} cores; load average at start {os.getloadavg()[0]:.1f}")
    header = "| studies | input | import time | import peak | pandas time | pandas peak | time ratio | memory ratio |"
    rows = [header, "|---:|---|---:|---:|---:|---:|---:|---:|"]
    print(header)
    for size in sizes:
        for kind, path in inputs(size).items():
            if kinds is not None and kind != kinds:
                continue
            ours_out = os.path.join(WORK, f"out-{size}.duckdb")
            theirs_out = os.path.join(WORK, f"out-{size}-pandas.csv")
            for leftover in (ours_out, theirs_out):
                if os.path.exists(leftover):
                    os.remove(leftover)
            tries = repeat if repeat is not None else (5 if size < 50_000 else 1)
            ours_tries, theirs_tries = [], []
            for _ in range(tries):
                for leftover in (ours_out, theirs_out):
                    if os.path.exists(leftover):
                        os.remove(leftover)
                ours_tries.append(run(["dotnet", CLI, "import", path, "--out", ours_out]))
                theirs_tries.append(run([PYTHON, REFERENCE, path, theirs_out]))
                for name, result in (("import", ours_tries[-1]), ("pandas", theirs_tries[-1])):
                    if result[2] != 0:
                        print(f"{name} failed on {path}: {result[3]}", file=sys.stderr)
            ours, theirs = summary(ours_tries), summary(theirs_tries)
            row = (f"| {size:,} | {kind} | {ours[0]:.1f} s | {ours[1]:.0f} MB | {theirs[0]:.1f} s | {theirs[1]:.0f} MB | "
                   f"{ours[0] / theirs[0]:.2f} | {ours[1] / theirs[1]:.2f} |")
            rows.append(row)
            print(row, flush=True)
            os.remove(ours_out)
            os.remove(theirs_out)
    print(f"load average at end {os.getloadavg()[0]:.1f}")
    if markdown:
        with open(markdown, "w", encoding="utf-8") as f:
            f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
