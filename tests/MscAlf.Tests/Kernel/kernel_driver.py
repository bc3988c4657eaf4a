#!/usr/bin/env python3
"""Drives a Jupyter kernel with Jupyter's own client (jupyter_client), as a front end would, for the C# tests.

Reads a JSON script from stdin: {"kernel": NAME, "cwd": DIR, "steps": [STEP, ...]} and prints one JSON object:
{"steps": [RESULT, ...], "pid": PID, "alive_after": BOOL}. A step is one of
  {"op": "execute", "code": C, "allow_stdin": B, "stop_on_error": B, "silent": B, "answer": A?, "interrupt_after": S?,
   "interrupt_by": "control" | "shell" | "signal"}
  {"op": "queue", "codes": [C, ...]}            several execute requests sent at once, all replies collected
  {"op": "complete", "code": C, "cursor": N}    {"op": "inspect", "code": C, "cursor": N}
  {"op": "is_complete", "code": C}              {"op": "kernel_info"}       {"op": "history"}    {"op": "comm_info"}
  {"op": "forged", "code": C, "key": K}        an execute request signed with another key (or unsigned with "")
  {"op": "restart"}                             {"op": "shutdown"}
Every result carries what the kernel sent back (reply content, and for executions the IOPub outputs in order).
"""
import json
import os
import signal
import sys
import time

import jupyter_client
from jupyter_client.session import Session

TIMEOUT = 60


def collect(client, msg_id, answer=None):
    """IOPub messages of one request until its idle status, answering input requests on the way."""
    outputs = []
    statuses = []
    while True:
        if answer is not None:
            try:
                request = client.get_stdin_msg(timeout=0.05)
                if request["parent_header"].get("msg_id") == msg_id:
                    outputs.append({"type": "input_request", "prompt": request["content"]["prompt"]})
                    client.input(answer)
            except Exception:
                pass
        try:
            msg = client.get_iopub_msg(timeout=0.05 if answer is not None else TIMEOUT)
        except Exception:
            if answer is not None:
                continue
            raise
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        content = msg["content"]
        if kind == "status":
            statuses.append(content["execution_state"])
            if content["execution_state"] == "idle":
                return outputs, statuses
        elif kind == "stream":
            outputs.append({"type": "stream", "name": content["name"], "text": content["text"], "at": time.time()})
        elif kind in ("execute_result", "display_data", "update_display_data"):
            outputs.append({"type": kind, "data": content["data"], "transient": content.get("transient", {})})
        elif kind == "error":
            outputs.append({"type": "error", "ename": content["ename"], "evalue": content["evalue"],
                            "traceback": content["traceback"]})
        elif kind == "execute_input":
            outputs.append({"type": "execute_input", "execution_count": content["execution_count"]})


def shell_reply(client, msg_id):
    while True:
        reply = client.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def execute(client, manager, step):
    start = time.time()
    msg_id = client.execute(step["code"], silent=step.get("silent", False),
                            allow_stdin=step.get("allow_stdin", False),
                            stop_on_error=step.get("stop_on_error", True))
    interrupted_at = None
    if "interrupt_after" in step:
        time.sleep(step["interrupt_after"])
        interrupted_at = time.time()
        how = step.get("interrupt_by", "control")
        if how == "control":
            manager.interrupt_kernel()  # interrupt_mode "message": interrupt_request on the control channel
        elif how == "shell":
            client.shell_channel.send(client.session.msg("interrupt_request", {}))  # as VS Code did before 2025
        else:
            os.kill(manager.provisioner.process.pid, signal.SIGINT)
    outputs, statuses = collect(client, msg_id, step.get("answer"))
    reply = shell_reply(client, msg_id)
    result = {"op": "execute", "reply": reply["content"], "outputs": outputs, "statuses": statuses,
              "start": start, "elapsed": time.time() - start}
    if interrupted_at is not None:
        result["stopped_after_interrupt"] = time.time() - interrupted_at
    return result


def request(client, kind, content):
    msg = client.session.msg(kind, content)
    client.shell_channel.send(msg)
    reply = shell_reply(client, msg["header"]["msg_id"])
    return {"op": kind, "reply": reply["content"]}


def forged(client, step):
    """An execute request signed with a key the kernel does not have: it must be dropped, never run."""
    impostor = Session(key=step["key"].encode(), username="impostor")
    msg = impostor.msg("execute_request", {"code": step["code"], "silent": False, "store_history": True,
                                           "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
    impostor.send(client.shell_channel.socket, msg)
    time.sleep(1.0)
    return {"op": "forged", "msg_id": msg["header"]["msg_id"]}


def main():
    # A Jupyter front end runs in the foreground. Started in the background (nohup, some CI runners), this driver
    # would inherit SIGINT as ignored and pass that on to the kernel, whose SIGINT handling would then go untested.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    script = json.load(sys.stdin)
    if script.get("cwd"):
        os.chdir(script["cwd"])
    manager = jupyter_client.KernelManager(kernel_name=script["kernel"])
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=TIMEOUT)
    results = []
    pids = [manager.provisioner.process.pid]
    for step in script["steps"]:
        op = step["op"]
        if op == "execute":
            results.append(execute(client, manager, step))
        elif op == "queue":
            ids = [client.execute(code, stop_on_error=True) for code in step["codes"]]
            replies = [shell_reply(client, i)["content"] for i in ids]
            for i in ids:
                collect(client, i)
            results.append({"op": "queue", "replies": replies})
        elif op == "complete":
            results.append(request(client, "complete_request", {"code": step["code"], "cursor_pos": step["cursor"]}))
        elif op == "inspect":
            results.append(request(client, "inspect_request",
                                   {"code": step["code"], "cursor_pos": step["cursor"], "detail_level": 0}))
        elif op == "is_complete":
            results.append(request(client, "is_complete_request", {"code": step["code"]}))
        elif op == "kernel_info":
            results.append(request(client, "kernel_info_request", {}))
        elif op == "history":
            results.append(request(client, "history_request", {"output": False, "raw": True, "hist_access_type": "tail", "n": 10}))
        elif op == "comm_info":
            results.append(request(client, "comm_info_request", {}))
        elif op == "forged":
            results.append(forged(client, step))
        elif op == "restart":
            manager.restart_kernel(now=False)
            client.wait_for_ready(timeout=TIMEOUT)
            pids.append(manager.provisioner.process.pid)
            results.append({"op": "restart", "pid": pids[-1]})
        elif op == "shutdown":
            start = time.time()
            manager.shutdown_kernel(now=False)
            results.append({"op": "shutdown", "elapsed": time.time() - start})
    if manager.has_kernel:
        manager.shutdown_kernel(now=False)
    client.stop_channels()
    time.sleep(0.2)
    alive = [pid for pid in pids if os.path.exists(f"/proc/{pid}") and
             open(f"/proc/{pid}/stat").read().split()[2] != "Z"]
    print(json.dumps({"steps": results, "pids": pids, "alive_after": alive}))


if __name__ == "__main__":
    main()
