using System.Text.Json.Nodes;

namespace MscAlf.Notebooks;

/// <summary>The .NET Interactive metadata that lets the notebooks open as C# notebooks in Jupyter, VS Code and on GitHub.</summary>
public static class NotebookMetadata
{
    /// <summary>Adds the kernelspec, language_info and polyglot metadata where missing, and the C# kernel to each code cell.</summary>
    public static void Ensure(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var metadata = notebook.Metadata;
        metadata["kernelspec"] ??= new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" };
        metadata["language_info"] ??= new JsonObject
        {
            ["file_extension"] = ".cs", ["mimetype"] = "text/x-csharp", ["name"] = "C#", ["pygments_lexer"] = "csharp",
        };
        metadata["polyglot_notebook"] ??= new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
            },
        };
        foreach (var cell in notebook.Cells.Where(c => c.IsCode))
        {
            cell.Metadata["polyglot_notebook"] ??= new JsonObject { ["kernelName"] = "csharp" };
        }
    }
}
