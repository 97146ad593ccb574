package dev.lingogate.bench.translate;

import java.util.Arrays;

/**
 * What one pass of requests showed: how many were sent, how many failed, how long the pass took
 * and each successful request's latency, and the machine's one-minute load average at its end
 * (the figures are only comparable between passes that saw a similar load).
 */
record Measurement(int requests, int errors, long elapsedNanos, long[] sortedLatencyNanos, double loadAverage) {

    static Measurement of(int requests, int errors, long elapsedNanos, long[] latencyNanos, double loadAverage) {
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        return new Measurement(requests, errors, elapsedNanos, sorted, loadAverage);
    }

    /** Successful requests per second of the whole pass. */
    double perSecond() {
        return (requests - errors) / (elapsedNanos / 1e9);
    }

    double percentileMillis(int p) {
        if (sortedLatencyNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedLatencyNanos.length) - 1;
        return sortedLatencyNanos[Math.max(0, Math.min(sortedLatencyNanos.length - 1, rank))] / 1e6;
    }
}
