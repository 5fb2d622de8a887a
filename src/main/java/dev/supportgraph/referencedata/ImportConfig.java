package dev.supportgraph.referencedata;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The bulk import of reference data ({@code supportgraph.import.*}, env {@code SUPPORTGRAPH_IMPORT_*}). */
@ConfigMapping(prefix = "supportgraph.import")
public interface ImportConfig {

    /** Rows per transaction: a batch commits together (or, on a conflict, row by row). */
    @WithDefault("500")
    int batchSize();

    /**
     * Rows whose customer, service or resource is not there yet (it may come later in the file)
     * kept for another try after each batch and at the end; beyond this many they fail at once.
     */
    @WithDefault("10000")
    int pendingLimit();

    /** Errors listed in the summary (all are counted); bounds the summary's size. */
    @WithDefault("1000")
    int maxErrors();

    /**
     * Whether an import batch's commit waits for its WAL to reach the disk. Off by default: the
     * import is idempotent, so a database crash that loses its last few hundred milliseconds of
     * batches (each lost whole, events included, never partly) is made good by running it again;
     * the commits stop waiting for a disk flush each.
     */
    @WithDefault("false")
    boolean synchronousCommit();

    /** How often progress (rows done, rows per second) is logged while an import runs. */
    @WithDefault("5S")
    Duration progressInterval();
}
