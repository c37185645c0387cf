namespace ReplayWorkflows.Data.Records;

/// <summary>
/// A stored profile: its validated definition as JSON and a revision that grows by one on every change, so an event
/// can pin the revision it started with.
/// </summary>
public sealed record ProfileRecord(
    string Name,
    string DefinitionJson,
    int Revision = 0,
    long CreatedUnixMs = 0,
    long UpdatedUnixMs = 0);
