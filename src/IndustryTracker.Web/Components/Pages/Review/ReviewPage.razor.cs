using IndustryTracker.Core.Contracts;
using IndustryTracker.Core.Review;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace IndustryTracker.Web.Components.Pages.Review;

/// <summary>The review queue (<see cref="ReviewService"/>): confirm, correct (the event form, or the company profile form for an investment or a valuation) or reject each fact.</summary>
public partial class ReviewPage
{
    private PagedResult<ReviewItem>? _page;
    private bool _busy;
    private string? _message;
    private Severity _severity = Severity.Info;

    [Inject] private ReviewService Review { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The page of the queue, from the URL (<c>?page=2</c>).</summary>
    [SupplyParameterFromQuery(Name = "page")] public int? PageNumber { get; set; }

    protected override async Task OnParametersSetAsync() => _page = await Review.ListAsync(Core.Queries.Paging.Clamp(PageNumber, Core.Queries.PagedQuery.DefaultPageSize));

    private async Task GoToAsync(int page) => _page = await Review.ListAsync(page);

    private async Task DecideAsync(ReviewItem item, bool confirm)
    {
        _busy = true;
        try
        {
            var editor = (await AuthenticationState).User.ActorName();
            var done = confirm ? await Review.ConfirmAsync(item.Id, editor) : await Review.RejectAsync(item.Id, editor);
            (_message, _severity) = done
                ? (confirm ? $"Confirmed: {item.Label}." : $"Rejected: {item.Label}. It will not come back on re-import.", Severity.Success)
                : ($"{item.Label} is no longer waiting for review.", Severity.Warning);
            _page = await Review.ListAsync(_page?.Page ?? 1);
            if (_page.Items.Count == 0 && _page.Page > 1)
            {
                _page = await Review.ListAsync(_page.Page - 1);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>The paragraph in pieces, the quote's occurrence marked; the quote alone when the paragraph does not contain it.</summary>
    internal static IEnumerable<(string Text, bool Quoted)> Highlight(string paragraph, string quote)
    {
        var at = paragraph.IndexOf(quote, StringComparison.Ordinal);
        if (at < 0)
        {
            return [(quote, true)];
        }
        return new[] { (paragraph[..at], false), (quote, true), (paragraph[(at + quote.Length)..], false) }.Where(p => p.Item1.Length > 0);
    }
}
