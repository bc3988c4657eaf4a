using System.Diagnostics;
using System.Text.Json.Nodes;

namespace MscAlf.Tests.Kernel;

/// <summary>The kernel driven end to end by Jupyter's own Python client, as Jupyter, VS Code and the console drive it.</summary>
[Collection(nameof(KernelUsers))]
public sealed class JupyterKernelTests : IDisposable
{
    private readonly KernelDriver _kernel = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("mscalf-kernel-cwd-").FullName;

    public void Dispose()
    {
        _kernel.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static JsonObject Execute(string code) => new() { ["op"] = "execute", ["code"] = code };

    private static JsonObject Step(JsonObject report, int index) => report["steps"]![index]!.AsObject();

    private static JsonObject Reply(JsonObject report, int index) => Step(report, index)["reply"]!.AsObject();

    private static List<JsonObject> Outputs(JsonObject report, int index, string type) =>
        [.. Step(report, index)["outputs"]!.AsArray().Select(o => o!.AsObject()).Where(o => (string?)o["type"] == type)];

    private static string Plain(JsonObject output) => (string)output["data"]!["text/plain"]!;

    [JupyterFact]
    public void Execute_WhenCellsShareState_LaterCellsSeeVariablesAndPrint()
    {
        var report = _kernel.Run(_folder, Execute("var x = 20;"), Execute("Console.WriteLine(x); x + 22"));
        Assert.Equal(("ok", 1), ((string?)Reply(report, 0)["status"], (int?)Reply(report, 0)["execution_count"]));
        Assert.Equal(("ok", 2), ((string?)Reply(report, 1)["status"], (int?)Reply(report, 1)["execution_count"]));
        Assert.Equal("20\n", (string?)Assert.Single(Outputs(report, 1, "stream"))["text"]);
        Assert.Equal("42", Plain(Assert.Single(Outputs(report, 1, "execute_result"))));
        Assert.Equal(["busy", "idle"], Step(report, 1)["statuses"]!.AsArray().Select(s => (string?)s));
    }

    [JupyterFact]
    public void Execute_WhenACellThrowsOrDoesNotCompile_RepliesErrorWithTheCellsLine()
    {
        var report = _kernel.Run(_folder,
            Execute("var a = 1;\nthrow new InvalidOperationException(\"boom\");"),
            Execute("var b = 2;\nint c = \"text\";"));
        var thrown = Reply(report, 0);
        Assert.Equal(("error", "InvalidOperationException", "boom"), ((string?)thrown["status"], (string?)thrown["ename"], (string?)thrown["evalue"]));
        Assert.Contains(thrown["traceback"]!.AsArray(), l => (string?)l == "   at the cell in In[1], line 2");
        Assert.Single(Outputs(report, 0, "error"));
        var compile = Reply(report, 1);
        Assert.Equal("CompilationError", (string?)compile["ename"]);
        Assert.Contains(compile["traceback"]!.AsArray(), l => ((string?)l)!.StartsWith("line 2: CS0029", StringComparison.Ordinal));
    }

    [JupyterFact]
    public void Complete_WhenAfterAStringsDot_OffersLengthInCodePoints()
    {
        var report = _kernel.Run(_folder,
            new JsonObject { ["op"] = "complete", ["code"] = "\"abc\".Len", ["cursor"] = 9 },
            new JsonObject { ["op"] = "complete", ["code"] = "var s = \"😀\"; s.Len", ["cursor"] = 18 });
        var plain = Reply(report, 0);
        Assert.Contains(plain["matches"]!.AsArray(), m => (string?)m == "Length");
        Assert.Equal((6, 9), ((int?)plain["cursor_start"], (int?)plain["cursor_end"]));
        var emoji = Reply(report, 1);
        Assert.Contains(emoji["matches"]!.AsArray(), m => (string?)m == "Length");
        Assert.Equal((15, 18), ((int?)emoji["cursor_start"], (int?)emoji["cursor_end"])); // 😀 is one code point, two UTF-16 units
    }

    [JupyterFact]
    public void IsCompleteAndInspect_WhenAsked_AnswerFromRoslyn()
    {
        var report = _kernel.Run(_folder,
            new JsonObject { ["op"] = "is_complete", ["code"] = "if (true) {" },
            new JsonObject { ["op"] = "is_complete", ["code"] = "var y = 1;" },
            new JsonObject { ["op"] = "inspect", ["code"] = "Math.Max(1, 2)", ["cursor"] = 6 });
        Assert.Equal(("incomplete", "    "), ((string?)Reply(report, 0)["status"], (string?)Reply(report, 0)["indent"]));
        Assert.Equal("complete", (string?)Reply(report, 1)["status"]);
        var help = Reply(report, 2);
        Assert.True((bool?)help["found"]);
        Assert.StartsWith("int Math.Max(int val1, int val2)", (string?)help["data"]!["text/plain"], StringComparison.Ordinal);
    }

    [JupyterFact]
    public void Interrupt_WhenACellSpins_StopsItWithin2SecondsAndKeepsTheVariables()
    {
        var spin = Execute("while (true) { }");
        spin["interrupt_after"] = 1.0;
        var report = _kernel.Run(_folder, Execute("var kept = 41;"), spin, Execute("kept + 1"));
        Assert.Equal("CellInterruptedException", (string?)Reply(report, 1)["ename"]);
        Assert.True((double)Step(report, 1)["stopped_after_interrupt"]! < 2.0, $"stopped after {Step(report, 1)["stopped_after_interrupt"]} s");
        Assert.Equal("42", Plain(Assert.Single(Outputs(report, 2, "execute_result"))));
    }

    [JupyterTheory]
    [InlineData("shell")]
    [InlineData("signal")]
    public void Interrupt_WhenSentOnShellOrAsSigint_StopsTheCellAndTheKernelLives(string how)
    {
        var spin = Execute("while (true) { }");
        spin["interrupt_after"] = 1.0;
        spin["interrupt_by"] = how;
        var report = _kernel.Run(_folder, spin, Execute("1 + 1"));
        Assert.Equal("CellInterruptedException", (string?)Reply(report, 0)["ename"]);
        Assert.Equal("2", Plain(Assert.Single(Outputs(report, 1, "execute_result"))));
    }

    [JupyterFact]
    public void Interrupt_WhenTheCellIsBlocked_SaysSoInTheCellsOutput()
    {
        var sleep = Execute("System.Threading.Thread.Sleep(5000);");
        sleep["interrupt_after"] = 0.5;
        var report = _kernel.Run(_folder, Execute("var warm = 1;"), sleep, Execute("\"alive\""));
        var error = Assert.Single(Outputs(report, 1, "error"));
        Assert.Contains("did not stop within 2 s", (string?)error["evalue"], StringComparison.Ordinal);
        Assert.Contains("restart the kernel", (string?)error["evalue"], StringComparison.Ordinal);
        Assert.Equal("alive", Plain(Assert.Single(Outputs(report, 2, "execute_result"))));
    }

    [JupyterFact]
    public void RestartAndShutdown_WhenAsked_StartFreshAndLeaveNoProcess()
    {
        var report = _kernel.Run(_folder, Execute("var x = 1;"), new JsonObject { ["op"] = "restart" }, Execute("x"),
            new JsonObject { ["op"] = "shutdown" });
        Assert.Equal("CompilationError", (string?)Reply(report, 2)["ename"]); // a new session: x is gone
        Assert.Equal(1, (int?)Reply(report, 2)["execution_count"]);
        Assert.Equal(2, report["pids"]!.AsArray().Count);
        Assert.Empty(report["alive_after"]!.AsArray());
        Assert.True((double)Step(report, 3)["elapsed"]! < 2.0, "a shutdown that needs SIGTERM or SIGKILL takes 2.5 s or more");
    }

    [JupyterTheory]
    [InlineData("a-key-the-kernel-does-not-have")]
    [InlineData("")]
    public void Execute_WhenTheSignatureIsWrongOrMissing_DropsTheMessageAndGoesOn(string key)
    {
        var forged = Path.Combine(_folder, "forged.txt");
        var report = _kernel.Run(_folder,
            new JsonObject { ["op"] = "forged", ["key"] = key, ["code"] = $"System.IO.File.WriteAllText(@\"{forged}\", \"ran\");" },
            Execute("1 + 1"));
        Assert.False(File.Exists(forged), "a message with a bad signature was executed");
        Assert.Equal(("ok", 1), ((string?)Reply(report, 1)["status"], (int?)Reply(report, 1)["execution_count"]));
    }

    [JupyterFact]
    public void Execute_WhenACellReadsInput_AsksTheClientOrSaysItCannot()
    {
        var asked = Execute("Console.Write(\"name? \");\nvar name = Console.ReadLine();\n$\"hi {name}\"");
        asked["allow_stdin"] = true;
        asked["answer"] = "Ada";
        var report = _kernel.Run(_folder, asked, Execute("Console.ReadLine()"));
        Assert.Single(Outputs(report, 0, "input_request"));
        Assert.Equal("hi Ada", Plain(Assert.Single(Outputs(report, 0, "execute_result"))));
        Assert.Equal("name? ", (string?)Assert.Single(Outputs(report, 0, "stream"))["text"]);
        Assert.Contains("does not accept input", (string?)Reply(report, 1)["evalue"], StringComparison.Ordinal);
    }

    [JupyterFact]
    public void Execute_WhenStopOnErrorAndCellsAreQueued_AbortsTheRest()
    {
        var report = _kernel.Run(_folder, new JsonObject
        {
            ["op"] = "queue", ["codes"] = new JsonArray("System.Threading.Thread.Sleep(300); throw new Exception(\"first\");", "1 + 1", "2 + 2"),
        }, Execute("3 + 3"));
        var replies = Step(report, 0)["replies"]!.AsArray().Select(r => (string?)r!["status"]);
        Assert.Equal(["error", "aborted", "aborted"], replies);
        Assert.Equal("ok", (string?)Reply(report, 1)["status"]);
    }

    [JupyterFact]
    public void Execute_WhenACellPrintsOverTime_StreamsAsItGoes()
    {
        var report = _kernel.Run(_folder, Execute("for (var i = 0; i < 3; i++) { Console.WriteLine(i); await Task.Delay(400); }"));
        var streams = Outputs(report, 0, "stream");
        Assert.Equal("0\n1\n2\n", string.Concat(streams.Select(s => (string?)s["text"])));
        Assert.True(streams.Count >= 2, "the text came in one message at the end");
        Assert.True((double)streams[^1]["at"]! - (double)streams[0]["at"]! > 0.5);
    }

    [JupyterFact]
    public void Execute_WhenADisplayIsUpdated_SendsDisplayAndUpdateUnderOneId()
    {
        var report = _kernel.Run(_folder, Execute("var shown = display(\"first\");\nshown.Update(\"second\");"));
        var shown = Assert.Single(Outputs(report, 0, "display_data"));
        var update = Assert.Single(Outputs(report, 0, "update_display_data"));
        Assert.Equal("first", Plain(shown));
        Assert.Equal("second", Plain(update));
        Assert.Equal((string?)shown["transient"]!["display_id"], (string?)update["transient"]!["display_id"]);
    }

    [JupyterFact]
    public void Execute_WhenSilent_PublishesNothingAndCountsNothing()
    {
        var hidden = Execute("Console.WriteLine(\"hidden\"); var h = 5;");
        hidden["silent"] = true;
        var report = _kernel.Run(_folder, hidden, Execute("h"));
        Assert.Empty(Step(report, 0)["outputs"]!.AsArray());
        Assert.Equal(1, (int?)Reply(report, 1)["execution_count"]);
        Assert.Equal("5", Plain(Assert.Single(Outputs(report, 1, "execute_result"))));
    }

    [JupyterFact]
    public void KernelInfoHistoryAndCommInfo_WhenAsked_Answer()
    {
        var report = _kernel.Run(_folder, new JsonObject { ["op"] = "kernel_info" }, new JsonObject { ["op"] = "history" },
            new JsonObject { ["op"] = "comm_info" });
        var info = Reply(report, 0);
        Assert.Equal(("5.3", "C#"), ((string?)info["protocol_version"], (string?)info["language_info"]!["name"]));
        Assert.Empty(Reply(report, 1)["history"]!.AsArray());
        Assert.Empty(Reply(report, 2)["comms"]!.AsObject());
    }

    [JupyterFact]
    public void Kernel_WhenItsClientProcessIsKilled_Exits()
    {
        const string Start = """
            import jupyter_client, sys, time
            km = jupyter_client.KernelManager(kernel_name=".net-csharp"); km.start_kernel()
            kc = km.client(); kc.start_channels(); kc.wait_for_ready(timeout=60)
            print(km.provisioner.process.pid, flush=True); time.sleep(600)
            """;
        var start = new ProcessStartInfo(MscAlf.Tests.Notebooks.NbformatFactAttribute.Python, ["-c", Start]) { RedirectStandardOutput = true };
        foreach (var (name, value) in _kernel.Environment())
        {
            start.Environment[name] = value;
        }
        using var client = Process.Start(start)!;
        var pid = int.Parse(client.StandardOutput.ReadLine()!, System.Globalization.CultureInfo.InvariantCulture);
        client.Kill(); // SIGKILL: the client cannot shut the kernel down
        client.WaitForExit();
        var clock = Stopwatch.StartNew();
        while (File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2].Equals("Z", StringComparison.Ordinal)
            && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.Sleep(100);
        }
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"kernel {pid} still runs 10 s after its client died");
    }
}

/// <summary>Kernel tests start processes and bind ports: one at a time.</summary>
[CollectionDefinition(nameof(KernelUsers), DisableParallelization = true)]
public sealed class KernelUsers;

/// <summary>A theory that needs Debian's Jupyter client.</summary>
public sealed class JupyterTheoryAttribute : TheoryAttribute
{
    public JupyterTheoryAttribute()
    {
        if (!KernelDriver.HasPythonModule("jupyter_client"))
        {
            Skip = "needs Debian's python3-jupyter-client (apt-get install python3-jupyter-client; CI installs it)";
        }
    }
}
