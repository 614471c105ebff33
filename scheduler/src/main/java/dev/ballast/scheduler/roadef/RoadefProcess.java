package dev.ballast.scheduler.roadef;

/** A process (a VM): its service, its requirement per resource, and the cost of moving it at all. */
public record RoadefProcess(int index, int service, long[] requirements, long moveCost) {

    public long requirement(int resource) {
        return requirements[resource];
    }
}
