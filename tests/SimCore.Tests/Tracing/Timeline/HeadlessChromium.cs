namespace SimHarness.Tests.Tracing.Timeline;

/// <summary>Debian's <c>chromium</c> run headless: loads a local page, runs its script, dumps the resulting DOM.</summary>
internal static class HeadlessChromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser"];

    /// <summary>The browser's path, or null when it is not installed (.ci/run installs it).</summary>
    public static string? Find() =>
        Names
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);

    /// <summary>The DOM of <paramref name="htmlFile"/> after its scripts ran; the browser is killed after <paramref name="timeout"/>.</summary>
    public static async Task<string> DumpDomAsync(string chromium, string htmlFile, TimeSpan timeout)
    {
        // A profile of its own: other chromium processes on the machine cannot lock it.
        var profile = Directory.CreateTempSubdirectory("simharness-chromium-");
        try
        {
            string[] args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--window-size=1280,900", $"--user-data-dir={profile.FullName}", "--dump-dom", new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri];
            var (code, dom, stderr) = await ExternalProcess.RunAsync(chromium, null, args, timeout);
            if (code != 0 || dom.Length == 0)
            {
                throw new InvalidOperationException($"chromium exited with {code}: {stderr.Trim()}");
            }

            return dom;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
