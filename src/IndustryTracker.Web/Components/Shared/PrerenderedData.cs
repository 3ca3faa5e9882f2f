using Microsoft.AspNetCore.Components;

namespace IndustryTracker.Web.Components.Shared;

/// <summary>
/// Loads a page's data once per page view: the prerender loads it and persists it with the page
/// (<see cref="PersistentComponentState"/>); the interactive render that follows takes it instead of querying again.
/// The data is tagged with the address it was loaded for, so a later navigation (other query string) loads afresh.
/// </summary>
public sealed class PrerenderedData<T> : IDisposable
{
    private readonly PersistentComponentState _state;
    private readonly string _key;
    private readonly PersistingComponentStateSubscription _subscription;
    private bool _taken;
    private string? _address;
    private T? _value;

    /// <param name="handOver">
    /// Whether an interactive render follows this one: false on a page rendered statically (its component's
    /// <c>AssignedRenderMode</c> is null), whose data then stays out of the page even when an interactive island on it
    /// persists its own state.
    /// </param>
    public PrerenderedData(PersistentComponentState state, string key, bool handOver = true)
    {
        _state = state;
        _key = key;
        if (!handOver)
        {
            return;
        }
        _subscription = state.RegisterOnPersisting(() =>
        {
            if (_address is not null)
            {
                _state.PersistAsJson(_key, new Entry(_address, _value));
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>The data for <paramref name="address"/>: handed over from the prerender when it loaded the same address, else loaded.</summary>
    public async Task<T> LoadAsync(string address, Func<Task<T>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (!_taken)
        {
            _taken = true;
            if (_state.TryTakeFromJson<Entry>(_key, out var entry) && entry is not null && entry.Address == address)
            {
                (_address, _value) = (address, entry.Value);
                return _value!;
            }
        }
        _value = await load();
        _address = address;
        return _value;
    }

    /// <summary>
    /// The data the prerender loaded for <paramref name="address"/>, once, for a component that loads on its own later
    /// (a grid with ServerData): it keeps the data it is given so the next prerender-free render hands nothing over.
    /// </summary>
    public bool TryTake(string address, out T? value)
    {
        value = default;
        if (_taken)
        {
            return false;
        }
        _taken = true;
        if (_state.TryTakeFromJson<Entry>(_key, out var entry) && entry is not null && entry.Address == address)
        {
            value = entry.Value;
            return true;
        }
        return false;
    }

    public void Dispose() => _subscription.Dispose();

    private sealed record Entry(string Address, T? Value);
}
