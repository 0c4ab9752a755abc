using CourseBot.Core.OpenBadges;

namespace CourseBot.Cli.Serve;

/// <summary>The public credential endpoints (no sign-in: employers use them); the Functions host maps the same core logic.</summary>
internal static class CredentialEndpoints
{
    public static void MapCredentials(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/jwks.json", (CredentialPages pages) => Send(pages.Jwks()));
        app.MapGet("/credentials/revocations", async (CredentialPages pages, CancellationToken cancel) =>
            Send(await pages.RevocationListAsync(cancel).ConfigureAwait(false)));
        app.MapGet("/credentials/{id}", async (string id, HttpRequest request, CredentialPages pages, CancellationToken cancel) =>
            Send(await pages.CredentialAsync(id, request.Headers.Accept.ToString(), cancel).ConfigureAwait(false)));
    }

    private static IResult Send(CredentialResponse response) =>
        Results.Content(response.Body, response.ContentType, statusCode: response.Status);
}
