using System.Text.Json;

namespace CourseBot.Core.Doctor;

/// <summary>What the App must hold, read from bot/app-manifest.json: its permissions (name to level) and the events it needs.</summary>
public sealed record AppManifest(IReadOnlyDictionary<string, string> Permissions, IReadOnlyList<string> Events)
{
    public static AppManifest Read(string path) => Parse(File.ReadAllText(path));

    public static AppManifest Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var permissions = root.GetProperty("default_permissions").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
        var events = root.GetProperty("default_events").EnumerateArray().Select(e => e.GetString() ?? "").ToList();
        return new AppManifest(permissions, events);
    }
}
