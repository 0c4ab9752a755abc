namespace CourseBot.Grading.Sandbox;

/// <summary>What <c>statx</c> says of one name, link or not.</summary>
internal readonly record struct FileEntry(uint Uid, uint Mode, ulong Device)
{
    public bool IsDirectory => (Mode & 0xF000) == 0x4000;
}
