namespace Shop.Testing.Platform;

public static class RepositoryRoot
{
    /// <summary>The folder holding Shop.sln, found upwards from the test binaries.</summary>
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Shop.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Shop.sln not found above " + AppContext.BaseDirectory);
    }
}
