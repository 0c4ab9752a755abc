using System.CommandLine;
using System.Text.Json.Nodes;
using CourseBot.Cli.Serve;
using CourseBot.Core.OpenBadges;
using CourseBot.Core.Storage;

namespace CourseBot.Cli.Commands;

/// <summary>
/// <c>coursebot credential verify FILE|URL [--jwks FILE]</c>: what an employer runs on a certificate (exit 0 when every check holds,
/// 1 otherwise); <c>coursebot credential revoke ID --reason TEXT</c>: an instructor's revocation, recorded in the bot's store.
/// </summary>
internal static class CredentialCommandLine
{
    public static Command Build()
    {
        var command = new Command("credential", "Verify or revoke an Open Badges credential the bot issued.");
        command.Subcommands.Add(Verify());
        command.Subcommands.Add(Revoke());
        return command;
    }

    private static Command Verify()
    {
        var source = new Argument<string>("credential")
        {
            Description = "certificates/LEVEL.json from a learner's repository, a .jwt file, or the credential's URL.",
        };
        var jwks = new Option<string?>("--jwks") { Description = "Check against this JWK Set file instead of fetching the issuer's." };
        var verify = new Command("verify", "Check a credential's signature, issuer key, schema, validity and revocation.")
        {
            source, jwks,
        };
        verify.SetAction(async (parsed, cancel) =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var text = await ReadAsync(http, parsed.GetValue(source)!, cancel).ConfigureAwait(false);
            if (text is null || CredentialFile.JwtOf(text) is not { } jwt)
            {
                await error.WriteLineAsync("coursebot credential verify: NOT VALID: not a VC-JWT, nor a credential file "
                    + "(EnvelopedVerifiableCredential) holding one.").ConfigureAwait(false);
                return 1;
            }

            JsonObject? pinned = null;
            if (parsed.GetValue(jwks) is { } file)
            {
                pinned = JsonNode.Parse(await File.ReadAllTextAsync(file, cancel).ConfigureAwait(false)) as JsonObject;
            }

            var report = await new CredentialVerifier(http, TimeProvider.System).VerifyAsync(jwt, pinned, cancel).ConfigureAwait(false);
            output.WriteLine("Credential: " + CredentialVerifier.Describe(jwt));
            foreach (var (passed, line) in report.Checks)
            {
                output.WriteLine((passed ? "  ok    " : "  FAIL  ") + line);
            }

            output.WriteLine(report.IsValid ? "VALID" : report.IsRevoked ? "NOT VALID: REVOKED" : "NOT VALID");
            return report.IsValid ? 0 : 1;
        });
        return verify;
    }

    private static Command Revoke()
    {
        var id = new Argument<string>("id") { Description = "The credential's id, or its URL." };
        var reason = new Option<string>("--reason") { Description = "Why (shown publicly on its page and list).", Required = true };
        var by = new Option<string?>("--by")
        {
            Description = "Who revokes it (recorded).", DefaultValueFactory = _ => Environment.UserName,
        };
        var data = new Option<string>("--data")
        {
            Description = "The bot's data folder (default: .coursebot).", DefaultValueFactory = _ => BotServer.DefaultDataDirectory,
        };
        var azure = new Option<string?>("--azure-storage") { Description = "The Functions host's storage: revoke in its Azure store." };
        var prefix = new Option<string>("--prefix")
        {
            Description = "The Azure store's table prefix (CourseBot:Prefix).", DefaultValueFactory = _ => "coursebot",
        };
        var revoke = new Command("revoke", "Revoke a credential: its page, the revocation list and verify say REVOKED from now on.")
        {
            id, reason, by, data, azure, prefix,
        };
        revoke.SetAction(async (parsed, cancel) =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            var events = await OpenAsync(parsed.GetValue(data)!, parsed.GetValue(azure), parsed.GetValue(prefix)!, cancel)
                .ConfigureAwait(false);
            var given = parsed.GetValue(id)!.TrimEnd('/');
            var shortId = given[(given.LastIndexOf('/') + 1)..];
            var text = parsed.GetValue(reason)!;
            if (string.IsNullOrWhiteSpace(text))
            {
                await error.WriteLineAsync("coursebot credential revoke: --reason is empty: say why").ConfigureAwait(false);
                return 1;
            }

            if (!await new CredentialRegister(events).RevokeAsync(shortId, text, parsed.GetValue(by), cancel).ConfigureAwait(false))
            {
                await error.WriteLineAsync($"coursebot credential revoke: no credential {shortId} in this store")
                    .ConfigureAwait(false);
                return 1;
            }

            output.WriteLine($"Revoked {shortId}: {text.Trim()}. Its page, the revocation list and verify now say REVOKED.");
            return 0;
        });
        return revoke;
    }

    private static async Task<string?> ReadAsync(HttpClient http, string source, CancellationToken cancel)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.ParseAdd(CredentialResponse.Jwt);
            using var response = await http.SendAsync(request, cancel).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false) : null;
        }

        return File.Exists(source) ? await File.ReadAllTextAsync(source, cancel).ConfigureAwait(false) : null;
    }

    private static async Task<ILearnerEvents> OpenAsync(
        string dataDirectory, string? azureStorage, string prefix, CancellationToken cancel)
    {
        if (azureStorage is not { Length: > 0 })
        {
            Directory.CreateDirectory(dataDirectory);
            return new SqliteLearnerEvents(Path.Combine(dataDirectory, "coursebot.db"), TimeProvider.System);
        }

        var store = new Storage.Azure.AzureLearnerEvents(azureStorage, prefix, TimeProvider.System);
        await store.InitializeAsync(cancel).ConfigureAwait(false);
        return store;
    }
}
