namespace MscAlf.Tests;

/// <summary>A fact that needs Debian's Python 3 (<c>/usr/bin/python3</c>, standard library only): skipped, saying so, when it is missing.</summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        if (!File.Exists(Notebooks.NbformatFactAttribute.Python))
        {
            Skip = "needs Python 3 at /usr/bin/python3 (apt-get install python3; CI has it)";
        }
    }
}
