using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace MscAlf.Notebooks;

/// <summary>Where and why a notebook stopped.</summary>
/// <param name="Notebook">The notebook's path.</param>
/// <param name="Cell">The 1-based number of the failing cell in the document.</param>
/// <param name="Line">The 1-based line in the cell, when known.</param>
/// <param name="Message">What went wrong.</param>
public sealed record NotebookFailure(string Notebook, int Cell, int? Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Notebook}: cell {Cell}{(Line is { } l ? $", line {l}" : "")}: {Message}";
}

/// <summary>The outcome of running a notebook.</summary>
/// <param name="Notebook">The notebook with its new outputs.</param>
/// <param name="Failure">Where it stopped, or null when every cell ran.</param>
/// <param name="CellTimes">How long each executed code cell took, in order.</param>
public sealed record NotebookRun(Notebook Notebook, NotebookFailure? Failure, IReadOnlyList<TimeSpan> CellTimes)
{
    /// <summary>True when every cell ran.</summary>
    public bool Succeeded => Failure is null;
}

/// <summary>
/// Runs a notebook's C# cells top to bottom in one Roslyn scripting session, fresh per notebook (variables carry
/// from cell to cell, as in .NET Interactive), and writes outputs back into the cells: stream text, displayed
/// values, the value of a cell's last expression, errors. Cells run in the notebook's folder, as in Jupyter. Stops at
/// the first failing cell. A cell that runs past
/// the timeout fails the notebook; the caller's process ends soon after, taking the hung cell with it.
/// </summary>
public static partial class NotebookRunner
{
    /// <summary>The default per-cell timeout.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(120);

