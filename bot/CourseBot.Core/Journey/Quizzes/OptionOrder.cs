using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Quizzes;

/// <summary>
/// The order in which one attempt shows a question's options. An option's id is its letter in the curriculum file
/// (<c>answer: b</c> names the second option as authored); the form shows the options of an attempt shuffled and lettered
/// by their place on the form, so "the answer to question 3 is b" means nothing in another attempt or to another learner.
/// The order follows from the attempt's recorded shuffle key alone (the same key, the same order, however often a
/// webhook is delivered); no key (attempts started before shuffling) is the authored order. True/false stays True, False.
/// </summary>
public static class OptionOrder
{
    /// <summary>
    /// The shuffle key of a learner's <paramref name="attempt"/>-th attempt (1, 2, ...) at a quiz. It is no secret and need
    /// not be: the learner sees the order it gives on the form; it only has to differ between attempts and learners, and
    /// to be the same when the same attempt is decided again.
    /// </summary>
    public static string KeyFor(string repository, string quizKey, int attempt) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{repository}\u001f{quizKey}\u001f{attempt}"))))[..16];

    /// <summary>The authored option indexes in the order the form shows them (identity without a key).</summary>
    public static IReadOnlyList<int> Of(string? shuffle, QuizQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var order = Enumerable.Range(0, question.Options.Length).ToArray();
        if (shuffle is null || question.Kind is not (QuestionKind.SingleChoice or QuestionKind.MultipleChoice))
        {
            return order;
        }

        // Fisher-Yates driven by HMAC-SHA256(key, question id, round): 8 draws of 32 bits per round.
        var key = Encoding.UTF8.GetBytes(shuffle);
        var draws = new Queue<uint>();
        var round = 0;
        for (var i = order.Length - 1; i > 0; i--)
        {
            if (draws.Count == 0)
            {
                var block = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(
                    string.Create(CultureInfo.InvariantCulture, $"{question.Id}\u001f{round++}")));
                for (var at = 0; at < block.Length; at += 4)
                {
                    draws.Enqueue(BinaryPrimitives.ReadUInt32BigEndian(block.AsSpan(at, 4)));
                }
            }

            var j = (int)(draws.Dequeue() % (uint)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}
