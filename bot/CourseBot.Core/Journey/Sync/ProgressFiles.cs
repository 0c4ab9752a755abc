using System.Globalization;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.History;
using CourseBot.Core.Journey.Progress;
using CourseBot.Core.Journey.Progression;
using CourseBot.Core.Journey.Quizzes;
using CourseBot.Core.Journey.Writing;
using CourseBot.Core.OpenBadges;

namespace CourseBot.Core.Journey.Sync;

/// <summary>
/// The files the bot keeps in a learner's repository: the README's progress section, a badge per
/// path and per earned certificate, each certificate's signed credential (<c>certificates/KEY.json</c>), and the
/// issue form of each open quiz attempt (<see cref="OpenQuizForms"/>).
/// A file the bot wrote before and no longer keeps is removed.
/// </summary>
public sealed class ProgressFiles
{
    public const string Readme = "README.md";

    public ProgressFiles(
        Course course, LearnerProgress progress, IReadOnlyDictionary<string, int> issues, DateOnly today,
        IReadOnlyList<QuizForm>? quizForms = null, IReadOnlyDictionary<string, CredentialIssued>? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(progress);
        Section = ProgressReadmeWriter.Section(course, progress, issues, today, credentials);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in progress.Paths)
        {
            files[ProgressReadmeWriter.BadgePath(path.Path.Id)] = BadgeWriter.PathProgress(
                string.Create(CultureInfo.InvariantCulture, $"Path {path.Path.Number}: {path.Path.Title}"),
                path.Passed,
                path.Total
            );
        }

        foreach (var certificate in progress.Certificates)
        {
            files[ProgressReadmeWriter.CertificatePath(certificate)] = BadgeWriter.Certificate(
                ProgressReadmeWriter.CertificateTitle(course, certificate), ProgressReadmeWriter.CertificateDetail(certificate));
        }

        // The signed credential beside its badge, in the same commit: the re-served JWT, so the file never changes once written.
        foreach (var certificate in progress.Certificates)
        {
            if (credentials?.GetValueOrDefault(certificate.Key) is { } credential)
            {
                files[CredentialFile.PathFor(certificate.Key)] = CredentialFile.Envelope(credential.Jwt);
            }
        }

        foreach (var form in quizForms ?? [])
        {
            files[form.Path] = form.Yaml;
        }

        Others = files;
    }

    /// <summary>The README's marked section (the rest of the README is the learner's).</summary>
    public string Section { get; }

    /// <summary>Every other file, by path.</summary>
    public IReadOnlyDictionary<string, string> Others { get; }
}