    /// <summary>Runs the notebook at <paramref name="path"/>.</summary>
    public static async Task<NotebookRun> RunAsync(string path, TimeSpan cellTimeout)
    {
        var notebook = Notebook.Load(path);
        NotebookMetadata.Ensure(notebook);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var rich = new RichOutput();
        var shipped = ShippedAssemblies.Current;
        CellOutputs? current = null;
        var globals = new NotebookGlobals(value => current?.Display(rich.Format(value)));
        var options = Options(directory, shipped);
        ScriptState<object>? state = null;
        var times = new List<TimeSpan>();
        var count = 0;
        var (savedOut, savedError, savedDirectory) = (Console.Out, Console.Error, Environment.CurrentDirectory);
        try
        {
            Environment.CurrentDirectory = directory; // as in Jupyter: relative paths start at the notebook's folder
            for (var index = 0; index < notebook.Cells.Count; index++)
            {
                var cell = notebook.Cells[index];
                if (!cell.IsCode)
                {
                    continue;
                }
                cell.Outputs.Clear();
                cell.ExecutionCount = null;
                var source = CellSource.Prepare(cell.Source, shipped);
                if (source.IsMarkdown)
                {
                    continue;
                }
                cell.ExecutionCount = ++count;
                current = new CellOutputs(cell);
                Console.SetOut(current.Writer("stdout"));
                Console.SetError(current.Writer("stderr"));
                if (source.Problem is { } problem)
                {
                    return Fail(notebook, times, current, path, index, null, "UnsupportedCell", problem, []);
                }
                var clock = Stopwatch.StartNew();
                var cellOptions = options.WithFilePath($"cell{index + 1}.csx");
                Task<ScriptState<object>> task;
                try
                {
                    // Roslyn runs a cell synchronously up to its first await, so start it on a pool thread: only then
                    // can a cell that never yields (while (true) {}) be timed out.
                    var previous = state;
                    task = Task.Run(() => previous is null
                        ? CSharpScript.Create<object>(source.Code, cellOptions, typeof(NotebookGlobals)).RunAsync(globals, catchException: _ => true)
                        : previous.ContinueWithAsync<object>(source.Code, cellOptions, catchException: _ => true));
                    if (await Task.WhenAny(task, Task.Delay(cellTimeout)).ConfigureAwait(false) != task)
                    {
                        return Fail(notebook, times, current, path, index, null, "TimeoutError",
                            $"the cell ran for more than {cellTimeout.TotalSeconds:0} s and was stopped", []);
                    }
                    state = await task.ConfigureAwait(false);
                }
                catch (CompilationErrorException ex)
                {
                    var first = ex.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
                    var line = first.Location.GetLineSpan().StartLinePosition.Line + 1;
                    return Fail(notebook, times, current, path, index, line, "CompilationError", first.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                        [.. ex.Diagnostics.Select(d => $"line {d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")]);
                }
                times.Add(clock.Elapsed);
                current.FlushStreams();
                if (state.Exception is { } error)
                {
                    var line = LineOf(error, index + 1);
                    return Fail(notebook, times, current, path, index, line, error.GetType().Name, error.Message,
                        [.. (error.StackTrace ?? "").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Contains("cell", StringComparison.Ordinal))]);
                }
                if (state.ReturnValue is { } result)
                {
                    current.Result(rich.Format(result), count);
                }
            }
            return new NotebookRun(notebook, null, times);
        }
        finally
        {
            current?.FlushStreams();
            Console.SetOut(savedOut);
            Console.SetError(savedError);
            Environment.CurrentDirectory = savedDirectory;
        }
    }

    private static ScriptOptions Options(string directory, ShippedAssemblies shipped) =>
        ScriptOptions.Default
            .WithReferences(
                typeof(object).Assembly, typeof(Enumerable).Assembly, typeof(Console).Assembly,
                typeof(System.Collections.Generic.List<>).Assembly, typeof(System.Text.RegularExpressions.Regex).Assembly,
                typeof(MscAlf.Data.Dataset).Assembly, typeof(Microsoft.Data.Analysis.DataFrame).Assembly,
                typeof(Plotly.NET.GenericChart).Assembly, typeof(NotebookGlobals).Assembly)
            .WithImports("System", "System.IO", "System.Linq", "System.Text", "System.Collections.Generic", "System.Threading.Tasks")
            .WithMetadataResolver(new NotebookReferenceResolver(directory, shipped))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(directory))
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8);

    private static NotebookRun Fail(Notebook notebook, List<TimeSpan> times, CellOutputs outputs, string path, int index,
        int? line, string name, string message, string[] traceback)
    {
        outputs.FlushStreams();
        outputs.Error(name, message, traceback.Length > 0 ? traceback : [$"{name}: {message}"]);
        return new NotebookRun(notebook, new NotebookFailure(path, index + 1, line, $"{name}: {message}"), times);
    }

    private static int? LineOf(Exception error, int cell)
    {
        var match = Regex.Match(error.StackTrace ?? "", $@"cell{cell}\.csx:line (\d+)");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Collects one cell's outputs in the order they happen, merging consecutive stream text.</summary>
    private sealed class CellOutputs(NotebookCell cell)
    {
        private readonly StringBuilder _stdout = new();
        private readonly StringBuilder _stderr = new();

        public StreamWriterSink Writer(string stream) => new(this, stream);

        public void Write(string stream, string text)
        {
            var other = stream == "stdout" ? _stderr : _stdout;
            if (other.Length > 0)
            {
                FlushStreams();
            }
            (stream == "stdout" ? _stdout : _stderr).Append(text);
        }

        public void FlushStreams()
        {
            foreach (var (name, text) in new[] { ("stdout", _stdout), ("stderr", _stderr) })
            {
                if (text.Length > 0)
                {
                    cell.Outputs.Add(new JsonObject { ["name"] = name, ["output_type"] = "stream", ["text"] = text.ToString() });
                    text.Clear();
                }
            }
        }

        public void Display(JsonObject data)
        {
            FlushStreams();
            cell.Outputs.Add(new JsonObject { ["data"] = data, ["metadata"] = new JsonObject(), ["output_type"] = "display_data" });
        }

        public void Result(JsonObject data, int count)
        {
            FlushStreams();
            cell.Outputs.Add(new JsonObject
            {
                ["data"] = data, ["execution_count"] = count, ["metadata"] = new JsonObject(), ["output_type"] = "execute_result",
            });
        }

        public void Error(string name, string message, string[] traceback) =>
            cell.Outputs.Add(new JsonObject
            {
                ["ename"] = name, ["evalue"] = message, ["output_type"] = "error",
                ["traceback"] = new JsonArray([.. traceback.Select(t => (JsonNode)JsonValue.Create(t)!)]),
            });
    }

    private sealed class StreamWriterSink(CellOutputs outputs, string stream) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => outputs.Write(stream, value.ToString());

        public override void Write(string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                outputs.Write(stream, value);
            }
        }
    }
}
