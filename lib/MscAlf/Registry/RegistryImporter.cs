using System.Collections.Concurrent;
using System.Globalization;
using DuckDB.NET.Data;
using MscAlf.Concepts;
using MscAlf.IO;

namespace MscAlf.Registry;

/// <summary>How an import runs and where it reports.</summary>
public sealed record ImportOptions
{
    /// <summary>Skip invalid records (each reported on <see cref="Progress"/>) instead of failing.</summary>
    public bool SkipInvalid { get; init; }
    /// <summary>Where progress, notes and skipped records go.</summary>
    public TextWriter Progress { get; init; } = TextWriter.Null;
    /// <summary>Where the errors of a failing import go.</summary>
    public TextWriter Problems { get; init; } = TextWriter.Null;
    /// <summary>Threads that parse and classify (default: every core).</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;
    /// <summary>The most memory DuckDB may use before it spills to disk.</summary>
    public string MemoryLimit { get; init; } = RegistryImporter.MemoryLimit;
    /// <summary>The most invalid records a failing import lists before it only counts them.</summary>
    public int MaxListed { get; init; } = 50;
}

/// <summary>What an import did.</summary>
/// <param name="Read">Records read, good or bad.</param>
/// <param name="Imported">Trials taken from this input (after duplicates were merged).</param>
/// <param name="Liver">Of those, trials the condition classifier judged liver.</param>
/// <param name="Skipped">Invalid records (or unreadable files and entries) skipped.</param>
/// <param name="Merged">Records dropped because a newer record of the same NCT id was read.</param>
/// <param name="KeptStored">Trials a database already held with a newer last update, kept instead of this input's.</param>
/// <param name="Total">Trials in the output after the import.</param>
public sealed record ImportSummary(long Read, long Imported, long Liver, long Skipped, long Merged, long KeptStored, long Total);

/// <summary>The import found invalid records and wrote nothing.</summary>
public sealed class ImportFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ImportFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ImportFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public ImportFailedException()
        : base("The import failed.")
    {
    }
}

/// <summary>
/// Streaming import: one thread reads the input (<see cref="RegistryReader"/>), every core parses and classifies
/// (<see cref="RegistryImport"/>), and one thread appends the rows to a staging DuckDB database in the temporary folder,
/// so memory stays flat whatever the input's size. Duplicates by NCT id are then resolved inside DuckDB (which spills
/// to disk) to the record with the newest <c>last_update_posted</c> (the last read on a tie), and the result goes to
/// the output: a DuckDB database (upserted in one transaction, so an interrupted import leaves it as it was; a new
/// database is built beside it and renamed), a CSV (<see cref="ImportedTrialsCsv.Schema"/>) or a Parquet file (both
/// written to a temporary file and renamed).
/// </summary>
public static class RegistryImporter
{
    /// <summary>The most memory DuckDB may use before it spills to disk (the process stays under 512 MB with it).</summary>
    public const string MemoryLimit = "160MB";

    private static readonly AsyncLocal<Action?> BeforeCommitHook = new();

    /// <summary>Called inside the database transaction just before it commits (fault injection for tests; per async flow).</summary>
    internal static Action? BeforeCommit
    {
        get => BeforeCommitHook.Value;
        set => BeforeCommitHook.Value = value;
    }

    /// <summary>The output formats, by extension.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".duckdb", ".csv", ".parquet"];

