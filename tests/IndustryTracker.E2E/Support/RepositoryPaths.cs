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
        var configuration = typeof(RepositoryPaths).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>()
            .Single().Configuration;
        var folder = Path.Combine(Root(), "src", "IndustryTracker.Web", "bin", configuration, "net10.0");
        if (!File.Exists(Path.Combine(folder, "IndustryTracker.Web.dll")))
        {
            throw new InvalidOperationException($"Build the web app first: {folder} has no IndustryTracker.Web.dll.");
        }
        return folder;
    }
}
