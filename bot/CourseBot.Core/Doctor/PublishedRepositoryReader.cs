using CourseBot.Core.Publishing;
using Octokit;

namespace CourseBot.Core.Doctor;

/// <summary>
/// Reads what <c>course publish</c> set up in an organisation and says, for each part, whether it is there and what to do if
/// not: repositories with their files (by path: their content carries the grader release and pins publish alone knows),
/// the template flag, the Actions access of the repositories learners' workflows use, and the instructors team.
/// </summary>
internal sealed class PublishedRepositoryReader(IGitHubClient github, string org)
{
    private const string Publish = "run coursebot course publish";
    private const int Shown = 3;

    public async Task<(bool Ok, string Message)> CourseAsync(string name, IReadOnlyList<string> files)
    {
        if (await FindAsync(name).ConfigureAwait(false) is not { } repository)
        {
            return (false, $"not found: {Publish}");
        }

        return await FilesAsync(repository, files).ConfigureAwait(false);
    }

    public async Task<(bool Ok, string Message)> TemplateAsync(string name, IReadOnlyList<string> files)
    {
        if (await FindAsync(name).ConfigureAwait(false) is not { } repository)
        {
            return (false, $"not found: {Publish}");
        }

        if (!repository.IsTemplate)
        {
            return (false, $"not marked as a template, so learners' repositories cannot be generated from it: {Publish} "
                + "(or tick Template repository in its settings)");
        }

        return await FilesAsync(repository, files).ConfigureAwait(false);
    }

    /// <summary>Learners' workflows call the course's grade.yml, which uses the grader's action: both must be shared.</summary>
    public async Task<(bool Ok, string Message)> ActionsAccessAsync(IReadOnlyList<string> names)
    {
        var problems = new List<string>();
        foreach (var name in names)
        {
            try
            {
                var uri = new Uri($"repos/{org}/{name}/actions/permissions/access", UriKind.Relative);
                var level = (await new ApiConnection(github.Connection).Get<ActionsAccess>(uri).ConfigureAwait(false)).AccessLevel;
                if (level != ActionsAccess.Organization)
                {
                    problems.Add($"{org}/{name} shares its Actions with {level ?? "nobody"}");
                }
            }
            catch (NotFoundException)
            {
                problems.Add($"{org}/{name} not found");
            }
        }

        var shared = string.Join(" and ", names.Select(n => $"{org}/{n}"));
        return problems.Count == 0
            ? (true, $"{shared} share their Actions with {org}'s repositories")
            : (false, $"{string.Join("; ", problems)}: learners' grading cannot use them; {Publish}, or set Settings, "
                + $"Actions, Access to \"Accessible from repositories in the '{org}' organization\"");
    }

    public async Task<(bool Ok, string Message)> TeamAsync(string slug)
    {
        try
        {
            var uri = new Uri($"orgs/{org}/teams/{slug}", UriKind.Relative);
            var team = await new ApiConnection(github.Connection).Get<Team>(uri).ConfigureAwait(false);
            return (true, team.MembersCount == 0
                ? "exists, with no members yet: add the instructors on the organisation's Teams page"
                : $"exists, {team.MembersCount} member(s)");
        }
        catch (NotFoundException)
        {
            return (false, $"not found, so no one may approve work or review capstones: create it on the organisation's Teams "
                + $"page, or {Publish} with an owner's token");
        }
    }

    private async Task<(bool Ok, string Message)> FilesAsync(Repository repository, IReadOnlyList<string> files)
    {
        var head = await github.Repository.Commit.Get(org, repository.Name, repository.DefaultBranch).ConfigureAwait(false);
        var tree = await github.Git.Tree.GetRecursive(org, repository.Name, head.Commit.Tree.Sha).ConfigureAwait(false);
        var present = tree.Tree.Where(e => e.Type.Value == TreeType.Blob).Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        var missing = files.Where(f => !present.Contains(f)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return (true, $"the {files.Count} files publish writes are there");
        }

        var more = missing.Count > Shown ? $" and {missing.Count - Shown} more" : "";
        return (false, $"lacks {string.Join(", ", missing.Take(Shown))}{more}: {Publish}");
    }

    private async Task<Repository?> FindAsync(string name)
    {
        try
        {
            return await github.Repository.Get(org, name).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
