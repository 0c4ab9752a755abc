namespace CourseBot.Core.Curriculum.Loading;

public delegate bool TryParser<T>(string text, out T value);
