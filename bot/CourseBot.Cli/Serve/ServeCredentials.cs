using CourseBot.Core.OpenBadges;

namespace CourseBot.Cli.Serve;

/// <summary>
/// <c>coursebot serve</c> issues credentials unless <c>CourseBot:Credentials:Enabled</c> is false: with the configured key, or
/// else its own <see cref="DevCredentialKey"/>; at <c>CourseBot:Credentials:PublicUrl</c>, else <c>CourseBot:PublicUrl</c>, else
/// where it listens. Only what is missing is filled in: a configured value always wins.
/// </summary>
internal static class ServeCredentials
{
    public static Dictionary<string, string?> Defaults(IConfiguration configuration, string dataDirectory, string urls)
    {
        var section = CredentialKeyOptions.Section;
        var defaults = new Dictionary<string, string?>();
        if (configuration.GetValue<bool?>(section + ":Enabled") == false)
        {
            return defaults;
        }

        defaults[section + ":Enabled"] = "true";
        if (string.IsNullOrWhiteSpace(configuration[section + ":PrivateKeyPem"]))
        {
            defaults[section + ":PrivateKeyPem"] = DevCredentialKey.LoadOrCreate(dataDirectory);
        }

        if (string.IsNullOrWhiteSpace(configuration[section + ":PublicUrl"]))
        {
            var listening = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            defaults[section + ":PublicUrl"] = configuration["CourseBot:PublicUrl"] is { Length: > 0 } configured ? configured : listening;
        }

        return defaults;
    }
}
