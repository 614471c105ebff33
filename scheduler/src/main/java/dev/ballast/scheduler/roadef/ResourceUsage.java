package dev.ballast.scheduler.roadef;

import ai.timefold.solver.core.api.score.stream.uni.UniConstraintCollector;

import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** What a group of processes requires of every resource (a vector indexed by resource). */
public record ResourceUsage(long[] amounts) {

    public static ResourceUsage none(RoadefMachine machine) {
        return new ResourceUsage(new long[machine.capacities().length]);
    }

    public long amount(int resource) {
        return amounts[resource];
    }

    /** The free capacity of {@code resource} on {@code machine} (negative when over capacity). */
    public long free(RoadefMachine machine, int resource) {
        return machine.capacity(resource) - amounts[resource];
    }

    /** How far this usage exceeds {@code machine}'s capacity, summed over resources. */
    public long overflow(RoadefMachine machine) {
        long overflow = 0;
        for (int r = 0; r < amounts.length; r++) {
            overflow += Math.max(0, amounts[r] - machine.capacity(r));
        }
        return overflow;
    }

    /**
     * A constraint-stream collector summing the requirements of each grouped item's process; removing an item
     * subtracts them again, so a move updates only the two machines it touches.
     */
    public static <A> UniConstraintCollector<A, Sum, ResourceUsage> sumOf(Function<A, RoadefProcess> processOf) {
        return new UniConstraintCollector<>() {
            @Override
            public Supplier<Sum> supplier() {
                return Sum::new;
            }

            @Override
            public BiFunction<Sum, A, Runnable> accumulator() {
                return (sum, item) -> {
                    long[] requirements = processOf.apply(item).requirements();
                    sum.add(requirements, 1);
                    return () -> sum.add(requirements, -1);
                };
            }

            @Override
            public Function<Sum, ResourceUsage> finisher() {
                return sum -> new ResourceUsage(sum.amounts.clone());
            }
        };
    }

    /** The collector's running total; sized by the first process it sees (all have one entry per resource). */
    public static final class Sum {
        private long[] amounts = new long[0];

        private void add(long[] requirements, int sign) {
            if (amounts.length < requirements.length) {
                amounts = Arrays.copyOf(amounts, requirements.length);
            }
            for (int r = 0; r < requirements.length; r++) {
                amounts[r] += sign * requirements[r];
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResourceUsage usage && Arrays.equals(amounts, usage.amounts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(amounts);
    }

    @Override
    public String toString() {
        return Arrays.toString(amounts);
    }
}
