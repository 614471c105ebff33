package dev.ballast.scheduler.planning;

/**
 * Dependency locality (ROADEF's service dependency): wherever a VM of rule {@code group} runs, some VM of rule
 * {@code needs} must run in the same neighborhood, a neighborhood being the hosts sharing a value of the host label
 * {@code labelKey} (a host without the label is a neighborhood of its own). A front end that needs its cache in
 * the same zone, say.
 */
public record DependencyRule(String group, String needs, String labelKey) {
    public DependencyRule {
        if (group == null || group.isBlank() || needs == null || needs.isBlank()) {
            throw new IllegalArgumentException("a dependency needs the names of two rules, was " + group + " -> " + needs);
        }
        if (group.equals(needs)) {
            throw new IllegalArgumentException("group " + group + " cannot depend on itself");
        }
        if (labelKey == null || labelKey.isBlank() || labelKey.contains("=")) {
            throw new IllegalArgumentException("dependency " + group + " -> " + needs + " needs a host label key such as 'zone', was '"
                    + labelKey + "'");
        }
    }

    public String name() {
        return group + "->" + needs + "@" + labelKey;
    }
}
