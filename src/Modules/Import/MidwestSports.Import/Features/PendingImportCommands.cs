using Mediator;
using MidwestSports.Import.Contracts;
using MidwestSports.Shared.Errors;

namespace MidwestSports.Import.Features;

// Placeholders on the imports-ui branch only, so the Host's mediator finds a handler for every contract message while
// the real handlers are being written on main. The merge that brings those in deletes this file.
internal sealed class PendingImportCommandsHandler :
    ICommandHandler<UpdateImportMapping, ImportDto>,
    ICommandHandler<DecideSuggestion, ImportRowDto>,
    ICommandHandler<CommitImport, ImportDto>,
    ICommandHandler<UndoImport, ImportDto>
{
    public ValueTask<ImportDto> Handle(UpdateImportMapping command, CancellationToken cancellationToken) => throw NotYet("Changing the mapping");

    public ValueTask<ImportRowDto> Handle(DecideSuggestion command, CancellationToken cancellationToken) => throw NotYet("Deciding a suggestion");

    public ValueTask<ImportDto> Handle(CommitImport command, CancellationToken cancellationToken) => throw NotYet("Committing an import");

    public ValueTask<ImportDto> Handle(UndoImport command, CancellationToken cancellationToken) => throw NotYet("Undoing an import");

    private static ConflictException NotYet(string what) => new($"{what} is not available in this version yet.");
}
