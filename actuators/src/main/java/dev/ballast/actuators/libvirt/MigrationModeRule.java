package dev.ballast.actuators.libvirt;

/**
 * Chooses a VM's migration mode from its memory M (MiB), its dirty rate D (MiB/s) and the bandwidth B (MiB/s) of the
 * migration. Pre-copy converges only while D &lt; B and lasts about M ÷ (B − D) (Clark et al. 2005), so:
 * <ol>
 *   <li>D ≥ B: pre-copy alone never converges. POST_COPY when allowed (bounded time, but a network failure during
 *   the post-copy phase loses the VM, so it is off by default), else AUTO_CONVERGE (QEMU throttles the guest).</li>
 *   <li>D ≥ {@code throttleRatio} × B: converges slowly, many rounds re-send hot pages: AUTO_CONVERGE.</li>
 *   <li>M ÷ (B − D) &gt; {@code slowSeconds}: a long, link-bound copy: COMPRESSED.</li>
 *   <li>otherwise PRE_COPY (QEMU's default; the cheapest for the guest).</li>
 * </ol>
 * An unknown dirty rate (0) counts as idle. A per-VM override takes precedence (see {@link MigrationSettings}).
 */
public record MigrationModeRule(double throttleRatio, double slowSeconds, boolean postCopyAllowed) {
    public MigrationModeRule {
        if (!(throttleRatio > 0 && throttleRatio < 1)) {
            throw new IllegalArgumentException("throttleRatio must be in (0, 1), was " + throttleRatio);
        }
        if (!(slowSeconds > 0)) {
            throw new IllegalArgumentException("slowSeconds must be > 0, was " + slowSeconds);
        }
    }

    public static MigrationModeRule defaults() {
        return new MigrationModeRule(0.5, 60, false);
    }

    public MigrationMode choose(double memoryMib, double dirtyMibPerSecond, double bandwidthMibPerSecond) {
        if (!(bandwidthMibPerSecond > 0)) {
            throw new IllegalArgumentException("migration bandwidth must be > 0 MiB/s, was " + bandwidthMibPerSecond);
        }
        if (dirtyMibPerSecond >= bandwidthMibPerSecond) {
            return postCopyAllowed ? MigrationMode.POST_COPY : MigrationMode.AUTO_CONVERGE;
        }
        if (dirtyMibPerSecond >= throttleRatio * bandwidthMibPerSecond) {
            return MigrationMode.AUTO_CONVERGE;
        }
        if (memoryMib / (bandwidthMibPerSecond - dirtyMibPerSecond) > slowSeconds) {
            return MigrationMode.COMPRESSED;
        }
        return MigrationMode.PRE_COPY;
    }
}
