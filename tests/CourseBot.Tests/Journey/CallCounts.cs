namespace CourseBot.Tests.Journey;

/// <summary>Figures from one run: GitHub API calls per learner action.</summary>
internal sealed record CallCounts(int Enrollment, int GradedPush, int PushCompletion, int QuizCompletion, int QuizStart);
