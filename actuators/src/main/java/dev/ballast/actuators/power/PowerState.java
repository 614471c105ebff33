package dev.ballast.actuators.power;

/** A host's chassis power as its management controller reports it. */
public enum PowerState {
    ON,
    OFF
}
