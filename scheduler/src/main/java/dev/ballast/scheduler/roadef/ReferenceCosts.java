package dev.ballast.scheduler.roadef;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * Published figures per instance: the cost of the original assignment and the best known cost (for B, the best
 * result of the challenge's final evaluation at 300 s). The models of b_7 and b_10 are not in the data set.
 */
public final class ReferenceCosts {
    public record Reference(long initialCost, long bestKnownCost) {
    }

    private static final SequencedMap<String, Reference> REFERENCES = new LinkedHashMap<>();

    static {
        put("a1_1", 49_528_750L, 44_306_501L);
        put("a1_2", 1_061_649_570L, 777_532_896L);
        put("a1_3", 583_662_270L, 583_005_717L);
        put("a1_4", 632_499_600L, 247_433_844L);
        put("a1_5", 782_189_690L, 727_578_309L);
        put("a2_1", 391_189_190L, 167L);
        put("a2_2", 1_876_768_120L, 720_671_548L);
        put("a2_3", 2_272_487_840L, 1_190_713_414L);
        put("a2_4", 3_223_516_130L, 1_680_609_218L);
        put("a2_5", 787_355_300L, 309_714_522L);
        put("b_1", 7_644_173_180L, 3_339_186_879L);
        put("b_2", 5_181_493_830L, 1_015_553_800L);
        put("b_3", 6_336_834_660L, 156_835_787L);
        put("b_4", 9_209_576_380L, 4_677_823_040L);
        put("b_5", 12_426_813_010L, 923_092_380L);
        put("b_6", 12_749_861_240L, 9_525_857_752L);
        put("b_8", 14_068_207_250L, 1_214_458_817L);
        put("b_9", 23_234_641_520L, 15_885_486_698L);
    }

    private ReferenceCosts() {
    }

    private static void put(String name, long initial, long best) {
        REFERENCES.put(name, new Reference(initial, best));
    }

    /** Instance names in the challenge's order (A set, then B set). */
    public static SequencedMap<String, Reference> all() {
        return java.util.Collections.unmodifiableSequencedMap(REFERENCES);
    }

    public static Reference of(String name) {
        Reference reference = REFERENCES.get(name);
        if (reference == null) {
            throw new IllegalArgumentException("no reference figures for instance '" + name + "'; known: " + REFERENCES.keySet());
        }
        return reference;
    }

    /** The set directory holding an instance: {@code A} for a1_*, a2_*, {@code B} for b_*. */
    public static String setOf(String name) {
        return name.startsWith("a") ? "A" : "B";
    }

    /** The challenge's score: {@code 100 × (cost − best) / initial}. */
    public static double challengeScore(String name, long cost) {
        Reference reference = of(name);
        return 100.0 * (cost - reference.bestKnownCost()) / reference.initialCost();
    }
}
