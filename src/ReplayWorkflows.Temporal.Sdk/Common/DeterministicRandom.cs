namespace Temporalio.Common;

/// <summary>A seeded random number generator: the same sequence on every replay of a run.</summary>
public class DeterministicRandom : Random
{
    /// <summary>Seeds from the low 32 bits, so sequences stay what earlier versions of this SDK produced.</summary>
    public DeterministicRandom(ulong seed)
        : base(unchecked((int)seed))
    {
    }
}
