using System.Globalization;
using Microsoft.Diagnostics.Runtime;

namespace IndustryTracker.Benchmarks;

/// <summary>
/// What a running app's managed heap holds, by type, with the render-tree frame arrays by length (each component keeps
/// one per render tree it has built): `heap --pid PID [--top 30]`. Reads a snapshot of the process (it is paused only
/// while the snapshot is taken). The snapshot also holds garbage not yet collected; run `dotnet-gcdump collect -p PID`
/// first (it forces a full collection) to count live objects only. Used for docs/benchmarks.md ("Circuits").
/// </summary>
internal static class HeapReport
{
    private const string Usage = "heap --pid PID [--top 30] [--owners TYPE]";
    private const string FrameArray = "Microsoft.AspNetCore.Components.RenderTree.RenderTreeFrame[]";

    public static int Run(string[] args)
    {
        if (Parse(args) is not var (pid, top, owners))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        using var target = DataTarget.CreateSnapshotAndAttach(pid);
        using var runtime = target.ClrVersions[0].CreateRuntime();
        var byType = new Dictionary<string, (long Bytes, long Count)>(StringComparer.Ordinal);
        var frameArrays = new SortedDictionary<int, (long Bytes, long Count)>();
        foreach (var item in runtime.Heap.EnumerateObjects())
        {
            if (!item.IsValid || item.Type?.Name is not { } name)
            {
                continue;
            }
            var size = (long)item.Size;
            byType[name] = Add(byType.GetValueOrDefault(name), size);
            if (name == FrameArray)
            {
                var length = item.AsArray().Length;
                frameArrays[length] = Add(frameArrays.GetValueOrDefault(length), size);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"heap: {byType.Values.Sum(v => v.Bytes) / 1e6:F1} MB in {byType.Values.Sum(v => v.Count):N0} objects"));
        foreach (var (name, (bytes, count)) in byType.OrderByDescending(p => p.Value.Bytes).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6,9:F2} MB {count,10:N0}  {name}"));
        }
        Console.WriteLine("render-tree frame arrays by length:");
        foreach (var (length, (bytes, count)) in frameArrays)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {length,6} frames: {count,8:N0} arrays, {bytes / 1e6,7:F2} MB"));
        }
        if (owners is not null)
        {
            ReportOwners(runtime.Heap, owners, top);
        }
        return 0;
    }

    /// <summary>Who holds the objects of one type: their bytes by the type of the object that refers to them (the first referrer found).</summary>
    private static void ReportOwners(ClrHeap heap, string typeName, int top)
    {
        var held = new Dictionary<ulong, ulong>();
        foreach (var item in heap.EnumerateObjects())
        {
            if (item.IsValid && item.Type?.Name == typeName)
            {
                held[item.Address] = item.Size;
            }
        }
        var byOwner = new Dictionary<string, (long Bytes, long Count)>(StringComparer.Ordinal);
        foreach (var item in heap.EnumerateObjects())
        {
            if (!item.IsValid || item.Type is null || !item.ContainsPointers)
            {
                continue;
            }
            foreach (var target in item.EnumerateReferences())
            {
                if (held.Remove(target.Address, out var size))
                {
                    var owner = item.Type.Name ?? "?";
                    byOwner[owner] = Add(byOwner.GetValueOrDefault(owner), (long)size);
                }
            }
        }
        byOwner["(no referrer on the heap: a root, or garbage)"] = (held.Values.Sum(v => (long)v), held.Count);
        Console.WriteLine($"{typeName} by referrer:");
        foreach (var (name, (bytes, count)) in byOwner.OrderByDescending(p => p.Value.Bytes).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6,9:F2} MB {count,10:N0}  {name}"));
        }
    }

    private static (long Bytes, long Count) Add((long Bytes, long Count) total, long size) => (total.Bytes + size, total.Count + 1);

    private static (int Pid, int Top, string? Owners)? Parse(string[] args)
    {
        int? pid = null;
        var top = 30;
        string? owners = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--owners")
            {
                owners = args[i + 1];
                continue;
            }
            if (!int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                return null;
            }
            switch (args[i])
            {
                case "--pid": pid = value; break;
                case "--top": top = value; break;
                default: return null;
            }
        }
        return args.Length % 2 == 0 && pid is { } p ? (p, top, owners) : null;
    }
}