    /// <summary>Imports <paramref name="input"/> into <paramref name="output"/>.</summary>
    /// <exception cref="ImportFailedException">Invalid records without <see cref="ImportOptions.SkipInvalid"/>; nothing was written.</exception>
    public static ImportSummary Run(string input, string output, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var format = Path.GetExtension(output).ToLowerInvariant();
        if (!Extensions.Contains(format))
        {
            throw new ArgumentException($"{output}: --out must end in {string.Join(", ", Extensions)}");
        }
        var staging = Path.Combine(Path.GetTempPath(), $"mscalf-import-{Environment.ProcessId}-{Guid.NewGuid():N}.duckdb");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var timing = Environment.GetEnvironmentVariable("MSCALF_TIMING") == "1";
        void Phase(string name)
        {
            if (timing)
            {
                options.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  [timing] {name}: {clock.Elapsed.TotalSeconds:0.00} s; working set {Environment.WorkingSet >> 20} MB, managed heap {GC.GetGCMemoryInfo().HeapSizeBytes >> 20} MB"));
            }
        }
        try
        {
            using var connection = Open(staging, options);
            Phase("open");
            var (read, skipped) = Stage(connection, input, options);
            Phase("read, classify and stage");
            if (skipped > 0 && !options.SkipInvalid)
            {
                ListProblems(connection, options, skipped);
                throw new ImportFailedException($"{skipped} invalid record(s); nothing written. Fix them or pass --skip-invalid.");
            }
            var merged = Deduplicate(connection, options.Progress);
            Phase("resolve duplicates");
            var imported = TrialStore.Scalar(connection, "SELECT count(*) FROM chosen");
            var liver = TrialStore.Scalar(connection, "SELECT count(*) FROM chosen WHERE condition_category <> 'not_liver'");
            var (kept, total) = format switch
            {
                ".duckdb" => UpsertDatabase(connection, staging, output, input, (read, imported, skipped, merged)),
                ".csv" => (0L, WriteCsv(connection, output)),
                _ => (0L, WriteParquet(connection, output)),
            };
            Phase("write output");
            return new ImportSummary(read, imported, liver, skipped, merged, kept, total);
        }
        finally
        {
            DeleteStaging(staging);
        }
    }

    /// <summary>Opens a DuckDB database with the import's memory limit and threads.</summary>
    private static DuckDBConnection Open(string path, ImportOptions options)
    {
        var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        TrialStore.Execute(connection, $"SET memory_limit = {TrialStore.Literal(options.MemoryLimit)}");
        TrialStore.Execute(connection, $"SET threads = {Math.Max(1, options.Workers)}");
        TrialStore.Execute(connection, "SET preserve_insertion_order = false");
        TrialStore.Execute(connection, $"SET temp_directory = {TrialStore.Literal(path + ".spill")}");
        return connection;
    }

    private static void DeleteStaging(string staging)
    {
        foreach (var file in new[] { staging, staging + ".wal" })
        {
            File.Delete(file);
        }
        if (Directory.Exists(staging + ".spill"))
        {
            Directory.Delete(staging + ".spill", recursive: true);
        }
    }

    /// <summary>Rows appended between two commits of the staging database.</summary>
    private const int RowsPerCommit = 10_000;

    /// <summary>One processed item: its position in the input, and a trial or the record's errors.</summary>
    private sealed record Processed(long Unit, int Item, string Origin, ImportedTrial? Trial, RegistryStudy? Study, IReadOnlyList<RecordError> Errors);

