using System.Globalization;
using System.Text;
using CourseBot.Core.Curriculum.Model;
using CourseBot.Core.Journey.Sync;

namespace CourseBot.Tests.Journey.History;

/// <summary>
/// Everything the bot decides from a learner's history, as text: the enrollment, each module's state and
/// best results, paths, certificates, and the bot's own bookkeeping (issues, comments, files, quiz attempts).
/// Two versions of the code that write the same summary for a history make the same decisions from it.
/// </summary>
internal static class HistorySummary
{
    public static string Of(Course course, LearnerLedger ledger)
    {
        var text = new StringBuilder();
        var enrollment = ledger.Enrollment!;
        var learner = FormattableString.Invariant($"{enrollment.Login} {enrollment.Repository}");
        Line(text, $"enrolled {learner} {enrollment.PathId} {enrollment.PaceId} {enrollment.Start:yyyy-MM-dd} {enrollment.Cohort}");
        var repository = FormattableString.Invariant($"id {ledger.RepositoryId} owner {ledger.RepositoryOwnerId}");
        Line(text, $"installation {ledger.Installation} origin {ledger.Origin} url {ledger.RepositoryUrl} {repository}");
        Line(text, $"setup {string.Join(",", ledger.Setup.Order(StringComparer.Ordinal))}");
        Line(text, $"milestones {Pairs(ledger.Milestones)}");
        Line(text, $"issues {Pairs(ledger.ModuleIssues)}");
        Line(text, $"issue hashes {Pairs(ledger.IssueHashes)}");
        Line(text, $"comments {Pairs(ledger.Comments)}");
        Line(text, $"replies {string.Join(",", ledger.Replies.Order(StringComparer.Ordinal))}");
        Line(text, $"files {ledger.Files.ReadmeBlob} {Pairs(ledger.Files.Hashes)} readme {ledger.Files.Readme?.Length}");
        Line(text, $"head {ledger.Head} readme touched {ledger.ReadmeTouched}");
        Line(text, $"quiz starts {string.Join(",", ledger.QuizStarts.Select(a => $"{a.Key}@{a.Sequence}:{a.Deadline:O}:{a.Comment}"))}");
        Line(text, $"consumed {string.Join(",", ledger.ConsumedAttempts.Order())}");
        Line(text, $"graded quiz issues {Pairs(ledger.GradedQuizIssues)}");
        var progress = ledger.Progress(course)!;
        foreach (var module in progress.Modules)
        {
            var assessments = module.Assessments.Select(a =>
                $"{a.Id}:{a.Done}/{a.Percent}/{a.Score}/{a.MaxScore}/{a.Attempts}/{a.DoneAt:O}"
            );
            Line(text, $"module {module.Module.Id} {module.State} {module.PassedAt:O} {string.Join(" ", assessments)}");
        }

        foreach (var path in progress.Paths)
        {
            Line(text, $"path {path.Path.Id} {path.Passed}/{path.Total} unlocked {path.Unlocked} complete {path.Complete}");
        }

        Line(text, $"certificates {string.Join(",", progress.Certificates.Select(c => $"{c.Key}@{c.At:O}"))}");
        return text.ToString();
    }

    private static string Pairs<TKey, TValue>(IEnumerable<KeyValuePair<TKey, TValue>> pairs) =>
        string.Join(",", pairs.Select(p => $"{p.Key}={p.Value}").Order(StringComparer.Ordinal));

    private static void Line(StringBuilder text, FormattableString line) =>
        text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
