package dev.ballast.actuators.power;

import dev.ballast.collectors.cluster.HostId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;

/**
 * Wakes hosts with a Wake-on-LAN magic packet (six 0xFF bytes, then the MAC address sixteen times) sent over UDP to
 * a broadcast address. Wake-on-LAN can neither switch a host off nor tell its state, so those go to another driver
 * (the host's BMC, or whatever shuts the operating system down in that cluster).
 */
public final class WakeOnLanPowerDriver implements PowerDriver {
    /** Sent a few times: the packet is a single unacknowledged datagram. */
    private static final int REPEATS = 3;

    private final Map<HostId, MacAddress> macs;
    private final InetSocketAddress destination;
    private final PowerDriver offAndStatus;

    public WakeOnLanPowerDriver(Map<HostId, MacAddress> macs, InetSocketAddress destination, PowerDriver offAndStatus) {
        this.macs = Map.copyOf(Objects.requireNonNull(macs, "MAC addresses"));
        this.destination = Objects.requireNonNull(destination, "Wake-on-LAN destination");
        this.offAndStatus = Objects.requireNonNull(offAndStatus, "driver for power off and status");
        if (destination.isUnresolved()) {
            throw new IllegalArgumentException("Wake-on-LAN destination " + destination + " does not resolve");
        }
    }

    static byte[] magicPacket(MacAddress mac) {
        byte[] packet = new byte[6 + 16 * 6];
        for (int i = 0; i < 6; i++) {
            packet[i] = (byte) 0xFF;
        }
        byte[] m = mac.bytes();
        for (int i = 0; i < 16; i++) {
            System.arraycopy(m, 0, packet, 6 + i * 6, 6);
        }
        return packet;
    }

    @Override
    public void powerOn(HostId host) {
        MacAddress mac = macs.get(host);
        if (mac == null) {
            throw new IllegalArgumentException("no MAC address configured for host " + host + " (known: " + macs.keySet() + ")");
        }
        byte[] packet = magicPacket(mac);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setBroadcast(true);
            for (int i = 0; i < REPEATS; i++) {
                socket.send(new DatagramPacket(packet, packet.length, destination));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not send the Wake-on-LAN packet for host " + host + " (" + mac + ") to " + destination, e);
        }
    }

    @Override
    public void powerOff(HostId host) {
        offAndStatus.powerOff(host);
    }

    @Override
    public PowerState status(HostId host) {
        return offAndStatus.status(host);
    }
}
