package io.macexo.exoetl.bench;

/**
 * One timed run of one contender.
 *
 * @param contender the contender's name, e.g. {@code prepare}
 * @param round 1-based round of the alternation
 * @param wallSeconds the child process's wall time, JVM or interpreter start included
 * @param innerSeconds the time the contender reports for its own work; NaN when it reports none
 * @param cpuSeconds user + system CPU time of the process (and of children it reaped)
 * @param peakResidentBytes the process's peak resident memory (VmHWM); 0 when unknown
 * @param heapPeakBytes the JVM's peak heap occupancy from its GC log; 0 when not a JVM or no GC
 * @param bytesRead CSV bytes this run read (the whole corpus, or a subset for pandas)
 * @param outputBytes Parquet bytes written; 0 for contenders that write nothing
 */
public record RunRecord(
    String contender,
    int round,
    double wallSeconds,
    double innerSeconds,
    double cpuSeconds,
    long peakResidentBytes,
    long heapPeakBytes,
    long bytesRead,
    long outputBytes) {}
