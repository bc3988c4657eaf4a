using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace MscAlf.Notebooks;

/// <summary>
/// Turns a cell's exception or compiler diagnostic into what a notebook shows: the cell's line, and a traceback
/// of the cell's own frames and the library frames under them, without Roslyn's scripting and async plumbing.
/// </summary>
internal static partial class CellErrors
{
    private const int MaxFrames = 20;

    private static readonly string[] Plumbing =
    [
        "Microsoft.CodeAnalysis.Scripting", "System.Runtime.CompilerServices", "System.Runtime.ExceptionServices",
        "System.Threading.Tasks", "System.Threading.ExecutionContext", "System.Threading.ThreadPool",
    ];

    /// <summary>The exception a user wants to see: the inner one of a wrapper that adds nothing.</summary>
    public static Exception Unwrap(Exception error) => error switch
    {
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => error,
    };

    /// <summary>The 1-based line of the first frame of <paramref name="error"/> inside the cell <paramref name="label"/>.</summary>
    public static int? LineOf(Exception error, string label)
    {
        var file = label + ".csx";
        return new StackTrace(error, true).GetFrames()
            .Where(f => f.GetFileName() is { } name && Path.GetFileName(name) == file && f.GetFileLineNumber() > 0)
            .Select(f => (int?)f.GetFileLineNumber())
            .FirstOrDefault();
    }

    /// <summary>"Name: message", then one line per frame that is not plumbing, cell frames named by cell and line.</summary>
    public static List<string> Traceback(Exception error)
    {
        var lines = new List<string> { $"{error.GetType().Name}: {error.Message}" };
        var frames = new StackTrace(error, true).GetFrames().Where(f => f.GetMethod() is { } m && !IsPlumbing(m)).ToList();
        lines.AddRange(frames.Take(MaxFrames).Select(Describe));
        if (frames.Count > MaxFrames)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"   … {frames.Count - MaxFrames} more frames"));
        }
        if (error.InnerException is { } inner)
        {
            lines.Add($" ---> {inner.GetType().Name}: {inner.Message}");
        }
        return lines;
    }

    /// <summary>A compiler diagnostic as "line N: CSxxxx: message".</summary>
    public static string Describe(Diagnostic diagnostic) =>
        string.Create(CultureInfo.InvariantCulture,
            $"line {diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1}: {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");

    private static string Describe(StackFrame frame)
    {
        var method = frame.GetMethod()!;
        if (frame.GetFileName() is { } file && file.EndsWith(".csx", StringComparison.Ordinal) && frame.GetFileLineNumber() > 0)
        {
            var where = Path.GetFileNameWithoutExtension(file);
            return string.Create(CultureInfo.InvariantCulture, $"   at {CellMethod(method)} in {where}, line {frame.GetFileLineNumber()}");
        }
        return $"   at {method.DeclaringType?.FullName ?? "?"}.{method.Name}";
    }

    /// <summary>A method compiled from a cell, named as the user wrote it.</summary>
    private static string CellMethod(MethodBase method)
    {
        var type = method.DeclaringType;
        var name = type is not null && CompilerName().Match(type.Name) is { Success: true } machine
            ? machine.Groups[1].Value // an async or iterator state machine: <Name>d__0.MoveNext
            : CompilerName().Match(method.Name) is { Success: true } local ? local.Groups[1].Value : method.Name;
        name = LocalFunction().Match(method.Name) is { Success: true } function ? function.Groups[1].Value : name;
        if (name is "<Initialize>" or "Initialize")
        {
            return "the cell";
        }
        var owner = type is not null && !type.Name.StartsWith("Submission#", StringComparison.Ordinal) && !type.Name.StartsWith('<')
            ? type.Name + "."
            : "";
        return owner + name;
    }

    private static bool IsPlumbing(MethodBase method) =>
        method.DeclaringType?.FullName is { } type && Plumbing.Any(p => type.StartsWith(p, StringComparison.Ordinal));

    [GeneratedRegex(@"^<(.+)>d__\d+$")]
    private static partial Regex CompilerName();

    [GeneratedRegex(@"g__([^|]+)\|")]
    private static partial Regex LocalFunction();
}
