namespace Orchestrator.DeployTests.Infrastructure;

/// <summary>Locates the repository checkout the tests run from, so fixtures can start scripts kept in the repository.</summary>
internal static class RepositoryRoot
{
    private const string Marker = "Orchestrator.sln";

    /// <summary>The nearest folder at or above the test assembly that contains <c>Orchestrator.sln</c>.</summary>
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, Marker)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Cannot find {Marker} in {AppContext.BaseDirectory} or any parent folder; run the tests from a repository checkout.");
    }
}
