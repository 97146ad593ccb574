package dev.lingogate.lambda.environment;

import java.util.HashMap;
import java.util.Map;

/**
 * The host's concurrency as Lambda accounts for it: a limit on invocations in progress at once, of
 * which functions may reserve parts. A function with a reservation counts against its own part
 * only; all others share what is left unreserved.
 */
public final class AccountConcurrency {

    private final int limit;
    // Guarded by this.
    private final Map<String, Integer> reserved = new HashMap<>();
    private int reservedTotal;
    private int unreservedInUse;

    public AccountConcurrency(int limit) {
        this.limit = limit;
    }

    /**
     * Sets apart {@code concurrency} for {@code function} (null: none), replacing what it had; fails
     * if the reservations together would pass the limit.
     */
    public synchronized void reserve(String function, Integer concurrency) {
        int previous = reserved.getOrDefault(function, 0);
        int wanted = concurrency == null ? 0 : concurrency;
        if (reservedTotal - previous + wanted > limit) {
            throw new IllegalArgumentException("ReservedConcurrentExecutions of " + function + " (" + wanted
                    + ") and of the other functions (" + (reservedTotal - previous) + ") exceed the concurrency limit of " + limit);
        }
        reservedTotal += wanted - previous;
        if (concurrency == null) {
            reserved.remove(function);
        } else {
            reserved.put(function, concurrency);
        }
    }

    /** Takes one unit of unreserved concurrency for an invocation; false if all of it is in use. */
    synchronized boolean tryTakeUnreserved() {
        if (unreservedInUse >= limit - reservedTotal) {
            return false;
        }
        unreservedInUse++;
        return true;
    }

    synchronized void giveBackUnreserved() {
        unreservedInUse--;
    }
}
