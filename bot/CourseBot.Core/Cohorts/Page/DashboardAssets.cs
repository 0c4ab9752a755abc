namespace CourseBot.Core.Cohorts.Page;

/// <summary>The page's script and stylesheet, shipped inside the core (no CDN, nothing fetched elsewhere).</summary>
public static class DashboardAssets
{
    private static readonly Lazy<string> ScriptText = new(() => Read("CourseBot.Dashboard.dashboard.js"));
    private static readonly Lazy<string> StylesText = new(() => Read("CourseBot.Dashboard.dashboard.css"));

    public static string Script => ScriptText.Value;

    public static string Styles => StylesText.Value;

    private static string Read(string name)
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in CourseBot.Core");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
