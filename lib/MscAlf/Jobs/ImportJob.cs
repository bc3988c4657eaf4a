using DuckDB.NET.Data;
using MscAlf.Concepts;
using MscAlf.IO;
using MscAlf.Registry;

namespace MscAlf.Jobs;

/// <summary>
/// The import job: registry exports (the bulk zip, a folder, API v2 JSON, the website's CSV) into the trials schema with
/// the derived columns, streamed by <see cref="RegistryImporter"/>. The output is checked first (never an input) and
/// written atomically.
/// </summary>
public static class ImportJob
{
    /// <summary>
    /// Runs the import, with progress and skipped records on <paramref name="progress"/> and the errors of a failing
    /// import on <paramref name="problems"/>. Throws <see cref="JobFailedException"/> with one located message when the
    /// input is missing, the output is refused or cannot be written, or a record is invalid; nothing is changed then.
    /// </summary>
    public static ImportJobResult Run(ImportJobOptions options, TextWriter progress, TextWriter problems) =>
        Run(options, products: null, progress, problems);

    /// <summary>
    /// <see cref="Run(ImportJobOptions, TextWriter, TextWriter)"/> with the product lists already loaded from
    /// <see cref="ImportJobOptions.ProductLists"/> (by a job that checked them before its own work), or loaded here when null.
    /// </summary>
    internal static ImportJobResult Run(ImportJobOptions options, MscProductList? products, TextWriter progress, TextWriter problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (FileIdentity.KindOf(options.Input) == FileKind.Missing)
        {
            throw new JobFailedException($"{Located.Value(options.Input)}: no such file or folder");
        }
        try
        {
            OutputGuard.CheckFile(options.Output, [options.Input, .. options.ProductLists]);
            var importer = new ImportOptions
            {
                SkipInvalid = options.SkipInvalid, Progress = progress, Problems = problems, Cancellation = options.Cancellation,
                Products = products ?? ProductLists.Load(options.ProductLists, "nothing was changed"),
            };
            var counts = RegistryImporter.Run(options.Input, options.Output, importer);
            return new ImportJobResult(counts, Path.GetFullPath(options.Output));
        }
        catch (Exception ex) when (ex is ImportFailedException or OutputRefusedException
            or (ArgumentException and not ArgumentOutOfRangeException and not ArgumentNullException))
        {
            throw new JobFailedException(ex.Message, ex);
        }
        catch (OutputLocationException ex)
        {
            throw new JobFailedException($"{ex.Message}; nothing was changed", ex); // it names the folder or file already
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DuckDBException)
        {
            throw new JobFailedException(
                $"{Located.Value(options.Output)}: cannot write the output ({Located.Message(ex.Message.Split('\n')[0])}); nothing was changed", ex);
        }
    }
}
