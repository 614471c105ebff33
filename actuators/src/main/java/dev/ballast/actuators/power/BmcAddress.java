package dev.ballast.actuators.power;

import java.util.Objects;

/** Where a host's BMC answers IPMI over LAN, and the credentials; toString never shows the password. */
public record BmcAddress(String address, int port, String user, String password) {
    public BmcAddress {
        Objects.requireNonNull(address, "BMC address");
        Objects.requireNonNull(user, "BMC user of " + address);
        Objects.requireNonNull(password, "BMC password of " + address);
        if (address.isBlank() || address.startsWith("-")) {
            throw new IllegalArgumentException("BMC address must be a host name or IP, was '" + address + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("BMC port of " + address + " must be 1..65535, was " + port);
        }
        if (user.startsWith("-")) {
            throw new IllegalArgumentException("BMC user of " + address + " must not start with '-', was '" + user + "'");
        }
    }

    @Override
    public String toString() {
        return user + "@" + address + ":" + port;
    }
}
