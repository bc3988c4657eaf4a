#!/usr/bin/env python3
"""Measures the C# kernel as Jupyter's own client (jupyter_client) sees it, and ipykernel beside it as a reference.

Prints, for each kernel: start to kernel_info reply, the first `1 + 1` after that, the median round trip of a
trivial cell, the median completion after warm-up, and the kernel's resident memory before and after 300 cells.
Run from the repository root after `kernel install` (or with JUPYTER_PATH pointing at a --prefix install):

    /usr/bin/python3 benchmarks/kernel/kernel_benchmark.py [--cells 300] [--kernels .net-csharp,python3]
"""
import argparse
import statistics
import sys
import time

import jupyter_client


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def execute(client, code):
    msg_id = client.execute(code)
    while True:
        msg = client.get_iopub_msg(timeout=120)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status" \
                and msg["content"]["execution_state"] == "idle":
            break
    reply = client.get_shell_msg(timeout=120)
    assert reply["content"]["status"] == "ok", reply["content"]


def complete(client, code):
    client.complete(code, len(code))
    return client.get_shell_msg(timeout=120)["content"]["matches"]


def measure(name, cells, trivial, completion_code):
    manager = jupyter_client.KernelManager(kernel_name=name)
    start = time.perf_counter()
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=120)
    started = time.perf_counter() - start
    pid = manager.provisioner.process.pid
    start = time.perf_counter()
    execute(client, trivial("1 + 1"))
    first = time.perf_counter() - start
    before = rss_mb(pid)
    times = []
    for i in range(cells):
        start = time.perf_counter()
        execute(client, trivial(f"var v{i} = {i} + 1;" if name != "python3" else f"v{i} = {i} + 1"))
        times.append(time.perf_counter() - start)
    after = rss_mb(pid)
    for _ in range(3):
        complete(client, completion_code)
    completions = []
    for _ in range(30):
        start = time.perf_counter()
        complete(client, completion_code)
        completions.append(time.perf_counter() - start)
    client.stop_channels()
    manager.shutdown_kernel(now=False)
    return {
        "start to kernel_info reply (s)": started,
        "first 1 + 1 (s)": first,
        "trivial cell, median round trip (ms)": statistics.median(times) * 1000,
        "trivial cell, 90th percentile (ms)": sorted(times)[int(len(times) * 0.9)] * 1000,
        "completion, median after warm-up (ms)": statistics.median(completions) * 1000,
        "memory before the cells (MB)": before,
        f"memory growth over {cells} cells (MB)": after - before,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=300)
    parser.add_argument("--kernels", default=".net-csharp,python3")
    args = parser.parse_args()
    specs = jupyter_client.kernelspec.KernelSpecManager().find_kernel_specs()
    results = {}
    for name in args.kernels.split(","):
        if name not in specs:
            print(f"kernel {name}: not installed, skipped", file=sys.stderr)
            continue
        completion = '"abc".Len' if name != "python3" else '"abc".up'
        results[name] = measure(name, args.cells, lambda code: code, completion)
    rows = list(next(iter(results.values())).keys()) if results else []
    names = list(results)
    print("| measure | " + " | ".join(names) + (" | ratio |" if len(names) == 2 else " |"))
    print("|---|" + "---|" * len(names) + ("---|" if len(names) == 2 else ""))
    for row in rows:
        values = [results[n][row] for n in names]
        cells = " | ".join(f"{v:.2f}" if v < 10 else f"{v:.0f}" for v in values)
        ratio = f" | {values[0] / values[1]:.2f} |" if len(names) == 2 and values[1] else (" | |" if len(names) == 2 else " |")
        print(f"| {row} | {cells}{ratio}")


if __name__ == "__main__":
    main()
