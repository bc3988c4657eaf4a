using System.Reflection;
using System.Text.RegularExpressions;
using MscAlf.Concepts;

namespace MscAlf.Tests.Concepts;

/// <summary>
/// A guard over every source-generated pattern of the library and the notebook engine. A lazy bounded loop (<c>{0,3}?</c>) after an optional
/// group can make the compiled and source-generated engines of .NET 10 loop without end (dotnet/runtime#133429), while
/// the interpreter answers at once; a registry record hit it (NCT01860118). A greedy loop finds a match exactly when the
/// lazy one does, so the library writes them greedy.
/// </summary>
public sealed class GeneratedRegexTests
{
    private static readonly Assembly[] Assemblies = [typeof(MscSource).Assembly, typeof(MscAlf.Notebooks.NotebookRunner).Assembly];

    public static TheoryData<string> Patterns()
    {
        var data = new TheoryData<string>();
        var methods = Assemblies.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && m.GetCustomAttribute<GeneratedRegexAttribute>() is not null);
        foreach (var method in methods.OrderBy(m => m.DeclaringType!.FullName + "." + m.Name, StringComparer.Ordinal))
        {
            data.Add(method.DeclaringType!.Name + "." + method.Name);
        }
        return data;
    }

    [Fact]
    public void Patterns_WhenTheLibraryIsLoaded_FindsItsGeneratedRegexes() =>
        Assert.True(Patterns().Count >= 60, "fewer than 60 generated patterns found");

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Pattern_WhenGenerated_HasNoLazyBoundedLoop(string name)
    {
        var pattern = PatternOf(name);
        Assert.DoesNotMatch(@"(?<!\\)\{\d+(?:,\d*)?\}\?", pattern);
    }

    private static string PatternOf(string name)
    {
        var (typeName, methodName) = (name[..name.LastIndexOf('.')], name[(name.LastIndexOf('.') + 1)..]);
        var type = Assemblies.SelectMany(a => a.GetTypes()).Single(t => t.Name == typeName);
        var method = type.GetMethod(methodName, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!;
        return ((Regex)method.Invoke(null, null)!).ToString();
    }
}
