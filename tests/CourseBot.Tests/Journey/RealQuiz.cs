using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Tests.Journey;

internal sealed record RealQuiz(Module Module, Assessment Assessment, Quiz Quiz);
