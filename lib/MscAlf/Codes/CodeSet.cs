using System.Collections.Frozen;
using System.Text;

namespace MscAlf.Codes;

/// <summary>
/// Maps the members of an enum to the snake_case codes written in the data files
/// (<c>BoneMarrow</c> ↔ <c>bone_marrow</c>). Declaration order is the canonical order of the value set.
/// </summary>
/// <typeparam name="T">The enum that holds the value set.</typeparam>
public static class CodeSet<T>
    where T : struct, Enum
{
    private static readonly T[] Members = Enum.GetValues<T>();
    private static readonly FrozenDictionary<string, T> ByCode =
        Members.ToFrozenDictionary(ToCode, StringComparer.Ordinal);

    /// <summary>All codes of the set, in declaration order.</summary>
    public static IReadOnlyList<string> Codes { get; } = [.. Members.Select(ToCode)];

    /// <summary>All members of the set, in declaration order.</summary>
    public static IReadOnlyList<T> Values { get; } = Members;

    /// <summary>The code written in data files for <paramref name="value"/>.</summary>
    public static string Code(T value) => ToCode(value);

    /// <summary>Finds the member whose code is exactly <paramref name="code"/> (case-sensitive).</summary>
    public static bool TryParse(string code, out T value) => ByCode.TryGetValue(code, out value);

    /// <summary>The member whose code is <paramref name="code"/>; throws for a code outside the set.</summary>
    public static T Parse(string code) =>
        TryParse(code, out var value)
            ? value
            : throw new FormatException($"'{code}' is not one of {string.Join(", ", Codes)}");

    private static string ToCode(T value)
    {
        var name = value.ToString();
        var code = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                code.Append('_');
            }
            code.Append(char.ToLowerInvariant(name[i]));
        }
        return code.ToString();
    }
}
