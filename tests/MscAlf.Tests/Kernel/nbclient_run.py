#!/usr/bin/env python3
"""Executes notebooks through a Jupyter kernel with nbclient, as `jupyter nbconvert --execute` and Jupyter Book do.

    nbclient_run.py KERNEL OUT_DIR NOTEBOOK...

Each notebook runs in its own folder (as Jupyter runs it) with a fresh kernel; the executed copy is written to
OUT_DIR under the same file name. Exits 1 naming the notebook and cell when a cell fails.
"""
import os
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def main():
    kernel, out_dir, notebooks = sys.argv[1], sys.argv[2], sys.argv[3:]
    for path in notebooks:
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(notebook, kernel_name=kernel, timeout=600, startup_timeout=120,
                                resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
        try:
            client.execute()
        except CellExecutionError as error:
            print(f"{path}: {str(error)[:2000]}", file=sys.stderr)
            return 1
        nbformat.write(notebook, os.path.join(out_dir, os.path.basename(path)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
