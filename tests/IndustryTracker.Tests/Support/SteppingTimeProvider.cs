namespace IndustryTracker.Tests.Support;

/// <summary>A stopwatch clock that moves by <paramref name="step"/> each time it is read, so an elapsed time measured
/// between two readings is exactly one step; the wall clock is the system's.</summary>
public sealed class SteppingTimeProvider(TimeSpan step) : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks) - step.Ticks;
}
