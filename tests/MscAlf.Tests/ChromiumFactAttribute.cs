using MscAlf.Export;

namespace MscAlf.Tests;

/// <summary>A fact that needs headless Chromium: skipped, saying why and how to get it, when none is installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Browser.Find() is null)
        {
            Skip = "needs Chromium, which is not installed: apt-get install chromium (CI installs it), or set MSCALF_CHROMIUM";
        }
    }
}

/// <summary>A theory that needs headless Chromium: skipped, saying why and how to get it, when none is installed.</summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (Browser.Find() is null)
        {
            Skip = "needs Chromium, which is not installed: apt-get install chromium (CI installs it), or set MSCALF_CHROMIUM";
        }
    }
}
