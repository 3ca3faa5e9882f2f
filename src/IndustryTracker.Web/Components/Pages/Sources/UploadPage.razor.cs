using System.Text;
using IndustryTracker.Core.Import;
using IndustryTracker.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace IndustryTracker.Web.Components.Pages.Sources;

/// <summary>
/// Upload → preview → confirm or discard. The previewed bytes stay in this component (the circuit) until the editor
/// confirms, so the import stores exactly what was previewed; nothing is written before Confirm.
/// </summary>
public sealed partial class UploadPage : IDisposable
{
    /// <summary>Pasted text travels in one circuit message, so it is capped; files (streamed) go up to the importer's limit.</summary>
    public const int MaxPastedCharacters = 500_000;

    private readonly CancellationTokenSource _disposed = new();
    private string? _text;
    private string? _name;
    private string? _chosenFile;
    private byte[]? _fileBytes;
    private string? _error;
    private bool _busy;
    private ImportStage? _stage;
    private ArticleSource? _pending;
    private ImportPreview? _preview;
    private ImportResult? _imported;

    [Inject] private IArticleImporter Importer { get; set; } = null!;
    [Inject] private ILogger<UploadPage> Logger { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    private int ProgressPercent => _stage is null ? 0 : ((int)_stage.Value + (_preview is null ? 0 : 1)) * 100 / Enum.GetValues<ImportStage>().Length;

    private async Task OnFileChosenAsync(InputFileChangeEventArgs e)
    {
        _error = null;
        _fileBytes = null;
        _chosenFile = null;
        var file = e.File;
        if (file.Size > Importer.MaxFileBytes)
        {
            _error = ArticleDecoder.TooLarge(file.Size, Importer.MaxFileBytes);
            return;
        }
        _busy = true;
        try
        {
            await using var stream = file.OpenReadStream(Importer.MaxFileBytes, _disposed.Token);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, _disposed.Token);
            _fileBytes = buffer.ToArray();
            _chosenFile = file.Name;
        }
        catch (IOException ex)
        {
            Logger.LogWarning(ex, "Reading the uploaded file {FileName} failed", file.Name);
            _error = $"The file could not be read: {ex.Message}";
        }
        finally
        {
            _busy = false;
        }
    }

    private void ClearFile()
    {
        _fileBytes = null;
        _chosenFile = null;
    }

    private async Task PreviewAsync()
    {
        _error = null;
        byte[] content;
        if (_fileBytes is not null)
        {
            content = _fileBytes;
        }
        else if (!string.IsNullOrWhiteSpace(_text))
        {
            content = Encoding.UTF8.GetBytes(_text);
        }
        else
        {
            _error = "Choose a file or paste the article text first.";
            return;
        }

        _pending = new ArticleSource(UploadNames.FileNameFor(_name ?? _chosenFile, null, content), content);
        _busy = true;
        _stage = ImportStage.Decoding;
        var progress = new Progress<ImportStage>(stage =>
        {
            _stage = stage;
            StateHasChanged();
        });
        try
        {
            var pending = _pending;
            _preview = await Task.Run(() => Importer.PreviewAsync(pending, progress, _disposed.Token), _disposed.Token);
        }
        catch (ImportCapacityExceededException ex)
        {
            _pending = null;
            _stage = null;
            _error = ex.Message;
            return;
        }
        finally
        {
            _busy = false;
        }
        if (_preview.Outcome == ImportOutcome.Rejected)
        {
            _pending = null;
        }
    }

    private async Task ConfirmAsync()
    {
        if (_pending is null || _preview?.Outcome != ImportOutcome.Imported)
        {
            return;
        }
        var user = AuthenticationState is null ? null : (await AuthenticationState).User;
        _busy = true;
        try
        {
            _imported = await Importer.ImportAsync(_pending with { Actor = user?.ActorName() }, _disposed.Token);
        }
        catch (ImportCapacityExceededException ex)
        {
            _error = ex.Message;
            return;
        }
        finally
        {
            _busy = false;
        }
        _pending = null;
        _stage = null;
        Snackbar.Add(_imported.Outcome switch
        {
            ImportOutcome.Imported => $"Imported {_imported.FileName}.",
            ImportOutcome.Unchanged => "This content was already imported; nothing changed.",
            _ => _imported.Error ?? "The import failed.",
        }, _imported.Outcome == ImportOutcome.Rejected ? Severity.Error : Severity.Success);
    }

    /// <summary>A preview that would import something is only thrown away after the editor confirms.</summary>
    private async Task ConfirmDiscardAsync()
    {
        if (_preview?.Outcome == ImportOutcome.Imported)
        {
            var discard = await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions
            {
                Title = "Discard this preview?",
                Message = "Nothing has been saved; the article and everything found in it are dropped.",
                YesText = "Discard",
                CancelText = "Keep the preview",
            });
            if (discard != true)
            {
                return;
            }
        }
        Discard();
        Snackbar.Add("Discarded; nothing was saved.", Severity.Info);
    }

    private void Discard()
    {
        _pending = null;
        _preview = null;
        _stage = null;
    }

    private void StartOver()
    {
        Discard();
        _imported = null;
        _fileBytes = null;
        _chosenFile = null;
        _text = null;
        _name = null;
    }

    private string StateOf(ImportStage stage) =>
        _stage is not { } current ? "pending"
        : stage < current || (stage == current && _preview is not null) ? "done"
        : stage == current ? "running"
        : "pending";

    private static string StageLabel(ImportStage stage) => stage switch
    {
        ImportStage.Decoding => "Decoding the text",
        ImportStage.Parsing => "Parsing the article",
        _ => "Extracting companies, models, investments and events",
    };

    private static string Megabytes(long bytes) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.##} MB");

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
