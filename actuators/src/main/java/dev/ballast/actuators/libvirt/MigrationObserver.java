package dev.ballast.actuators.libvirt;

/** Hears of a migration's progress (read from the job statistics) and of its result. */
public interface MigrationObserver {
    MigrationObserver NONE = new MigrationObserver() {
    };

    default void onProgress(MigrationProgress progress) {
    }

    default void onFinished(MigrationResult result) {
    }
}
