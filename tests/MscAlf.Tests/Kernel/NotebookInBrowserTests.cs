using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MscAlf.Export;
using MscAlf.Notebooks;
using MscAlf.Tests.Notebooks;

namespace MscAlf.Tests.Kernel;

/// <summary>A fact that needs Debian's jupyter-notebook and Chromium: skipped, saying so, when either is missing.</summary>
public sealed class NotebookServerFactAttribute : FactAttribute
{
    public NotebookServerFactAttribute()
    {
        if (Browser.Find() is null || !KernelDriver.HasPythonModule("notebook"))
        {
            Skip = "needs Debian's jupyter-notebook and chromium (apt-get install jupyter-notebook chromium; CI installs them)";
        }
    }
}

/// <summary>
/// A person's path: Jupyter Notebook serving the lesson on 127.0.0.1 with a token, opened in Chromium, Cell → Run
/// All, and the charts drawn by plotly.js in the page.
/// </summary>
[Collection(nameof(KernelUsers))]
public sealed class NotebookInBrowserTests : IDisposable
{
    private const string Lesson = "02-figure2-trial-landscape.ipynb";
    private readonly KernelDriver _kernel = new();
    private readonly string _root = Directory.CreateTempSubdirectory("mscalf-notebook-server-").FullName;

    public void Dispose()
    {
        _kernel.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [NotebookServerFact]
    public async Task RunAll_WhenTheLessonIsOpenInJupyterNotebook_DrawsItsCharts()
    {
        var notebooks = Path.Combine(Path.GetDirectoryName(TestData.RepositoryDataDirectory)!, "notebooks");
        File.Copy(Path.Combine(notebooks, Lesson), Path.Combine(_root, Lesson));
        var token = Guid.NewGuid().ToString("N");
        var port = FreePort();
        using var server = StartServer(port, token);
        try
        {
            await using var page = await HeadlessPage.StartAsync();
            var address = $"http://127.0.0.1:{port}/notebooks/{Lesson}?token={token}";
            Assert.True(await WaitForServer(port, token), "Jupyter Notebook did not start");
            await page.NavigateAsync(address);
            Assert.True(await page.WaitForAsync("window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()",
                TimeSpan.FromSeconds(90)), "the notebook page did not connect to the kernel");
            await page.EvaluateAsync("document.querySelector('#run_all_cells a').click()"); // Cell → Run All
            Assert.True(await page.WaitForAsync(
                "Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code').every(c => c.input_prompt_number !== '*' && c.input_prompt_number !== null)",
                TimeSpan.FromMinutes(3)), "the cells did not all finish");
            var errors = (int?)await page.EvaluateAsync("document.querySelectorAll('.output_error').length");
            Assert.Equal(0, errors);
            var charts = NotebookRules.ChartOutputs(Notebook.Load(Path.Combine(notebooks, Lesson))).Count();
            Assert.True(await page.WaitForAsync($"document.querySelectorAll('.js-plotly-plot .main-svg').length > 0 && document.querySelectorAll('.js-plotly-plot').length === {charts}",
                TimeSpan.FromSeconds(60)), $"the {charts} charts were not all drawn");
            var bars = (int?)await page.EvaluateAsync("document.querySelectorAll('.js-plotly-plot .plot .trace').length");
            Assert.True(bars > 0, "the charts have no traces");
            // Drawn with the plotly.js `kernel install` put in nbextensions, loaded through require.js: none inlined, nothing
            // fetched from anywhere but the Notebook server.
            Assert.Equal(true, (bool?)await page.EvaluateAsync(
                "performance.getEntriesByType('resource').some(r => r.name.includes('/nbextensions/mscalf/plotly-2.28.0.min.js'))"));
            Assert.Equal(0, (int?)await page.EvaluateAsync(
                "performance.getEntriesByType('resource').filter(r => /^https?:/.test(r.name) && !r.name.startsWith(location.origin)).length"));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }
    }

    private Process StartServer(int port, string token)
    {
        var start = new ProcessStartInfo(Notebooks.NbformatFactAttribute.Python)
        {
            RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = _root,
        };
        foreach (var argument in new[]
        {
            "-m", "notebook", "--no-browser", "--ip=127.0.0.1", $"--port={port}", "--port-retries=0",
            $"--NotebookApp.token={token}", $"--notebook-dir={_root}", "--NotebookApp.open_browser=False", "--allow-root",
        })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in _kernel.Environment())
        {
            start.Environment[name] = value;
        }
        var server = Process.Start(start)!;
        _ = server.StandardError.ReadToEndAsync();
        _ = server.StandardOutput.ReadToEndAsync();
        return server;
    }

    private static async Task<bool> WaitForServer(int port, string token)
    {
        using var http = new HttpClient();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/kernelspecs?token={token}"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return (await response.Content.ReadAsStringAsync()).Contains(MscAlf.Kernel.KernelInfo.Name, StringComparison.Ordinal);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
