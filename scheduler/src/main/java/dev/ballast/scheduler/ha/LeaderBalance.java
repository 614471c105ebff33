package dev.ballast.scheduler.ha;

import org.apache.curator.framework.CuratorFramework;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Spreads the leaders of the managed clusters over the members (the machines, each running one Ballast instance per
 * cluster it can manage). It reads every cluster's election from ZooKeeper: the participants in order (the first
 * leads) and the member each runs on. A member that already leads more clusters than another member able to lead
 * this one yields it to that member; a leader moves a cluster away when that evens the count by at least one. When
 * a member dies its clusters go to the survivors, fewest first.
 */
public final class LeaderBalance {
    private final CuratorFramework client;

    public LeaderBalance(CuratorFramework client) {
        this.client = client;
    }

    /** One participant in one cluster's election, as its latch node names it: member|instance|url. */
    public record Participant(String member, String instance, String url) {
        static String encode(String member, String instance, String url) {
            return member + "|" + instance + "|" + url;
        }

        static Optional<Participant> decode(String id) {
            String[] f = id.split("\\|", 3);
            return f.length == 3 ? Optional.of(new Participant(f[0], f[1], f[2])) : Optional.empty();
        }
    }

    /** Every cluster's election: its participants, the leader first. Clusters with nobody in the election are left out. */
    public Map<String, List<Participant>> elections() throws Exception {
        Map<String, List<Participant>> result = new HashMap<>();
        if (client.checkExists().forPath("/clusters") == null) {
            return result;
        }
        for (String cluster : client.getChildren().forPath("/clusters")) {
            String latch = ClusterLeadership.latchPath(cluster);
            if (client.checkExists().forPath(latch) == null) {
                continue;
            }
            List<String> nodes = new ArrayList<>(client.getChildren().forPath(latch));
            // Curator's latch nodes end in a sequence number: the lowest leads
            nodes.sort(Comparator.comparing(LeaderBalance::sequence));
            List<Participant> participants = new ArrayList<>();
            for (String node : nodes) {
                try {
                    byte[] data = client.getData().forPath(latch + "/" + node);
                    Participant.decode(new String(data, StandardCharsets.UTF_8)).ifPresent(participants::add);
                } catch (org.apache.zookeeper.KeeperException.NoNodeException gone) {
                    // a participant that left while we read
                }
            }
            if (!participants.isEmpty()) {
                result.put(cluster, participants);
            }
        }
        return result;
    }

    private static String sequence(String node) {
        int dash = node.lastIndexOf('-');
        return dash < 0 ? node : node.substring(dash + 1);
    }

    /** How many clusters each member leads, with every live member present (0 when it leads none). */
    static Map<String, Integer> leadsPerMember(Map<String, List<Participant>> elections, String exceptCluster) {
        Map<String, Integer> counts = new HashMap<>();
        for (var e : elections.entrySet()) {
            e.getValue().forEach(p -> counts.putIfAbsent(p.member(), 0));
            if (!e.getKey().equals(exceptCluster)) {
                counts.merge(e.getValue().get(0).member(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * Whether {@code member} should leave {@code cluster} (just won, or led) to another member in its election that
     * leads fewer of the other clusters: keeping it would leave the load more uneven than giving it. The same test
     * on both sides keeps a cluster from bouncing back.
     */
    public Optional<String> lighterMember(String cluster, String member) throws Exception {
        Map<String, List<Participant>> elections = elections();
        List<Participant> here = elections.get(cluster);
        if (here == null) {
            return Optional.empty();
        }
        Map<String, Integer> others = leadsPerMember(elections, cluster);
        int mine = others.getOrDefault(member, 0);
        Set<String> candidates = new HashSet<>();
        here.forEach(p -> candidates.add(p.member()));
        candidates.remove(member);
        return candidates.stream().filter(c -> others.getOrDefault(c, 0) < mine)
                .min(Comparator.comparing(c -> others.getOrDefault(c, 0)));
    }
}
