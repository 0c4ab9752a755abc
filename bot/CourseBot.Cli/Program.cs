using CourseBot.Cli.Commands;

return await CourseBotCommandLine.Build().Parse(args).InvokeAsync().ConfigureAwait(false);
