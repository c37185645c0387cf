namespace ReplayWorkflows.Media.Sources;

/// <summary>Remembers the last chunk number reported so nothing is reported twice and skipped numbers become gaps.</summary>
internal sealed class ChunkSequence(long afterNumber)
{
    public long Last { get; private set; } = afterNumber;

    /// <summary>True when <paramref name="number"/> is new; <paramref name="gap"/> is set when numbers were skipped.</summary>
    public bool TryAdvance(long number, out ChunkGap? gap)
    {
        gap = null;
        if (number <= Last)
        {
            return false;
        }

        // The very first chunk of a fresh watch may have any number: an event starts wherever the encoder's counter is.
        if (Last >= 0 && number > Last + 1)
        {
            gap = new ChunkGap(Last + 1, number - 1);
        }

        Last = number;
        return true;
    }
}
