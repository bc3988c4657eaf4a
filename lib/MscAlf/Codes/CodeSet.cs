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
    private static readonly T[] Members = EnumValue.All<T>();
    private static readonly string[] MemberCodes = CodesOf(Members);
    private static readonly Dictionary<string, int> ByCode = Index(MemberCodes);

    /// <summary>All codes of the set, in declaration order.</summary>
    public static IReadOnlyList<string> Codes { get; } = [.. MemberCodes];

    /// <summary>All members of the set, in declaration order.</summary>
    public static IReadOnlyList<T> Values { get; } = [.. Members];

    /// <summary>The code written in data files for <paramref name="value"/> (computed once per member).</summary>
    public static string Code(T value)
    {
        var key = EnumValue.Of(value);
        for (var i = 0; i < Members.Length; i++)
        {
            if (EnumValue.Of(Members[i]) == key)
            {
                return MemberCodes[i];
            }
        }
        return ToCode(value); // a number outside the declared members
    }

    /// <summary>Finds the member whose code is exactly <paramref name="code"/> (case-sensitive).</summary>
    public static bool TryParse(string code, out T value)
    {
        var found = ByCode.TryGetValue(code, out var index);
        value = found ? Members[index] : default;
        return found;
    }

    /// <summary>The member whose code is <paramref name="code"/>; throws for a code outside the set.</summary>
    public static T Parse(string code) =>
        TryParse(code, out var value)
            ? value
            : throw new FormatException($"'{code}' is not one of {string.Join(", ", Codes)}");

    // Plain loops and a Dictionary rather than LINQ and a FrozenDictionary: every generic the framework instantiates over
    // an enum of ours is compiled at start-up (ReadyToRun cannot precompile it), for each of the dozen value sets. The
    // index holds positions in Members for the same reason: Dictionary<string, int> is precompiled in the framework,
    // Dictionary<string, T> is not (measured: docs/performance.md).
    private static string[] CodesOf(T[] members)
    {
        var codes = new string[members.Length];
        for (var i = 0; i < members.Length; i++)
        {
            codes[i] = ToCode(members[i]);
        }
        return codes;
    }

    private static Dictionary<string, int> Index(string[] codes)
    {
        var byCode = new Dictionary<string, int>(codes.Length, StringComparer.Ordinal);
        for (var i = 0; i < codes.Length; i++)
        {
            byCode.Add(codes[i], i);
        }
        return byCode;
    }

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
