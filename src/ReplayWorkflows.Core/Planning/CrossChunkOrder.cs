namespace ReplayWorkflows.Core.Planning;

/// <summary>Whether a stage of chunk N must wait for the same stage of chunk N-1.</summary>
public enum CrossChunkOrder
{
    /// <summary>Chunks may run this stage in any order and in parallel (stateless featurers, detectors).</summary>
    OrderFree,

    /// <summary>Runs strictly in chunk order: it consumes state the previous chunk produced.</summary>
    ChunkOrder,
}
