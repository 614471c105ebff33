package dev.ballast.scheduler.benchmark;

/** One entry of a policy's migration map: move {@code vm} to {@code target}. */
record Migration(SimVm vm, SimHost target) {
}
