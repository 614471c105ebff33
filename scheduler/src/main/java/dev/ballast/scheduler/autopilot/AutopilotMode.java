package dev.ballast.scheduler.autopilot;

/** OFF: watches nothing. RECOMMEND: proposes plans for people to approve. AUTO: executes them itself. */
public enum AutopilotMode {
    OFF,
    RECOMMEND,
    AUTO
}
