using System.Text.Json.Nodes;

namespace MscAlf.Tests.Registry;

internal static class Fixtures
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "registry");

    public static string Csv => Path.Combine(Folder, "modern_csv", "ctg-studies_MarcMorcos_first25.csv");

    public static string Json => Path.Combine(Folder, "api_v2_json");

    public static IReadOnlyList<string> JsonFiles => [.. Directory.GetFiles(Json, "*.json").Order(StringComparer.Ordinal)];

    /// <summary>The seven fixture studies as three /studies pages (3, 3, 1), chained by page tokens.</summary>
    public static IReadOnlyList<string> Pages()
    {
        var studies = JsonFiles.Select(f => JsonNode.Parse(File.ReadAllText(f))!).ToList();
        var chunks = studies.Chunk(3).ToList();
        return [.. chunks.Select((chunk, i) =>
        {
            var page = new JsonObject { ["studies"] = new JsonArray([.. chunk.Select(s => s.DeepClone())]) };
            if (i == 0)
            {
                page["totalCount"] = studies.Count;
            }
            if (i < chunks.Count - 1)
            {
                page["nextPageToken"] = $"token-{i + 2}";
            }
            return page.ToJsonString();
        })];
    }
}
