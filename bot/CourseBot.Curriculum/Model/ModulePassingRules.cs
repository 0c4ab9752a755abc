namespace CourseBot.Core.Curriculum.Model;

public sealed record ModulePassingRules(int QuizMinPercent, string Labs, string Exercises, string KnowledgeCheck);
