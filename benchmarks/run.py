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
with its range and the largest peak (`--repeat N` sets the count for every size). A try that fails is reported and left
out of the figures.
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


def seconds(tries):
    """The median time, with the range when there were several tries: "1.0 s (0.9-1.2)"."""
    times = [t[0] for t in tries]
    median = f"{statistics.median(times):.1f} s"
    return median if len(times) == 1 else f"{median} ({min(times):.1f}-{max(times):.1f})"


def remove(*paths):
    for path in paths:
        if os.path.exists(path):
            os.remove(path)


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
        if repeat < 1:
            sys.exit("run.py: --repeat needs a count of 1 or more")
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
            tries = repeat if repeat is not None else (5 if size < 50_000 else 1)
            ours_tries, theirs_tries = [], []
            for _ in range(tries):
                remove(ours_out, theirs_out)
                for name, tried, command in (("import", ours_tries, ["dotnet", CLI, "import", path, "--out", ours_out]),
                                             ("pandas", theirs_tries, [PYTHON, REFERENCE, path, theirs_out])):
                    result = run(command)
                    if result[2] == 0:
                        tried.append(result)
                    else:
                        print(f"{name} failed on {path} (left out of the figures): {result[3]}", file=sys.stderr)
            remove(ours_out, theirs_out)
            if not ours_tries or not theirs_tries:
                row = f"| {size:,} | {kind} | failed: see the messages above | | | | | |"
            else:
                ours, theirs = summary(ours_tries), summary(theirs_tries)
                row = (f"| {size:,} | {kind} | {seconds(ours_tries)} | {ours[1]:.0f} MB | {seconds(theirs_tries)} | "
                       f"{theirs[1]:.0f} MB | {ours[0] / theirs[0]:.2f} | {ours[1] / theirs[1]:.2f} |")
                if len(ours_tries) < tries or len(theirs_tries) < tries:
                    row += f" (of {tries} tries, {len(ours_tries)} and {len(theirs_tries)} succeeded)"
            rows.append(row)
            print(row, flush=True)
    print(f"load average at end {os.getloadavg()[0]:.1f}")
    if markdown:
        with open(markdown, "w", encoding="utf-8") as f:
            f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
