using System.Text.RegularExpressions;

namespace CourseBot.Core.Publishing;

/// <summary>
/// Reads the grader's checksums as the release workflow attaches them: each value is either a
/// <c>coursebot-grader-linux-ARCH.sha256</c> file (<c>sha256sum</c> output; the name says the
/// architecture) or <c>linux-ARCH=HEX</c>. linux-x64 is required; linux-arm64 may be missing.
/// </summary>
public static partial class GraderReleaseReader
{
    public static (GraderRelease? Release, string? Problem) Read(string version, Uri releaseUrl, IEnumerable<string> checksums)
    {
        ArgumentNullException.ThrowIfNull(checksums);
        if (!Version().IsMatch(version))
        {
            return (null, $"grader version '{version}' is not a release version (1.2.3)");
        }

        var byArchitecture = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in checksums)
        {
            var (architecture, hex, problem) = File.Exists(value) ? FromFile(value) : FromPair(value);
            if (problem is not null)
            {
                return (null, problem);
            }

            byArchitecture[architecture!] = hex!;
        }

        if (!byArchitecture.TryGetValue("linux-x64", out var x64))
        {
            return (null, "no SHA-256 for linux-x64 (give --grader-sha256 coursebot-grader-linux-x64.sha256)");
        }

        var arm64 = byArchitecture.GetValueOrDefault("linux-arm64") ?? GraderRelease.Unavailable;
        return (new GraderRelease(version, releaseUrl, x64, arm64), null);
    }

    private static (string? Architecture, string? Hex, string? Problem) FromFile(string path)
    {
        var name = Path.GetFileName(path);
        var match = FileName().Match(name);
        if (!match.Success)
        {
            return (null, null, $"{name}: expected coursebot-grader-linux-x64.sha256 or coursebot-grader-linux-arm64.sha256");
        }

        var hex = File.ReadAllText(path).Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return Checked(match.Groups["arch"].Value, hex, name);
    }

    private static (string? Architecture, string? Hex, string? Problem) FromPair(string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        return equals > 0
            ? Checked(value[..equals], value[(equals + 1)..], value[..equals])
            : (null, null, $"'{value}' is neither a .sha256 file nor linux-ARCH=HEX");
    }

    private static (string? Architecture, string? Hex, string? Problem) Checked(string architecture, string hex, string source) =>
        architecture is not ("linux-x64" or "linux-arm64")
            ? (null, null, $"{source}: architecture '{architecture}' is not linux-x64 or linux-arm64")
        : !Sha256().IsMatch(hex) ? (null, null, $"{source}: '{hex}' is not a SHA-256 (64 hex digits)")
        : (architecture, hex.ToLowerInvariant(), null);

    [GeneratedRegex("^coursebot-grader-(?<arch>linux-[a-z0-9]+)\\.sha256$")]
    private static partial Regex FileName();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256();

    [GeneratedRegex("^[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$")]
    private static partial Regex Version();
}
