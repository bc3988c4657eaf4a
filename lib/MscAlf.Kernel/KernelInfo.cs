using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;

namespace MscAlf.Kernel;

/// <summary>What the kernel says about itself in kernel_info_reply and its kernelspec.</summary>
public static class KernelInfo
{
    /// <summary>The kernelspec name: the one the project's notebooks carry in <c>metadata.kernelspec.name</c>.</summary>
    public const string Name = ".net-csharp";

    /// <summary>The display name, as in the notebooks' metadata.</summary>
    public const string DisplayName = ".NET (C#)";

    /// <summary>The language name, as in the notebooks' metadata.</summary>
    public const string Language = "C#";

    /// <summary>The kernel_info_reply content.</summary>
    public static JsonObject Reply() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = "mscalf-csharp",
        ["implementation_version"] = Version,
        ["language_info"] = new JsonObject
        {
            ["name"] = Language,
            ["version"] = LanguageVersion.Latest.MapSpecifiedToEffectiveVersion().ToDisplayString(),
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = $"C# on Roslyn scripting (MscAlfNotebooks kernel {Version}, .NET {Environment.Version})",
        ["help_links"] = new JsonArray(),
        ["debugger"] = false,
    };

    /// <summary>This kernel's version.</summary>
    public static string Version { get; } =
        typeof(KernelInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";
}
