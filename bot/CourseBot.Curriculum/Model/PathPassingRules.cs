namespace CourseBot.Core.Curriculum.Model;

public sealed record PathPassingRules(bool AllModules, string Capstone, int FinalExamMinPercent, string PeerReview);
