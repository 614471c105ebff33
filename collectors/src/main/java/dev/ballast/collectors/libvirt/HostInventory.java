package dev.ballast.collectors.libvirt;

/** What libvirt says about a host: its name, CPUs (logical, and their clock), memory and CPU model. */
public record HostInventory(String uri, String hostname, int cpus, int mhz, long memoryMib, String cpuModel) {
}
