using System.Collections.Concurrent;
using System.Globalization;
using DuckDB.NET.Data;
using MscAlf.Concepts;
using MscAlf.IO;

namespace MscAlf.Registry;

/// <summary>
/// Streaming import: one thread reads the input (<see cref="RegistryReader"/>), every core parses and classifies
/// (<see cref="RegistryImport"/>) and lays out the rows, and one thread appends them to DuckDB inside one transaction,
/// so memory stays flat whatever the input's size (DuckDB writes each full row group out as it goes). A new database
/// is built this way directly, in a temporary file beside the output that is renamed into place once complete, so
/// every row is written once. Duplicates by NCT id are noticed as they arrive (one bit per possible NCT number) and,
/// only when there are some, resolved inside DuckDB (which spills to disk) to the record with the newest
/// <c>last_update_posted</c> (the last read on a tie). A CSV (<see cref="ImportedTrialsCsv.Schema"/>) or Parquet output,
/// or an existing database, is written from a staging database in the temporary folder: CSV and Parquet to a temporary
/// file that is then renamed, an existing database upserted in one transaction, so an interrupted import leaves it as
/// it was.
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

    private static readonly AsyncLocal<Action<RegistryItem>?> ProcessHookValue = new();

    /// <summary>Called by a worker for every record before it is classified (fault injection for tests; per async flow).</summary>
    internal static Action<RegistryItem>? ProcessHook
    {
        get => ProcessHookValue.Value;
        set => ProcessHookValue.Value = value;
    }

    /// <summary>The output formats, by extension.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".duckdb", ".csv", ".parquet"];

    /// <summary>The columns that tie a staged row to its place in the input; dropped from a finished database.</summary>
    private static readonly string[] StagingColumns = ["unit", "item", "origin"];

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
        var clock = new PhaseClock(options.Progress, Environment.GetEnvironmentVariable("MSCALF_TIMING") == "1");
        var scratch = Path.Combine(Path.GetTempPath(), $"mscalf-import-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            var full = Path.GetFullPath(output);
            // Before the input is read, so a wrong or unwritable target fails in milliseconds, not after the whole import.
            AtomicOutput.CheckWritable(full, inPlace: format == ".duckdb");
            if (format == ".duckdb" && !File.Exists(full))
            {
                return NewDatabase(input, full, options, scratch, clock);
            }
            if (format == ".duckdb")
            {
                CheckTarget(full);
            }
            var staging = scratch + ".duckdb";
            using var pipeline = new Pipeline(input, options);
            using var connection = Open(staging, options, scratch);
            var (read, skipped, merged) = Stage(connection, pipeline, options, clock);
            TrialStore.Execute(connection, "COMMIT");
            var (imported, liver) = Counts(connection);
            options.Cancellation.ThrowIfCancellationRequested(); // interrupted while staging: the output is not touched
            var (kept, total) = format switch
            {
                ".duckdb" => UpsertDatabase(connection, staging, full, input, (read, imported, skipped, merged)),
                ".csv" => (0L, WriteCsv(connection, output)),
                _ => (0L, WriteParquet(connection, output, imported)),
            };
            clock.Phase("write output");
            return new ImportSummary(read, imported, liver, skipped, merged, kept, total);
        }
        finally
        {
            DeleteScratch(scratch);
        }
    }

    /// <summary>
    /// Builds a new database in a temporary file beside <paramref name="output"/>, staging straight into its tables, and
    /// renames it into place once it is complete; a failure leaves no file.
    /// </summary>
    private static ImportSummary NewDatabase(string input, string output, ImportOptions options, string scratch, PhaseClock clock)
    {
        ImportSummary? summary = null;
        AtomicOutput.Write(output, temporary =>
        {
            try
            {
                // The reader and workers start before DuckDB opens (loading it and creating the tables take about 0.1 s
                // that the first records, compiling as they go, can use on the other core; measured: docs/performance.md).
                using var pipeline = new Pipeline(input, options);
                using var connection = Open(temporary, options, scratch);
                var (read, skipped, merged) = Stage(connection, pipeline, options, clock);
                var (imported, liver) = Counts(connection);
                foreach (var table in TrialStore.ChildTables.Keys.Prepend("trials"))
                {
                    foreach (var column in table == "trials" ? StagingColumns : StagingColumns[..2])
                    {
                        TrialStore.Execute(connection, $"ALTER TABLE {table} DROP COLUMN {column}");
                    }
                }
                TrialStore.Execute(connection, "DROP TABLE import_errors");
                TrialStore.Execute(connection, TrialStore.ImportsDdl);
                LogImport(connection, input, (read, imported, skipped, merged, 0));
                BeforeCommit?.Invoke();
                options.Cancellation.ThrowIfCancellationRequested();
                // With no threshold the commit checkpoints straight into the file instead of first writing every row to
                // the write-ahead log, which the checkpoint then replaces: the same database, about 0.05 s sooner for
                // 10,000 rows (measured: docs/performance.md). The CHECKPOINT below then finds nothing left to do.
                TrialStore.Execute(connection, "SET checkpoint_threshold = '0b'");
                TrialStore.Execute(connection, "COMMIT");
                clock.Phase("commit (checkpoints into the file)");
                TrialStore.Execute(connection, "CHECKPOINT"); // kept in case DuckDB declines to checkpoint at commit
                clock.Phase("final checkpoint");
                summary = new ImportSummary(read, imported, liver, skipped, merged, 0, imported);
            }
            finally
            {
                File.Delete(temporary + ".wal");
            }
        });
        clock.Phase("write output");
        return summary!;
    }

    /// <summary>
    /// Refuses an existing output that is not a database of this project (another DuckDB database, or not one at all),
    /// reading it only; the upsert checks again under its transaction.
    /// </summary>
    private static void CheckTarget(string database)
    {
        using var connection = new DuckDBConnection($"Data Source={database};ACCESS_MODE=READ_ONLY");
        connection.Open();
        if (TrialStore.SchemaProblem(connection) is { } problem)
        {
            throw new ArgumentException($"{database}: {problem}");
        }
    }

    /// <summary>Opens a DuckDB database with the import's memory limit, spilling under <paramref name="scratch"/>.</summary>
    private static DuckDBConnection Open(string path, ImportOptions options, string scratch)
    {
        var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        TrialStore.Execute(connection, $"SET memory_limit = {TrialStore.Literal(options.MemoryLimit)}");
        // One DuckDB thread while the workers parse and classify: appending is serial, and more threads only wait for
        // work and take turns on the cores the workers need (measured: docs/performance.md).
        TrialStore.Execute(connection, "SET threads = 1");
        TrialStore.Execute(connection, "SET preserve_insertion_order = false");
        TrialStore.Execute(connection, $"SET temp_directory = {TrialStore.Literal(scratch + ".spill")}");
        return connection;
    }

    private static void DeleteScratch(string scratch)
    {
        foreach (var file in new[] { scratch + ".duckdb", scratch + ".duckdb.wal" })
        {
            File.Delete(file);
        }
        if (Directory.Exists(scratch + ".spill"))
        {
            Directory.Delete(scratch + ".spill", recursive: true);
        }
    }

    /// <summary>Rows appended before the appenders hand what they hold to the transaction (which writes full row groups out).</summary>
    private const int RowsPerFlush = 10_000;

    /// <summary>
    /// Creates the import tables (the database's tables with the staging columns in front), opens the transaction,
    /// appends every record, fails on invalid ones unless they are skipped, and resolves duplicates. The transaction
    /// stays open for the caller to finish.
    /// </summary>
    private static (long Read, long Skipped, long Merged) Stage(DuckDBConnection connection, Pipeline pipeline, ImportOptions options, PhaseClock clock)
    {
        TrialStore.Execute(connection, "BEGIN TRANSACTION");
        TrialStore.Execute(connection, TrialStore.TrialsDdl("trials", "unit BIGINT, item INTEGER, origin VARCHAR, "));
        foreach (var name in TrialStore.ChildTables.Keys)
        {
            TrialStore.Execute(connection, TrialStore.ChildDdl(name, name, "unit BIGINT, item INTEGER, nct_id VARCHAR, "));
        }
        TrialStore.Execute(connection, "CREATE TABLE import_errors (unit BIGINT, item INTEGER, ordinal INTEGER, message VARCHAR)");
        clock.Phase("open");
        var (read, skipped, duplicates) = Append(connection, pipeline, options);
        clock.Phase("read, classify and append");
        if (skipped > 0 && !options.SkipInvalid)
        {
            ListProblems(connection, options, skipped);
            throw new ImportFailedException($"{skipped} invalid record(s); nothing written. Fix them or pass --skip-invalid.");
        }
        TrialStore.Execute(connection, $"SET threads = {Math.Max(1, options.Workers)}");
        var merged = duplicates ? Deduplicate(connection, options.Progress) : 0;
        clock.Phase("resolve duplicates");
        return (read, skipped, merged);
    }

    /// <summary>One trial laid out for the appenders (by a worker, so the appending thread only copies values).</summary>
    private sealed record ImportRow(long Unit, int Item, string Origin, string NctId, string?[] Cells, int? Enrollment,
        IReadOnlyList<string> Conditions, (string Name, string? Code)[] Countries, (string? Type, string Name)[] Interventions,
        IReadOnlyList<string> Phases);

    /// <summary>A unit of the input with its position (a class, not a tuple: a List of a tuple with a long is one more
    /// generic the runtime compiles at start; measured: docs/performance.md).</summary>
    private sealed record IndexedUnit(long Index, ReadUnit Unit);

    /// <summary>One processed item: its position in the input, and a row or the record's errors.</summary>
    private sealed record Processed(long Unit, int Item, string Origin, ImportRow? Row, IReadOnlyList<RecordError> Errors);

    /// <summary>Units handed from the reader to a worker at once, unless they reach <see cref="BytesPerBatch"/> first.</summary>
    private const int UnitsPerBatch = 32;

    /// <summary>About the most input bytes in one batch of units (a zip entry is 36 KB on average).</summary>
    private const int BytesPerBatch = 1 << 20;

    /// <summary>Processed records handed from a worker to the appending thread at once.</summary>
    private const int RowsPerBatch = 64;

    /// <summary>Appends the pipeline's rows (and the errors of invalid records) to the import tables.</summary>
    private static (long Read, long Skipped, bool Duplicates) Append(DuckDBConnection connection, Pipeline pipeline, ImportOptions options)
    {
        long read = 0, skipped = 0;
        var seen = new NctSet();
        var duplicates = false;
        var appenders = new Appenders(connection);
        try
        {
            foreach (var batch in pipeline.Results())
            {
                foreach (var processed in batch)
                {
                    read++;
                    if (read % RowsPerFlush == 0)
                    {
                        appenders.Dispose();
                        appenders = new Appenders(connection);
                    }
                    if (processed.Row is { } row)
                    {
                        duplicates |= !seen.Add(row.NctId);
                        appenders.Trial(row);
                        continue;
                    }
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
            }
        }
        catch (OperationCanceledException) when (!options.Cancellation.IsCancellationRequested)
        {
            // A reader or worker failed and stopped the others: its exception is the one to report. Without one this
            // is still a failure, never a silently short import.
            pipeline.Wait();
            pipeline.ThrowIfFailed();
            throw;
        }
        catch
        {
            pipeline.Cancel();
            throw;
        }
        finally
        {
            appenders.Dispose();
            pipeline.Wait();
        }
        pipeline.ThrowIfFailed();
        return (read, skipped, duplicates);
    }

    /// <summary>
    /// The pipeline: the reader cuts units and hands them to the workers in batches, the workers hand back batches of
    /// rows, and the appending thread takes them (<see cref="Results"/>). Batches, not single records, cross between
    /// threads, so the threads seldom wait for each other (one record at a time cost half a million context switches per
    /// 100,000 rows). It starts on construction; disposing it stops whatever still runs.
    /// </summary>
    private sealed class Pipeline : IDisposable
    {
        private readonly CancellationTokenSource _cancel;
        private readonly BlockingCollection<List<IndexedUnit>> _units;
        private readonly BlockingCollection<List<Processed>> _results;
        private readonly Task _reader;
        private readonly Task[] _processors;
        private readonly Task _done;
        private readonly MscProductList _products;

        public Pipeline(string input, ImportOptions options)
        {
            _products = options.Products;
            // The caller's token (an interrupt) and the first failure of the reader or a worker both stop every stage,
            // so that no stage waits for ever on a queue that nobody empties or fills any more.
            _cancel = CancellationTokenSource.CreateLinkedTokenSource(options.Cancellation);
            var workers = Math.Max(1, options.Workers);
            _units = new BlockingCollection<List<IndexedUnit>>(boundedCapacity: 2 * workers);
            _results = new BlockingCollection<List<Processed>>(boundedCapacity: 4 * workers);
            // Own threads, not the thread pool: the stages block on their queues for the whole import, and a pool of one
            // thread per core, already holding the caller, would add threads for them only slowly (about 0.9 s lost on a
            // 10,000-row import run from the CLI's thread-pool action; measured: docs/performance.md).
            _reader = Task.Factory.StartNew(() => Read(input, options), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            _processors = new Task[workers];
            for (var i = 0; i < workers; i++)
            {
                _processors[i] = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }
            _done = Task.WhenAll([.. _processors, _reader]).ContinueWith(t =>
            {
                _results.CompleteAdding();
                if (t.IsFaulted)
                {
                    _cancel.Cancel();
                }
            }, TaskScheduler.Default);
        }

        /// <summary>The batches of processed records, in the order the workers finish them, until the input ends.</summary>
        public IEnumerable<List<Processed>> Results() => _results.GetConsumingEnumerable(_cancel.Token);

        public void Cancel() => _cancel.Cancel();

        /// <summary>Waits (at most a minute) for the reader and the workers to end.</summary>
        public void Wait() => _done.Wait(TimeSpan.FromMinutes(1));

        /// <summary>
        /// Surfaces a reader or worker failure (an I/O error, a bug) rather than a silently short import: the reader's
        /// own failure first, then a worker's; the stages that only saw the resulting cancellation are passed over.
        /// </summary>
        public void ThrowIfFailed()
        {
            foreach (var task in _processors.Prepend(_reader))
            {
                if (task.IsFaulted && task.Exception!.InnerException is { } failure and not OperationCanceledException)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
                }
            }
        }

        public void Dispose()
        {
            if (!_done.IsCompleted)
            {
                _cancel.Cancel();
                _done.Wait(TimeSpan.FromMinutes(1));
            }
            if (_done.IsCompleted)
            {
                _units.Dispose();
                _results.Dispose();
                _cancel.Dispose();
            }
        }

        private void Read(string input, ImportOptions options)
        {
            try
            {
                long index = 0;
                var batch = new List<IndexedUnit>(UnitsPerBatch);
                var bytes = 0L;
                foreach (var unit in RegistryReader.Units(input, note => { lock (options.Progress) { options.Progress.WriteLine($"  {note}"); } }))
                {
                    batch.Add(new IndexedUnit(index++, unit));
                    bytes += unit.Size;
                    if (batch.Count == UnitsPerBatch || bytes >= BytesPerBatch)
                    {
                        _units.Add(batch, _cancel.Token);
                        (batch, bytes) = (new List<IndexedUnit>(UnitsPerBatch), 0);
                    }
                }
                if (batch.Count > 0)
                {
                    _units.Add(batch, _cancel.Token);
                }
            }
            catch
            {
                _cancel.Cancel();
                throw;
            }
            finally
            {
                _units.CompleteAdding();
            }
        }

        private void Work()
        {
            try
            {
                Work(ProcessHook);
            }
            catch
            {
                _cancel.Cancel();
                throw;
            }
        }

        private void Work(Action<RegistryItem>? hook)
        {
            foreach (var batch in _units.GetConsumingEnumerable(_cancel.Token))
            {
                var processed = new List<Processed>(RowsPerBatch);
                foreach (var (index, unit) in batch)
                {
                    var items = unit.Items();
                    for (var i = 0; i < items.Count; i++)
                    {
                        hook?.Invoke(items[i]);
                        processed.Add(Process(index, i, items[i], _products));
                        if (processed.Count == RowsPerBatch)
                        {
                            _results.Add(processed, _cancel.Token);
                            processed = new List<Processed>(RowsPerBatch);
                        }
                    }
                }
                if (processed.Count > 0)
                {
                    _results.Add(processed, _cancel.Token);
                }
            }
        }
    }

    private static Processed Process(long unit, int item, RegistryItem read, MscProductList products)
    {
        if (read.Study is not { } study)
        {
            return new Processed(unit, item, read.Errors[0].Origin, null, read.Errors);
        }
        var (imported, errors) = RegistryImport.Import(study, products);
        if (imported is null)
        {
            return new Processed(unit, item, study.Origin, null, errors);
        }
        string?[] cells = [.. ImportedTrialsCsv.Cells(imported)];
        if (ImportedTrialsCsv.Unwritable(cells, study.Origin) is { Count: > 0 } unwritable)
        {
            return new Processed(unit, item, study.Origin, null, unwritable);
        }
        var trial = imported.Trial;
        // Plain loops rather than LINQ into tuple arrays: each such generic is compiled at run time (measured:
        // docs/performance.md), and this runs for every record.
        var countries = new (string Name, string? Code)[trial.Countries.Count];
        for (var i = 0; i < countries.Length; i++)
        {
            countries[i] = (trial.Countries[i], Country.Classify(trial.Countries[i]).Value?.Alpha3);
        }
        var interventions = new (string? Type, string Name)[study.InterventionNames.Count];
        for (var i = 0; i < interventions.Length; i++)
        {
            interventions[i] = SplitIntervention(study.InterventionNames[i]);
        }
        var row = new ImportRow(unit, item, study.Origin, trial.NctId, cells, trial.Enrollment,
            trial.Conditions, countries, interventions, trial.Phases);
        return new Processed(unit, item, study.Origin, row, []);
    }

    /// <summary>An intervention's type (upper case, as the API spells it) and name, from <c>Type: name</c>.</summary>
    private static (string? Type, string Name) SplitIntervention(string text)
    {
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && IsTypeName(text.AsSpan(0, colon))
            ? (text[..colon].ToUpperInvariant().Replace(' ', '_'), text[(colon + 2)..])
            : (null, text);
    }

    /// <summary>Letters, underscores and spaces only (an intervention type such as <c>Biological</c> or <c>DIETARY_SUPPLEMENT</c>).</summary>
    private static bool IsTypeName(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!(char.IsUpper(c) || c == '_' || char.IsLower(c) || c == ' '))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The appenders of the import tables, one per table.</summary>
    private sealed class Appenders(DuckDBConnection connection) : IDisposable
    {
        private static readonly int EnrollmentCell = TrialStore.TrialColumns.ToList().IndexOf(TrialStore.IntegerColumn);
        private readonly DuckDBAppender _trials = connection.CreateAppender("trials");
        private readonly DuckDBAppender _conditions = connection.CreateAppender("conditions");
        private readonly DuckDBAppender _countries = connection.CreateAppender("countries");
        private readonly DuckDBAppender _interventions = connection.CreateAppender("interventions");
        private readonly DuckDBAppender _phases = connection.CreateAppender("phases");
        private readonly DuckDBAppender _errors = connection.CreateAppender("import_errors");

        public void Trial(ImportRow row)
        {
            var trial = _trials.CreateRow().AppendValue(row.Unit).AppendValue(row.Item).AppendValue(row.Origin);
            for (var i = 0; i < row.Cells.Length; i++)
            {
                trial = i == EnrollmentCell ? trial.AppendValue(row.Enrollment) : trial.AppendValue(row.Cells[i]);
            }
            trial.EndRow();
            for (var i = 0; i < row.Conditions.Count; i++)
            {
                Child(_conditions, row, i).AppendValue(row.Conditions[i]).EndRow();
            }
            for (var i = 0; i < row.Countries.Length; i++)
            {
                Child(_countries, row, i).AppendValue(row.Countries[i].Name).AppendValue(row.Countries[i].Code).EndRow();
            }
            for (var i = 0; i < row.Interventions.Length; i++)
            {
                Child(_interventions, row, i).AppendValue(row.Interventions[i].Type).AppendValue(row.Interventions[i].Name).EndRow();
            }
            for (var i = 0; i < row.Phases.Count; i++)
            {
                Child(_phases, row, i).AppendValue(row.Phases[i]).EndRow();
            }
        }

        /// <summary>A child row begun with its staging columns, NCT id and ordinal (1-based).</summary>
        private static IDuckDBAppenderRow Child(DuckDBAppender appender, ImportRow row, int index) =>
            appender.CreateRow().AppendValue(row.Unit).AppendValue(row.Item).AppendValue(row.NctId).AppendValue(index + 1);

        public void Errors(Processed processed)
        {
            for (var i = 0; i < processed.Errors.Count; i++)
            {
                _errors.CreateRow().AppendValue(processed.Unit).AppendValue(processed.Item).AppendValue(i).AppendValue(processed.Errors[i].ToString()).EndRow();
            }
        }

        public void Dispose()
        {
            foreach (var appender in new[] { _trials, _conditions, _countries, _interventions, _phases, _errors })
            {
                appender.Dispose();
            }
        }
    }

    /// <summary>The NCT ids seen so far: one bit per possible NCT number, in pages made as numbers arrive (at most 12.5 MB).</summary>
    private sealed class NctSet
    {
        private const int PageBits = 16;
        private readonly ulong[]?[] _pages = new ulong[]?[(100_000_000 >> PageBits) + 1];

        /// <summary>Adds <paramref name="nctId"/>; false when it was there already (or is not NCT and eight digits,
        /// which the readers never let through, so that duplicates are then looked for in full).</summary>
        public bool Add(string nctId)
        {
            if (nctId.Length != 11 || !nctId.StartsWith("NCT", StringComparison.Ordinal)
                || !int.TryParse(nctId.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }
            var page = _pages[number >> PageBits] ??= new ulong[(1 << PageBits) / 64];
            ref var word = ref page[(number & ((1 << PageBits) - 1)) >> 6];
            var bit = 1UL << (number & 63);
            if ((word & bit) != 0)
            {
                return false;
            }
            word |= bit;
            return true;
        }
    }

    private static void ListProblems(DuckDBConnection connection, ImportOptions options, long skipped)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT message FROM import_errors
            WHERE (unit, item) IN (SELECT DISTINCT unit, item FROM import_errors ORDER BY unit, item LIMIT {options.MaxListed})
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

    /// <summary>
    /// Keeps one record per NCT id (newest last update, then last read), deleting the others and their child rows;
    /// reports the first 20 ids read more than once. Returns the records dropped.
    /// </summary>
    private static long Deduplicate(DuckDBConnection connection, TextWriter progress)
    {
        const string Repeated = "SELECT nct_id FROM trials GROUP BY nct_id HAVING count(*) > 1";
        TrialStore.Execute(connection, $"""
            CREATE TEMP TABLE losers AS
            SELECT unit, item FROM (
                SELECT unit, item, row_number() OVER (PARTITION BY nct_id ORDER BY last_update_posted DESC NULLS LAST, unit DESC, item DESC) AS rank
                FROM trials WHERE nct_id IN ({Repeated}))
            WHERE rank > 1
            """);
        var merged = TrialStore.Scalar(connection, "SELECT count(*) FROM losers");
        if (merged > 0)
        {
            using (var command = connection.CreateCommand())
            {
                command.CommandText = """
                    SELECT s.nct_id, count(*), string_agg(s.origin, chr(31) ORDER BY s.unit, s.item), max(CASE WHEN l.unit IS NULL THEN s.origin END)
                    FROM trials s LEFT JOIN losers l USING (unit, item)
                    GROUP BY s.nct_id HAVING count(*) > 1 ORDER BY s.nct_id LIMIT 20
                    """;
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var origins = string.Join(", ", reader.GetString(2).Split('\u001F').Select(Located.Value));
                    progress.WriteLine($"  {reader.GetString(0)} appears {reader.GetInt64(1)} times ({origins}); kept {Located.Value(reader.GetString(3))} (newest last update, then last read)");
                }
            }
            var groups = TrialStore.Scalar(connection, $"SELECT count(*) FROM ({Repeated})");
            if (groups > 20)
            {
                progress.WriteLine($"  … and {groups - 20} more NCT ids read more than once");
            }
            foreach (var table in TrialStore.ChildTables.Keys.Prepend("trials"))
            {
                TrialStore.Execute(connection, $"DELETE FROM {table} USING losers WHERE {table}.unit = losers.unit AND {table}.item = losers.item");
            }
        }
        TrialStore.Execute(connection, "DROP TABLE losers");
        return merged;
    }

    private static (long Imported, long Liver) Counts(DuckDBConnection connection) =>
        (TrialStore.Scalar(connection, "SELECT count(*) FROM trials"),
         TrialStore.Scalar(connection, "SELECT count(*) FROM trials WHERE condition_category <> 'not_liver'"));

    private static string Columns(string prefix = "") => string.Join(", ", TrialStore.TrialColumns.Select(c => prefix + c));

    private static long WriteCsv(DuckDBConnection connection, string output)
    {
        long rows = 0;
        AtomicOutput.WriteText(output, writer =>
        {
            using var csv = SafeCsv.Writer(writer);
            csv.Header(TrialStore.TrialColumns);
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {Columns()} FROM trials ORDER BY nct_id";
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

    private static long WriteParquet(DuckDBConnection connection, string output, long rows)
    {
        AtomicOutput.Write(output, temporary =>
            TrialStore.Execute(connection, $"COPY (SELECT {Columns()} FROM trials ORDER BY nct_id) TO {TrialStore.Literal(temporary)} (FORMAT parquet)"));
        return rows;
    }

    private static void LogImport(DuckDBConnection connection, string input, (long Read, long Imported, long Skipped, long Merged, long Kept) counts) =>
        TrialStore.Execute(connection, $"""
            INSERT INTO imports VALUES (now(), {TrialStore.Literal(Path.GetFullPath(input))}, {counts.Read}, {counts.Imported}, {counts.Skipped}, {counts.Merged}, {counts.Kept})
            """);

    /// <summary>Upserts the staged trials into an existing database (or, if it went away meanwhile, a new one).</summary>
    private static (long Kept, long Total) UpsertDatabase(DuckDBConnection staging, string stagingPath, string output, string input,
        (long Read, long Imported, long Skipped, long Merged) counts)
    {
        // Let go of the staging file so the target can read it through ATTACH.
        TrialStore.Execute(staging, "CHECKPOINT");
        staging.Close();
        if (File.Exists(output))
        {
            return Upsert(output, stagingPath, input, counts);
        }
        (long, long) result = default;
        AtomicOutput.Write(output, temporary =>
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
            // The staged trials are one per NCT id already; only the ids that win go into a temporary table (narrow, so
            // it stays small), and the rows themselves are read straight from the staging database.
            TrialStore.Execute(connection, """
                CREATE TEMP TABLE incoming AS
                SELECT c.nct_id FROM s.trials c LEFT JOIN trials t ON t.nct_id = c.nct_id
                WHERE t.nct_id IS NULL OR t.last_update_posted IS NULL OR c.last_update_posted >= t.last_update_posted
                """);
            var kept = TrialStore.Scalar(connection, "SELECT (SELECT count(*) FROM s.trials) - (SELECT count(*) FROM incoming)");
            if (TrialStore.Scalar(connection, "SELECT count(*) FROM trials") > 0)
            {
                foreach (var table in TrialStore.ChildTables.Keys.Prepend("trials"))
                {
                    TrialStore.Execute(connection, $"DELETE FROM {table} WHERE nct_id IN (SELECT nct_id FROM incoming)");
                }
            }
            TrialStore.Execute(connection, $"INSERT INTO trials SELECT {Columns("c.")} FROM s.trials c SEMI JOIN incoming i ON c.nct_id = i.nct_id");
            foreach (var (table, columns) in TrialStore.ChildTables)
            {
                TrialStore.Execute(connection, $"""
                    INSERT INTO {table} SELECT c.nct_id, c.ordinal, {string.Join(", ", columns.Select(x => "c." + x))}
                    FROM s.{table} c SEMI JOIN incoming i ON c.nct_id = i.nct_id
                    """);
            }
            LogImport(connection, input, (counts.Read, counts.Imported, counts.Skipped, counts.Merged, kept));
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

    /// <summary>With <c>MSCALF_TIMING=1</c>, prints each phase's elapsed time, the process's CPU time and its memory.</summary>
    private sealed class PhaseClock(TextWriter progress, bool enabled)
    {
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

        public void Phase(string name)
        {
            if (!enabled)
            {
                return;
            }
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  [timing] {name}: {_clock.Elapsed.TotalSeconds:0.00} s, CPU {process.TotalProcessorTime.TotalSeconds:0.00} s (JIT {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:0.00} s, {System.Runtime.JitInfo.GetCompiledMethodCount()} methods; GC {GC.CollectionCount(0)} collections, {GC.GetTotalPauseDuration().TotalSeconds:0.00} s paused); working set {Environment.WorkingSet >> 20} MB"));
        }
    }
}
