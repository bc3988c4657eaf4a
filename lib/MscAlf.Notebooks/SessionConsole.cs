using System.Globalization;
using System.Text;

namespace MscAlf.Notebooks;

/// <summary>
/// The running cell of a session as the console sees it: where <c>Console.Out</c>, <c>Console.Error</c> and
/// <c>Console.In</c> lead while it runs. Text past <see cref="ScriptSession.MaxStreamCharacters"/> is dropped and
/// counted, so a cell that prints without end cannot flood memory or the notebook; once the cell has ended, late
/// writes from threads it started are dropped too.
/// </summary>
internal sealed class CellConsole(ICellOutput output, CellOptions options, int limit, CancellationToken cancellation)
{
    private readonly Lock _gate = new();
    private long _written;
    private long _dropped;
    private bool _closed;

    public ICellOutput Output => output;

    public void Write(string stream, string text)
    {
        lock (_gate)
        {
            if (_closed || text.Length == 0)
            {
                return;
            }
            var room = (int)Math.Max(0, Math.Min(limit - _written, text.Length));
            _written += room;
            _dropped += text.Length - room;
            if (room > 0)
            {
                output.Stream(stream, room == text.Length ? text : text[..room]);
            }
        }
    }

    public string ReadLine()
    {
        if (options.Input is not { } input)
        {
            throw new InvalidOperationException(options.NoInputReason);
        }
        return input("", false, cancellation);
    }

    /// <summary>
    /// Ends the cell: says how much text was cut, then drops whatever comes later, unless the options keep late
    /// output (threads the cell started may still write, as in Jupyter).
    /// </summary>
    public void Close()
    {
        lock (_gate)
        {
            if (_dropped > 0)
            {
                output.Stream("stderr", string.Create(CultureInfo.InvariantCulture,
                    $"\n[output cut: the cell wrote {_written + _dropped:N0} characters; the first {limit:N0} are shown]\n"));
                _dropped = 0;
            }
            _closed = !options.LateOutput;
        }
    }
}

/// <summary>
/// The process's console while sessions run: installed once, it sends <c>Console.Out</c>, <c>Console.Error</c> and
/// <c>Console.In</c> to the active cell, and to the original console when no session has run a cell.
/// </summary>
internal static class SessionConsoles
{
    private static readonly Lock Gate = new();
    private static TextWriter? s_out;
    private static TextWriter? s_error;
    private static TextReader? s_in;
    private static CellConsole? s_active;

    /// <summary>The process's standard error as it was before the console was redirected.</summary>
    public static TextWriter OriginalError => s_error ?? Console.Error;

    /// <summary>The cell the console leads to now (the last one to start, until its session ends).</summary>
    public static CellConsole? Active
    {
        get => Volatile.Read(ref s_active);
        set => Volatile.Write(ref s_active, value);
    }

    /// <summary>Redirects the console, once per process.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (s_out is not null)
            {
                return;
            }
            (s_out, s_error, s_in) = (Console.Out, Console.Error, Console.In);
            Console.SetOut(new SessionWriter(() => Active, "stdout", s_out));
            Console.SetError(new SessionWriter(() => Active, "stderr", s_error));
            Console.SetIn(new SessionReader(() => Active));
        }
    }

    /// <summary>A session ends: if its cell is the active one, the console leads back to the original.</summary>
    public static void Leave(CellConsole? console)
    {
        if (console is not null)
        {
            Interlocked.CompareExchange(ref s_active, null, console);
        }
    }
}

/// <summary>A console writer that sends text to whichever cell of the session is running.</summary>
internal sealed class SessionWriter(Func<CellConsole?> current, string stream, TextWriter original) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override IFormatProvider FormatProvider => CultureInfo.InvariantCulture;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        if (current() is { } cell)
        {
            cell.Write(stream, value);
        }
        else
        {
            original.Write(value);
        }
    }

    public override void Flush()
    {
        if (current() is null)
        {
            original.Flush();
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));
}

/// <summary>A console reader that asks the running cell's client for a line (Jupyter's input_request).</summary>
internal sealed class SessionReader(Func<CellConsole?> current) : TextReader
{
    public override string? ReadLine() =>
        (current() ?? throw new InvalidOperationException("no notebook cell is running to read input for")).ReadLine();

    public override int Read() => throw new NotSupportedException("read whole lines with Console.ReadLine() in a notebook cell");
}
