using MscAlf.Concepts;
using MscAlf.Data;

namespace MscAlf.Jobs;

/// <summary>The MSC product lists a job is given (<c>--products</c>), loaded once for <c>import</c> and <c>products</c> alike.</summary>
internal static class ProductLists
{
    /// <summary>
    /// The library's list with every file of <paramref name="files"/> added, in order. A broken file is a
    /// <see cref="JobFailedException"/> of one located line: the first error, how many more there are, and
    /// <paramref name="outcome"/> ("nothing was changed").
    /// </summary>
    public static MscProductList Load(IReadOnlyList<string> files, string outcome)
    {
        try
        {
            return files.Aggregate(MscProductList.Builtin, (list, file) => list.WithFile(file));
        }
        catch (DataValidationException error)
        {
            throw new JobFailedException(error.Errors.Count switch
            {
                0 => $"{error.Message}; {outcome}",
                1 => $"{error.Errors[0]}; {outcome}",
                _ => $"{error.Errors[0]}; and {error.Errors.Count - 1} more error(s) in the product list; {outcome}",
            }, error);
        }
    }
}