    private static (long Read, long Skipped) Stage(DuckDBConnection connection, string input, ImportOptions options)
    {
        TrialStore.Execute(connection, TrialStore.TrialsDdl("staged", "unit BIGINT, item INTEGER, origin VARCHAR, "));
        foreach (var name in TrialStore.ChildTables.Keys)
        {
            TrialStore.Execute(connection, TrialStore.ChildDdl($"staged_{name}", name, "unit BIGINT, item INTEGER, "));
        }
        TrialStore.Execute(connection, "CREATE TABLE staged_errors (unit BIGINT, item INTEGER, ordinal INTEGER, message VARCHAR)");
        using var cancel = new CancellationTokenSource();
        var workers = Math.Max(1, options.Workers);
        using var units = new BlockingCollection<(long, ReadUnit)>(boundedCapacity: 8 * workers);
        using var results = new BlockingCollection<Processed>(boundedCapacity: 256);
        var reader = Task.Run(() =>
        {
            try
            {
                long index = 0;
                foreach (var unit in RegistryReader.Units(input, note => { lock (options.Progress) { options.Progress.WriteLine($"  {note}"); } }))
                {
                    units.Add((index++, unit), cancel.Token);
                }
            }
            finally
            {
                units.CompleteAdding();
            }
        });
        var processors = Enumerable.Range(0, workers).Select(_ => Task.Run(() =>
        {
            foreach (var (index, unit) in units.GetConsumingEnumerable(cancel.Token))
            {
                var items = unit.Items();
                for (var i = 0; i < items.Count; i++)
                {
                    results.Add(Process(index, i, items[i]), cancel.Token);
                }
            }
        })).ToArray();
        var done = Task.WhenAll(processors.Append(reader)).ContinueWith(t =>
        {
            results.CompleteAdding();
            if (t.IsFaulted)
            {
                cancel.Cancel();
            }
        }, TaskScheduler.Default);
        long read = 0, skipped = 0;
        var appenders = new Appenders(connection);
        try
        {
            foreach (var processed in results.GetConsumingEnumerable())
            {
                read++;
                if (read % RowsPerCommit == 0)
                {
                    // Closing the appenders commits what they hold, so DuckDB can write it out and free the memory.
                    appenders.Dispose();
                    appenders = new Appenders(connection);
                }
                if (processed.Trial is null)
                {
                    skipped++;
                    appenders.Errors(processed);
                    if (options.SkipInvalid)
                    {
                        foreach (var error in processed.Errors)
                        {
                            options.Progress.WriteLine($"  skipped {error}");
                        }
                    }
                }
                else
                {
                    appenders.Trial(processed);
                }
            }
        }
        catch
        {
            cancel.Cancel();
            throw;
        }
        finally
        {
            appenders.Dispose();
            done.Wait(TimeSpan.FromMinutes(1));
        }
        // Surface a reader or worker failure (an I/O error, a bug) rather than a silently short import; the reader's
        // own failure first, since the workers then only see the cancellation.
        foreach (var task in processors.Prepend(reader))
        {
            if (task.IsFaulted)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(task.Exception!.InnerException!).Throw();
            }
        }
        return (read, skipped);
    }

    private static Processed Process(long unit, int item, RegistryItem read)
    {
        if (read.Study is not { } study)
        {
            return new Processed(unit, item, read.Errors[0].Origin, null, null, read.Errors);
        }
        var (trial, errors) = RegistryImport.Import(study);
        return new Processed(unit, item, study.Origin, trial, study, errors);
    }

    /// <summary>The staging appenders, one per table.</summary>
    private sealed class Appenders(DuckDBConnection connection) : IDisposable
    {
        private readonly DuckDBAppender _trials = connection.CreateAppender("staged");
        private readonly Dictionary<string, DuckDBAppender> _children = TrialStore.ChildTables.Keys.ToDictionary(k => k, k => connection.CreateAppender($"staged_{k}"));
        private readonly DuckDBAppender _errors = connection.CreateAppender("staged_errors");

        public void Trial(Processed processed)
        {
            var row = _trials.CreateRow().AppendValue(processed.Unit).AppendValue(processed.Item).AppendValue(processed.Origin);
            var cells = ImportedTrialsCsv.Cells(processed.Trial!).ToList();
            for (var i = 0; i < cells.Count; i++)
            {
                row = TrialStore.TrialColumns[i] == TrialStore.IntegerColumn
                    ? row.AppendValue(processed.Trial!.Trial.Enrollment)
                    : row.AppendValue(cells[i]);
            }
            row.EndRow();
            var study = processed.Study!;
            var trial = processed.Trial!.Trial;
            Child("conditions", processed, trial.Conditions.Select(c => new[] { c }));
            Child("countries", processed, trial.Countries.Select(c => new[] { c, Country.Classify(c).Value?.Alpha3 }));
            Child("interventions", processed, study.InterventionNames.Select(SplitIntervention));
            Child("phases", processed, trial.Phases.Select(p => new[] { p }));
        }

        public void Errors(Processed processed)
        {
            for (var i = 0; i < processed.Errors.Count; i++)
            {
                _errors.CreateRow().AppendValue(processed.Unit).AppendValue(processed.Item).AppendValue(i).AppendValue(processed.Errors[i].ToString()).EndRow();
            }
        }

        private void Child(string table, Processed processed, IEnumerable<string?[]> rows)
        {
            var ordinal = 0;
            foreach (var values in rows)
            {
                var row = _children[table].CreateRow().AppendValue(processed.Unit).AppendValue(processed.Item).AppendValue(++ordinal);
                foreach (var value in values)
                {
                    row = row.AppendValue(value);
                }
                row.EndRow();
            }
        }

        private static string?[] SplitIntervention(string text)
        {
            var colon = text.IndexOf(": ", StringComparison.Ordinal);
            return colon > 0 && text[..colon].All(c => char.IsUpper(c) || c == '_' || char.IsLower(c) || c == ' ')
                ? [text[..colon].ToUpperInvariant().Replace(' ', '_'), text[(colon + 2)..]]
                : [null, text];
        }

        public void Dispose()
        {
            _trials.Dispose();
            foreach (var appender in _children.Values)
            {
                appender.Dispose();
            }
            _errors.Dispose();
        }
    }

    private static void ListProblems(DuckDBConnection connection, ImportOptions options, long skipped)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT message FROM staged_errors
            WHERE (unit, item) IN (SELECT DISTINCT unit, item FROM staged_errors ORDER BY unit, item LIMIT {options.MaxListed})
            ORDER BY unit, item, ordinal
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            options.Problems.WriteLine($"  {reader.GetString(0)}");
        }
        if (skipped > options.MaxListed)
        {
            options.Problems.WriteLine($"  … and {skipped - options.MaxListed} more invalid record(s)");
        }
    }

    /// <summary>Chooses one record per NCT id (newest last update, then last read) into the view <c>chosen</c>.</summary>
    private static long Deduplicate(DuckDBConnection connection, TextWriter progress)
    {
        TrialStore.Execute(connection, """
            CREATE TABLE keep AS
            SELECT unit, item FROM (
                SELECT unit, item, row_number() OVER (PARTITION BY nct_id ORDER BY last_update_posted DESC NULLS LAST, unit DESC, item DESC) AS rank
                FROM staged)
            WHERE rank = 1
            """);
        TrialStore.Execute(connection, "CREATE VIEW chosen AS SELECT staged.* FROM staged SEMI JOIN keep USING (unit, item)");
        var merged = TrialStore.Scalar(connection, "SELECT (SELECT count(*) FROM staged) - (SELECT count(*) FROM keep)");
        if (merged > 0)
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT s.nct_id, count(*), string_agg(s.origin, chr(31) ORDER BY s.unit, s.item), max(CASE WHEN k.unit IS NOT NULL THEN s.origin END)
                FROM staged s LEFT JOIN keep k USING (unit, item)
                GROUP BY s.nct_id HAVING count(*) > 1 ORDER BY s.nct_id LIMIT 20
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var origins = string.Join(", ", reader.GetString(2).Split('\u001F').Select(Located.Value));
                progress.WriteLine($"  {reader.GetString(0)} appears {reader.GetInt64(1)} times ({origins}); kept {Located.Value(reader.GetString(3))} (newest last update, then last read)");
            }
            var groups = TrialStore.Scalar(connection, "SELECT count(*) FROM (SELECT nct_id FROM staged GROUP BY nct_id HAVING count(*) > 1)");
            if (groups > 20)
            {
                progress.WriteLine($"  … and {groups - 20} more NCT ids read more than once");
            }
        }
        return merged;
    }

    private static string Columns(string prefix = "") => string.Join(", ", TrialStore.TrialColumns.Select(c => prefix + c));

    private static long WriteCsv(DuckDBConnection connection, string output)
    {
        long rows = 0;
        AtomicOutput.WriteText(output, writer =>
        {
            using var csv = SafeCsv.Writer(writer);
            csv.Header(TrialStore.TrialColumns);
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {Columns()} FROM chosen ORDER BY nct_id";
            using var reader = command.ExecuteReader();
            var enrollment = reader.GetOrdinal(TrialStore.IntegerColumn);
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var empty = reader.IsDBNull(i);
                    csv.Cell(empty ? null : i == enrollment ? reader.GetInt32(i).ToString(CultureInfo.InvariantCulture) : reader.GetString(i), encode: i != enrollment);
                }
                csv.EndRow();
                rows++;
            }
        });
        return rows;
    }

    private static long WriteParquet(DuckDBConnection connection, string output)
    {
        AtomicOutput.Write(output, temporary =>
            TrialStore.Execute(connection, $"COPY (SELECT {Columns()} FROM chosen ORDER BY nct_id) TO {TrialStore.Literal(temporary)} (FORMAT parquet)"));
        return TrialStore.Scalar(connection, "SELECT count(*) FROM chosen");
    }

    private static (long Kept, long Total) UpsertDatabase(DuckDBConnection staging, string stagingPath, string output, string input,
        (long Read, long Imported, long Skipped, long Merged) counts)
    {
        // Materialise the choice so the target can read it through ATTACH, then let go of the staging file.
        TrialStore.Execute(staging, "CREATE TABLE chosen_rows AS SELECT * FROM chosen");
        TrialStore.Execute(staging, "CHECKPOINT");
        staging.Close();
        var full = Path.GetFullPath(output);
        if (File.Exists(full))
        {
            return Upsert(full, stagingPath, input, counts);
        }
        (long, long) result = default;
        AtomicOutput.Write(full, temporary =>
        {
            try
            {
                result = Upsert(temporary, stagingPath, input, counts);
            }
            finally
            {
                File.Delete(temporary + ".wal");
            }
        });
        return result;
    }

    private static (long Kept, long Total) Upsert(string database, string stagingPath, string input, (long Read, long Imported, long Skipped, long Merged) counts)
    {
        using var connection = new DuckDBConnection($"Data Source={database}");
        connection.Open();
        TrialStore.Execute(connection, $"SET memory_limit = {TrialStore.Literal(MemoryLimit)}");
        if (TrialStore.SchemaProblem(connection) is { } problem)
        {
            throw new ArgumentException($"{database}: {problem}");
        }
        TrialStore.Execute(connection, $"ATTACH {TrialStore.Literal(stagingPath)} AS s (READ_ONLY)");
        try
        {
            TrialStore.Execute(connection, "BEGIN TRANSACTION");
            if (TrialStore.Scalar(connection, "SELECT count(*) FROM information_schema.tables WHERE table_catalog = current_database() AND table_name = 'trials'") == 0)
            {
                TrialStore.CreateSchema(connection);
            }
            // Only the keys of the records that win go into a temporary table (narrow, so it stays small); the rows
            // themselves are read straight from the staging database.
            TrialStore.Execute(connection, """
                CREATE TEMP TABLE incoming AS
                SELECT c.nct_id, c.unit, c.item FROM s.chosen_rows c LEFT JOIN trials t ON t.nct_id = c.nct_id
                WHERE t.nct_id IS NULL OR t.last_update_posted IS NULL OR c.last_update_posted >= t.last_update_posted
                """);
            var kept = TrialStore.Scalar(connection, "SELECT (SELECT count(*) FROM s.chosen_rows) - (SELECT count(*) FROM incoming)");
            if (TrialStore.Scalar(connection, "SELECT count(*) FROM trials") > 0)
            {
                foreach (var table in TrialStore.ChildTables.Keys.Prepend("trials"))
                {
                    TrialStore.Execute(connection, $"DELETE FROM {table} WHERE nct_id IN (SELECT nct_id FROM incoming)");
                }
            }
            TrialStore.Execute(connection, $"INSERT INTO trials SELECT {Columns("c.")} FROM s.chosen_rows c SEMI JOIN incoming i ON c.unit = i.unit AND c.item = i.item");
            foreach (var (table, columns) in TrialStore.ChildTables)
            {
                TrialStore.Execute(connection, $"""
                    INSERT INTO {table} SELECT i.nct_id, c.ordinal, {string.Join(", ", columns.Select(x => "c." + x))}
                    FROM s.staged_{table} c JOIN incoming i ON c.unit = i.unit AND c.item = i.item
                    """);
            }
            TrialStore.Execute(connection, $"""
                INSERT INTO imports VALUES (now(), {TrialStore.Literal(Path.GetFullPath(input))}, {counts.Read}, {counts.Imported}, {counts.Skipped}, {counts.Merged}, {kept})
                """);
            TrialStore.Execute(connection, "DROP TABLE incoming");
            BeforeCommit?.Invoke();
            TrialStore.Execute(connection, "COMMIT");
            var total = TrialStore.Scalar(connection, "SELECT count(*) FROM trials");
            TrialStore.Execute(connection, "DETACH s");
            TrialStore.Execute(connection, "CHECKPOINT");
            return (kept, total);
        }
        catch
        {
            TryRollback(connection);
            throw;
        }
    }

    private static void TryRollback(DuckDBConnection connection)
    {
        try
        {
            TrialStore.Execute(connection, "ROLLBACK");
        }
        catch (DuckDBException)
        {
            // No transaction was open.
        }
    }
}
