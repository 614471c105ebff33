package dev.ballast.actuators.execution;

/** The answer of a pre- or post-condition: go ahead (or: it holds), nothing to do, or refuse; with why. */
record Verdict(Kind kind, String message) {
    enum Kind { PROCEED, SKIP, FAIL }

    static Verdict proceed(String message) {
        return new Verdict(Kind.PROCEED, message);
    }

    static Verdict skip(String message) {
        return new Verdict(Kind.SKIP, message);
    }

    static Verdict fail(String message) {
        return new Verdict(Kind.FAIL, message);
    }
}
