namespace IndustryTracker.Tests.Support;

/// <summary>A clock that stands still until told to move (Microsoft.Extensions.TimeProvider.Testing is not in this registry).</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
