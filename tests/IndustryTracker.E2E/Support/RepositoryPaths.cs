namespace IndustryTracker.E2E.Support;

internal static class RepositoryPaths
{
    public static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IndustryTracker.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("IndustryTracker.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Seeds() => Path.Combine(Root(), "seeds");

    /// <summary>The web app's build output for the configuration these tests were built in.</summary>
    public static string WebOutputFolder()
    {
        // AppContext.BaseDirectory is bin/<Configuration>/net10.0/; trim the trailing separator so Parent is <Configuration>.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var folder = Path.Combine(Root(), "src", "IndustryTracker.Web", "bin", configuration, "net10.0");
        if (!File.Exists(Path.Combine(folder, "IndustryTracker.Web.dll")))
        {
            throw new InvalidOperationException($"Build the web app first: {folder} has no IndustryTracker.Web.dll.");
        }
        return folder;
    }
}
