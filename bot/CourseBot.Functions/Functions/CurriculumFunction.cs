using CourseBot.Core.Curriculum;
using CourseBot.Core.Curriculum.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CourseBot.Functions.Functions;

/// <summary><c>GET /api/curriculum</c>: the deployed course's summary, so an admin can check what is live.</summary>
public sealed class CurriculumFunction(Course course)
{
    [Function("curriculum")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "curriculum")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new JsonResult(CourseSummary.Of(course));
    }
}
