using System.Globalization;
using System.Text;
using MscAlf.Registry;

// Writes registry-shaped inputs of N studies from the real fixtures, deterministically (the same N gives the same
// bytes): registry-N.zip shaped like the registry's bulk download (one API v2 study JSON per entry, NCTxxxx/NCT….json)
// and registry-N.csv shaped like the website's CSV download. Studies cycle through the fixtures in a fixed order and
// take new NCT ids NCT10000000, NCT10000001, …; nothing else in a record changes.
//
// Usage: dotnet run --project benchmarks/RegistryBench -c Release -- STUDIES OUTDIR [FIXTURES]
if (args.Length < 2 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var studies) || studies <= 0)
{
    Console.Error.WriteLine("usage: RegistryBench STUDIES OUTDIR [FIXTURES-FOLDER]");
    return 2;
}
var output = args[1];
var fixtures = args.Length > 2 ? args[2] : Path.Combine(FindRepository(), "tests", "MscAlf.Tests", "Fixtures", "registry");
Directory.CreateDirectory(output);
var zipPath = Path.Combine(output, $"registry-{studies}.zip");
var csvPath = Path.Combine(output, $"registry-{studies}.csv");

var jsonPool = RegistrySample.Studies(Path.Combine(fixtures, "api_v2_json"));
var csvLines = File.ReadAllText(Path.Combine(fixtures, "modern_csv", "ctg-studies_MarcMorcos_first25.csv")).Split('\n');
var header = csvLines[0];
var csvPool = SplitRecords(string.Join('\n', csvLines.Skip(1)));
RegistrySample.WriteBulkZip(jsonPool, zipPath, studies);
WriteAtomically(csvPath, stream =>
{
    using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
    writer.WriteLine(header);
    for (var i = 0; i < studies; i++)
    {
        writer.WriteLine(RegistrySample.Renumber(csvPool[i % csvPool.Count], RegistrySample.NewId(i)));
    }
});
Console.WriteLine($"wrote {zipPath} ({new FileInfo(zipPath).Length / 1e6:0.0} MB) and {csvPath} ({new FileInfo(csvPath).Length / 1e6:0.0} MB)");
return 0;

static List<string> SplitRecords(string body)
{
    // CSV records may hold quoted line breaks: split on line ends outside quotes.
    var records = new List<string>();
    var current = new StringBuilder();
    var quoted = false;
    foreach (var c in body)
    {
        if (c == '"')
        {
            quoted = !quoted;
        }
        if (c == '\n' && !quoted)
        {
            if (current.Length > 0)
            {
                records.Add(current.ToString());
            }
            current.Clear();
            continue;
        }
        current.Append(c);
    }
    if (current.Length > 0)
    {
        records.Add(current.ToString());
    }
    return records;
}

static void WriteAtomically(string path, Action<Stream> write)
{
    var temporary = path + ".tmp";
    using (var stream = File.Create(temporary))
    {
        write(stream);
    }
    File.Move(temporary, path, overwrite: true);
}

static string FindRepository()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "MscAlfNotebooks.sln")))
        {
            return dir.FullName;
        }
    }
    throw new DirectoryNotFoundException("Run from inside the repository, or pass the fixtures folder.");
}
