using System.Collections.Immutable;
using CourseBot.Core.Curriculum.Model;

namespace CourseBot.Core.Journey.Progression;

/// <summary>
/// The next certification level a learner can earn and what it still takes: paths not complete (nor credited by placement),
/// named tracks not finished, and how many more tracks of any kind (<see cref="MoreTracks"/>, for "two specializations").
/// </summary>
public sealed record NextCertificate(Certification Certification, ImmutableArray<MissingPath> Paths, ImmutableArray<Track> Tracks,
    int MoreTracks);
