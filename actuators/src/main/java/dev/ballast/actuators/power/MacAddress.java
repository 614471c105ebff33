package dev.ballast.actuators.power;

import java.util.HexFormat;

/** A network card's hardware address, the key of a Wake-on-LAN packet. */
public record MacAddress(byte[] bytes) {
    public MacAddress {
        if (bytes == null || bytes.length != 6) {
            throw new IllegalArgumentException("a MAC address has 6 bytes");
        }
        bytes = bytes.clone();
    }

    /** Parses "aa:bb:cc:dd:ee:ff" or "aa-bb-cc-dd-ee-ff". */
    public static MacAddress parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("[:-]");
        if (parts.length != 6) {
            throw new IllegalArgumentException("MAC address must be six hex pairs like aa:bb:cc:dd:ee:ff, was '" + text + "'");
        }
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            if (!parts[i].matches("[0-9a-fA-F]{2}")) {
                throw new IllegalArgumentException("MAC address must be six hex pairs like aa:bb:cc:dd:ee:ff, was '" + text + "'");
            }
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return new MacAddress(b);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacAddress m && java.util.Arrays.equals(bytes, m.bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").formatHex(bytes);
    }
}
