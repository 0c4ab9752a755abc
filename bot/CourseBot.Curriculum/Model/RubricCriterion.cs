namespace CourseBot.Core.Curriculum.Model;

/// <summary>One rubric line: what is judged, its weight (percent of the capstone), and the evidence the learner must show.</summary>
public sealed record RubricCriterion(string Criterion, int Weight, string Evidence, SourceLocation Location);
