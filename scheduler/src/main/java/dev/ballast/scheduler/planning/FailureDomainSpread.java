package dev.ballast.scheduler.planning;

/**
 * Failure-domain spread (ROADEF's spread min): the VMs of the anti-affinity rule {@code group} must run on hosts with
 * at least {@code minDomains} distinct values of the host label {@code labelKey} (racks, zones), so that losing one
 * domain leaves the service running. Hosts without the label belong to no known domain and add none.
 */
public record FailureDomainSpread(String group, String labelKey, int minDomains) {
    public FailureDomainSpread {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("a failure-domain spread needs the name of its anti-affinity rule");
        }
        if (labelKey == null || labelKey.isBlank() || labelKey.contains("=")) {
            throw new IllegalArgumentException("spread of " + group + " needs a host label key such as 'rack', was '" + labelKey + "'");
        }
        if (minDomains < 1) {
            throw new IllegalArgumentException("spread of " + group + " over " + labelKey + " needs at least 1 domain, was " + minDomains);
        }
    }
}
