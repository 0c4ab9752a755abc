using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Curriculum.Validation;

/// <summary>One group of checks over a loaded course. Rules report into the bag and never throw for bad data.</summary>
internal interface ICurriculumRule
{
    void Check(Course course, DiagnosticBag bag);
}
