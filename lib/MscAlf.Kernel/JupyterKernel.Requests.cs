using System.Text.Json.Nodes;
using MscAlf.Notebooks;

namespace MscAlf.Kernel;

/// <summary>The requests that wait their turn: execution (one at a time, in order) and the services beside it.</summary>
public sealed partial class JupyterKernel
{
    private static readonly string[] ExitWords = ["exit", "quit", "exit()", "quit()"];

    private async Task ExecuteLoopAsync()
    {
        await foreach (var request in _executions.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
            var failed = true;
            try
            {
                failed = await ExecuteAsync(request).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Log($"execute_request failed: {ex.GetType().Name}: {ex.Message}");
                Send(_shell, JupyterMessage.Create("execute_reply", ErrorContent("KernelError", ex.Message, []), request, _sessionId));
            }
            // The requests to abort are taken before idle: a client that waits for idle and then sends its next cell
            // must see that cell run, whatever the threads' timing (taking them after idle raced with such a request).
            var aborted = failed && ((bool?)request.Content["stop_on_error"] ?? true) ? TakeQueued() : [];
            Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
            Abort(aborted);
        }
    }

    /// <summary>Runs one execute request; true when the cell failed.</summary>
    private async Task<bool> ExecuteAsync(JupyterMessage request)
    {
        var content = request.Content;
        var code = (string?)content["code"] ?? "";
        var silent = (bool?)content["silent"] ?? false;
        var counted = !silent && ((bool?)content["store_history"] ?? true);
        var count = counted ? ++_executionCount : _executionCount;
        if (!silent)
        {
            Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);
        }
        if (ExitWords.Contains(code.Trim()))
        {
            // jupyter-console sends "exit" as code and leaves only when asked to, by this payload.
            Reply(request, count, [new JsonObject { ["source"] = "ask_exit", ["keepkernel"] = false }]);
            return false;
        }
        var output = new KernelOutput(Publish, request, silent);
        var options = new CellOptions
        {
            LateOutput = true,
            Input = (bool?)content["allow_stdin"] ?? false ? (prompt, password, token) => ReadInput(request, output, prompt, password, token) : null,
            NoInputReason = "Console.ReadLine: this client does not accept input (allow_stdin is false); set the value in code",
        };
        var label = counted ? $"In[{count}]" : $"exec{++_uncounted}";
        var outcome = await _session.ExecuteAsync(code, label, output, options).ConfigureAwait(false);
        output.Flush();
        if (outcome.Error is { } error)
        {
            var traceback = new JsonArray([.. error.Traceback.Select(t => (JsonNode)JsonValue.Create(t)!)]);
            if (!silent)
            {
                Publish("error", new JsonObject { ["ename"] = error.Name, ["evalue"] = error.Message, ["traceback"] = traceback.DeepClone() }, request);
            }
            var reply = ErrorContent(error.Name, error.Message, traceback);
            reply["execution_count"] = count;
            Send(_shell, JupyterMessage.Create("execute_reply", reply, request, _sessionId));
            return true;
        }
        if (outcome.Result is { } result && !silent)
        {
            Publish("execute_result", new JsonObject { ["data"] = result, ["execution_count"] = count, ["metadata"] = new JsonObject() }, request);
        }
        Reply(request, count, []);
        return false;
    }

    private void Reply(JupyterMessage request, int count, JsonArray payload)
    {
        var expressions = new JsonObject();
        foreach (var (name, _) in request.Content["user_expressions"] as JsonObject ?? [])
        {
            expressions[name] = ErrorContent("NotSupported", "this kernel does not evaluate user_expressions", []);
        }
        Send(_shell, JupyterMessage.Create("execute_reply", new JsonObject
        {
            ["status"] = "ok", ["execution_count"] = count, ["payload"] = payload, ["user_expressions"] = expressions,
        }, request, _sessionId));
    }

    private static JsonObject ErrorContent(string name, string message, JsonArray traceback) => new()
    {
        ["status"] = "error", ["ename"] = name, ["evalue"] = message, ["traceback"] = traceback,
    };

    /// <summary>The execute requests queued now (taken off the queue).</summary>
    private List<JupyterMessage> TakeQueued()
    {
        var queued = new List<JupyterMessage>();
        while (_executions.Reader.TryRead(out var next))
        {
            queued.Add(next);
        }
        return queued;
    }

    /// <summary>After a failed cell with stop_on_error: the requests that were queued are answered "aborted", not run.</summary>
    private void Abort(List<JupyterMessage> requests)
    {
        foreach (var queued in requests)
        {
            Publish("status", new JsonObject { ["execution_state"] = "busy" }, queued);
            Send(_shell, JupyterMessage.Create("execute_reply",
                new JsonObject { ["status"] = "aborted", ["execution_count"] = _executionCount }, queued, _sessionId));
            Publish("status", new JsonObject { ["execution_state"] = "idle" }, queued);
        }
    }

    /// <summary>Asks the client for a line (input_request on stdin) and waits for its input_reply, or the interrupt.</summary>
    private string ReadInput(JupyterMessage request, KernelOutput output, string prompt, bool password, CancellationToken cancellation)
    {
        output.Flush(); // the text the cell printed as a prompt goes first
        var waiter = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _input = waiter;
        try
        {
            Send(_stdin, JupyterMessage.Create("input_request", new JsonObject { ["prompt"] = prompt, ["password"] = password },
                request, _sessionId, request.Identities));
            using var registration = cancellation.Register(() => waiter.TrySetCanceled(cancellation));
            return waiter.Task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            throw new CellInterruptedException("the cell was interrupted while it waited for input");
        }
        finally
        {
            _input = null;
        }
    }

    private async Task ServiceLoopAsync()
    {
        await foreach (var request in _services.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var reply = request.Type switch
            {
                "complete_request" => "complete_reply",
                "inspect_request" => "inspect_reply",
                "is_complete_request" => "is_complete_reply",
                "history_request" => "history_reply",
                "comm_info_request" => "comm_info_reply",
                _ => null,
            };
            if (reply is null)
            {
                Log($"ignored {request.Type}: not supported");
                continue;
            }
            Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
            JsonObject content;
            try
            {
                content = await ServeAsync(request).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Log($"{request.Type} failed: {ex.GetType().Name}: {ex.Message}");
                content = ErrorContent(ex.GetType().Name, ex.Message, []);
            }
            Send(_shell, JupyterMessage.Create(reply, content, request, _sessionId));
            Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
        }
    }

    private async Task<JsonObject> ServeAsync(JupyterMessage request)
    {
        var code = (string?)request.Content["code"] ?? "";
        var cursor = CodePoints.ToUtf16(code, (int?)request.Content["cursor_pos"] ?? code.Length);
        switch (request.Type)
        {
            case "complete_request":
                var completions = await _assistant.CompleteAsync(code, cursor).ConfigureAwait(false);
                var (start, end) = (CodePoints.FromUtf16(code, completions.Start), CodePoints.FromUtf16(code, completions.End));
                return new JsonObject
                {
                    ["status"] = "ok",
                    ["matches"] = new JsonArray([.. completions.Items.Select(c => (JsonNode)JsonValue.Create(c.Text)!)]),
                    ["cursor_start"] = start,
                    ["cursor_end"] = end,
                    ["metadata"] = new JsonObject
                    {
                        ["_jupyter_types_experimental"] = new JsonArray([.. completions.Items.Select(c => (JsonNode)new JsonObject
                        {
                            ["start"] = start, ["end"] = end, ["text"] = c.Text, ["type"] = c.Kind, ["signature"] = c.Signature,
                        })]),
                    },
                };
            case "inspect_request":
                var help = await _assistant.InspectAsync(code, cursor).ConfigureAwait(false);
                return new JsonObject
                {
                    ["status"] = "ok", ["found"] = help is not null, ["metadata"] = new JsonObject(),
                    ["data"] = help is null ? new JsonObject() : new JsonObject { ["text/plain"] = help },
                };
            case "is_complete_request":
                var completeness = CodeAssistant.IsComplete(code);
                var answer = new JsonObject { ["status"] = completeness.Status };
                if (completeness.Status == "incomplete")
                {
                    answer["indent"] = completeness.Indent;
                }
                return answer;
            case "history_request":
                return new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() };
            default:
                return new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() };
        }
    }
}
