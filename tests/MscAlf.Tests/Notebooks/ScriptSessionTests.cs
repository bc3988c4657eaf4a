using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using MscAlf.Notebooks;

namespace MscAlf.Tests.Notebooks;

/// <summary>Records what a cell sends out, as a kernel or the runner would receive it.</summary>
internal sealed class RecordingOutput : ICellOutput
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    public List<(string Id, JsonObject Bundle)> Displays { get; } = [];

    public List<(string Id, JsonObject Bundle)> Updates { get; } = [];

    public string Stdout
    {
        get
        {
            lock (_gate)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    public void Stream(string name, string text)
    {
        lock (_gate)
        {
            (name == "stdout" ? _stdout : _stderr).Append(text);
        }
    }

    public void Display(JsonObject bundle, string displayId)
    {
        lock (_gate)
        {
            Displays.Add((displayId, bundle));
        }
    }

    public void UpdateDisplay(JsonObject bundle, string displayId)
    {
        lock (_gate)
        {
            Updates.Add((displayId, bundle));
        }
    }
}

[Collection(nameof(ConsoleUsers))]
public sealed class ScriptSessionTests : IDisposable
{
    private readonly ScriptSession _session = new(Path.GetTempPath());

    public void Dispose() => _session.Dispose();

    private Task<CellOutcome> Run(string code, RecordingOutput? output = null, CellOptions? options = null) =>
        _session.ExecuteAsync(code, "cell1", output ?? new RecordingOutput(), options);

    private static string Plain(CellOutcome outcome) => (string)outcome.Result!["text/plain"]!;

    [Fact]
    public async Task Interrupt_WhenACellSpins_StopsItQuicklyAndKeepsTheVariables()
    {
        await Run("var kept = 41;");
        var spinning = Run("var n = 0L;\nwhile (true) { n++; }");
        await Task.Delay(300);
        var clock = Stopwatch.StartNew();
        Assert.True(_session.Interrupt());
        var outcome = await spinning;
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.Equal((nameof(CellInterruptedException), (int?)2), (outcome.Error!.Name, outcome.Error.Line));
        Assert.Equal("42", Plain(await Run("kept + 1")));
    }

    [Fact]
    public async Task Interrupt_WhenTheCellIsStillCompiling_KeepsItFromStarting()
    {
        var cell = Run("while (true) { }"); // a fresh session: this waits for the first compile
        Assert.True(_session.Interrupt());
        var outcome = await cell;
        Assert.Equal((nameof(CellInterruptedException), "the cell was interrupted before it started"), (outcome.Error!.Name, outcome.Error.Message));
        Assert.False(_session.Interrupt(), "nothing runs now, so there is nothing to interrupt");
    }

    [Fact]
    public async Task Interrupt_WhenTheLoopIsInAMethodOfAnEarlierCell_StopsIt()
    {
        await Run("void Spin()\n{\n    while (true) { }\n}");
        var spinning = Run("Spin();");
        await Task.Delay(200);
        _session.Interrupt();
        var outcome = await spinning;
        Assert.Equal(nameof(CellInterruptedException), outcome.Error!.Name);
        Assert.Contains(outcome.Error.Traceback, line => line.Contains("at Spin in cell1, line 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Interrupt_WhenTheCellAwaitsItsToken_CancelsTheAwait()
    {
        var waiting = Run("await Task.Delay(TimeSpan.FromMinutes(5), CancellationToken);");
        await Task.Delay(200);
        _session.Interrupt();
        var outcome = await waiting;
        Assert.Equal(nameof(CellInterruptedException), outcome.Error!.Name);
    }

    [Fact]
    public async Task Interrupt_WhenTheCellIsBlocked_SaysSoAndTheSessionGoesOn()
    {
        await Run("var before = 1;");
        var blocked = Run("System.Threading.Thread.Sleep(4000); var after = 2;");
        await Task.Delay(200);
        _session.Interrupt();
        var outcome = await blocked;
        Assert.Contains("did not stop within 2 s", outcome.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("restart the kernel", outcome.Error.Message, StringComparison.Ordinal);
        Assert.Equal("1", Plain(await Run("before")));
    }

    [Fact]
    public async Task ExecuteAsync_WhenTimeoutPasses_StopsTheCellAsTimeoutError()
    {
        var outcome = await Run("while (true) { }", options: new CellOptions { Timeout = TimeSpan.FromMilliseconds(300) });
        Assert.Equal(("TimeoutError", (int?)1), (outcome.Error!.Name, outcome.Error.Line));
        Assert.Contains("more than 0.3 s", outcome.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_WhenRecursionNeverEnds_FailsTheCellInsteadOfTheProcess()
    {
        var outcome = await Run("int Down(int n) => Down(n + 1) + 1;\nDown(0)");
        Assert.Equal(nameof(InsufficientExecutionStackException), outcome.Error!.Name);
        Assert.Equal("2", Plain(await Run("1 + 1")));
    }

    [Fact]
    public async Task ExecuteAsync_WhenACellPrintsWithoutEnd_CutsTheOutputAndSaysHowMuch()
    {
        var output = new RecordingOutput();
        var outcome = await Run("for (var i = 0; i < 300_000; i++) Console.Write(\"0123456789\");", output);
        Assert.True(outcome.Succeeded);
        Assert.Equal(ScriptSession.MaxStreamCharacters, output.Stdout.Length);
        Assert.Contains("the cell wrote 3,000,000 characters; the first 1,000,000 are shown", output.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_WhenAThreadWritesAfterTheCell_DropsItUnlessLateOutputIsKept()
    {
        const string Late = "new System.Threading.Thread(() => { System.Threading.Thread.Sleep(200); Console.Write(\"late\"); }) { IsBackground = true }.Start();";
        var dropped = new RecordingOutput();
        await Run(Late, dropped);
        await Task.Delay(600);
        var kept = new RecordingOutput();
        await Run(Late, kept, new CellOptions { LateOutput = true });
        await Task.Delay(600);
        Assert.Equal(("", "late"), (dropped.Stdout, kept.Stdout));
    }

    [Fact]
    public async Task ExecuteAsync_WhenADisplayIsUpdated_SendsTheUpdateUnderTheSameId()
    {
        var output = new RecordingOutput();
        var outcome = await Run("var shown = display(\"first\");\nshown.Update(\"second\");\nshown", output);
        Assert.Null(outcome.Result);
        var (id, bundle) = Assert.Single(output.Displays);
        Assert.Equal("first", (string?)bundle["text/plain"]);
        Assert.Equal((id, "second"), (Assert.Single(output.Updates).Id, (string?)output.Updates[0].Bundle["text/plain"]));
    }

    [Fact]
    public async Task ExecuteAsync_WhenACellReadsInput_AsksTheClientOrSaysWhyItCannot()
    {
        var answered = await Run("Console.ReadLine()", options: new CellOptions { Input = (_, _, _) => "typed" });
        Assert.Equal("typed", Plain(answered));
        var refused = await Run("Console.ReadLine()", options: new CellOptions { NoInputReason = "no input here" });
        Assert.Equal(("InvalidOperationException", "no input here"), (refused.Error!.Name, refused.Error.Message));
    }

    [Fact]
    public async Task ExecuteAsync_WhenACellThrows_KeepsWhatItAssignedBefore()
    {
        var outcome = await Run("var a = 5;\nthrow new InvalidOperationException(\"boom\");");
        Assert.Equal(("InvalidOperationException", "boom", (int?)2), (outcome.Error!.Name, outcome.Error.Message, outcome.Error.Line));
        Assert.Equal("InvalidOperationException: boom", outcome.Error.Traceback[0]);
        Assert.Contains(outcome.Error.Traceback, line => line == "   at the cell in cell1, line 2");
        Assert.Equal("5", Plain(await Run("a")));
    }

    [Fact]
    public async Task ExecuteAsync_WhenAHotLoopIsChecked_StillComputesTheSameResult()
    {
        var outcome = await Run("long sum = 0;\nfor (var i = 0; i < 1_000_000; i++) { sum += i; }\nsum");
        Assert.Equal("499999500000", Plain(outcome));
    }
}
