using System.Runtime.CompilerServices;

namespace MscAlf.Notebooks;

/// <summary>Thrown inside a cell when the session interrupts it (a Jupyter interrupt or the runner's timeout).</summary>
public sealed class CellInterruptedException : OperationCanceledException
{
    /// <summary>Creates the exception with the standard message.</summary>
    public CellInterruptedException()
        : base("the cell was interrupted")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CellInterruptedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public CellInterruptedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The checks that <see cref="CellRewriter"/> writes into cell code: at the top of every loop body, and at the entry
/// of every method, local function, lambda and accessor body declared in a cell. A check is one volatile read; the
/// entry check also makes sure enough stack is left, so runaway recursion ends as an exception in the cell instead of
/// a stack overflow that would end the process. Each session has its own slot, named by a number written into the
/// code, so sessions in one process do not stop each other.
/// </summary>
public static class CellGuard
{
    private static readonly Lock Gate = new();
    private static Flag?[] s_flags = [];

    /// <summary>The check at the top of a loop body: throws when the session asked its cell to stop.</summary>
    /// <param name="slot">The session's slot number.</param>
    public static void Loop(int slot)
    {
        if (s_flags[slot]!.Stop)
        {
            throw new CellInterruptedException();
        }
    }

    /// <summary>The check at the entry of a body: as <see cref="Loop"/>, and throws when the stack is nearly used up.</summary>
    /// <param name="slot">The session's slot number.</param>
    public static void Enter(int slot)
    {
        Loop(slot);
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new InsufficientExecutionStackException(
                "the stack is nearly used up: the cell's code recursed too deeply (a recursion without an end?)");
        }
    }

    /// <summary>Takes a new slot for a new session (slots are never reused: code left running by an ended session still finds its own).</summary>
    internal static int Register()
    {
        lock (Gate)
        {
            var taken = Array.IndexOf(s_flags, null);
            if (taken < 0)
            {
                taken = s_flags.Length;
                var grown = new Flag?[Math.Max(4, s_flags.Length * 2)];
                Array.Copy(s_flags, grown, s_flags.Length);
                s_flags = grown;
            }
            s_flags[taken] = new Flag();
            return taken;
        }
    }

    /// <summary>Ends a session's slot: any of its code still running stops at its next check.</summary>
    internal static void Release(int slot) => SetStop(slot, true);

    /// <summary>Asks the session's running code to stop (true) or lets the next cell run (false).</summary>
    internal static void SetStop(int slot, bool stop) => s_flags[slot]!.Stop = stop;

    private sealed class Flag
    {
        public volatile bool Stop;
    }
}
