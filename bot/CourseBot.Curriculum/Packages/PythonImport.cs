namespace CourseBot.Core.Curriculum.Packages;

/// <summary>A top-level module a Python file imports (<c>django</c> for <c>from django.db import models</c>), and the line.</summary>
public sealed record PythonImport(string Module, int Line);
