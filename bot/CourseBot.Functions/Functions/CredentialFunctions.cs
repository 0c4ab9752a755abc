using CourseBot.Core.OpenBadges;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CourseBot.Functions.Functions;

/// <summary>
/// The public credential endpoints under the host's <c>/api</c> route prefix: <c>/api/.well-known/jwks.json</c>,
/// <c>/api/credentials/revocations</c> and <c>/api/credentials/{id}</c>. The logic is the core's <see cref="CredentialPages"/>, as in
/// <c>coursebot serve</c>; set <c>CourseBot:Credentials:PublicUrl</c> to <c>https://HOST/api/</c> so credentials name these.
/// </summary>
public sealed class CredentialFunctions(CredentialPages pages)
{
    [Function("credential-jwks")]
    public IActionResult Jwks([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ".well-known/jwks.json")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Send(pages.Jwks());
    }

    [Function("credential-revocations")]
    public async Task<IActionResult> RevocationsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "credentials/revocations")] HttpRequest request,
        CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Send(await pages.RevocationListAsync(cancel).ConfigureAwait(false));
    }

    [Function("credential")]
    public async Task<IActionResult> CredentialAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "credentials/{id}")] HttpRequest request, string id,
        CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Send(await pages.CredentialAsync(id, request.Headers.Accept.ToString(), cancel).ConfigureAwait(false));
    }

    private static ContentResult Send(CredentialResponse response) =>
        new() { Content = response.Body, ContentType = response.ContentType, StatusCode = response.Status };
}
