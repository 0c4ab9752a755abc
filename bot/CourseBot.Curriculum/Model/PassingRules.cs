namespace CourseBot.Core.Curriculum.Model;

public sealed record PassingRules(ModulePassingRules Module, PathPassingRules Path);
