using CourseBot.Core.Curriculum;

namespace CourseBot.Cli.Commands;

internal sealed record JsonReport(
    string Curriculum, bool Valid, CourseSummary? Summary, List<JsonLabPackages> LabPackages, List<JsonDiagnostic> Errors);
