namespace CourseBot.Grading.Classroom;

internal sealed record ClassroomFile(List<ClassroomTest>? Tests);
