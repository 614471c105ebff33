package dev.ballast.scheduler.planning.solver;

import java.util.AbstractList;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;

/**
 * The hosts of a placement problem as the solver's value range. Timefold 2.2, when it loads a solution into a score
 * director (at every solve start and every SolutionManager.update), checks each entity's value against the value
 * range by hashing the range's list and comparing it with the cached one: O(hosts) per VM, 250 million element
 * visits at 5,000 hosts and 50,000 VMs (measured: over half of a 25 s solve). This list is read-only, hashes once,
 * and is wrapped once in an unmodifiable view that Timefold keeps as it is, so the comparison is by identity.
 */
public final class HostValueRange {
    private static final Class<?> VIEW = Collections.unmodifiableList(new FixedList<>(List.of())).getClass();

    private HostValueRange() {
    }

    /** A read-only view of {@code hosts} that is cheap to hash and compare; returns such a view unchanged. */
    public static <T> List<T> of(List<T> hosts) {
        if (hosts.getClass() == VIEW) {
            return hosts;
        }
        return Collections.unmodifiableList(new FixedList<>(hosts));
    }

    private static final class FixedList<T> extends AbstractList<T> implements RandomAccess {
        private final Object[] items;
        private int hash;
        private boolean hashed;

        FixedList(List<T> source) {
            this.items = source.toArray();
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(int index) {
            return (T) items[index];
        }

        @Override
        public int size() {
            return items.length;
        }

        @Override
        public int hashCode() {
            // the items never change, so neither does the list's hash
            if (!hashed) {
                hash = super.hashCode();
                hashed = true;
            }
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o == this || super.equals(o);
        }
    }
}
