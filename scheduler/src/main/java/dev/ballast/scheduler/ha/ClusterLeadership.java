package dev.ballast.scheduler.ha;

import dev.ballast.scheduler.plans.Leadership;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.recipes.leader.Participant;
import org.apache.curator.framework.state.ConnectionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This instance's part in electing its cluster's leader: a Curator leader latch under
 * {@code /clusters/<cluster>/leader}. On winning it takes the next epoch in the database, lets the service recover
 * (reconcile the journal, recall the autopilot's memory) and only then acts. It stops acting the moment ZooKeeper
 * is out of reach (Curator's SUSPENDED, about two thirds of the session timeout after the last answer): the running
 * plan is aborted and the epoch released, before the session expires and another instance can win.
 */
public final class ClusterLeadership implements Leadership, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterLeadership.class);

    /** What the service does when this instance starts and stops leading. */
    public interface Callbacks {
        void takeOver();

        void stepDown();

        /** Whether leadership may be handed over now without cutting anything short (no plan executing). */
        default boolean idle() {
            return true;
        }
    }

    /** Won elections given up in a row for balance; past it this instance takes the cluster anyway. */
    private static final int MAX_YIELDS = 3;

    private final CuratorFramework client;
    private final String cluster;
    private final String member;
    private final String instance;
    private final LeaderBalance balance;
    private final java.time.Duration rebalanceInterval;
    private int yields;
    private java.util.concurrent.ScheduledFuture<?> rebalancing;
    private volatile String advertisedUrl;
    private final LeaderEpochs epochs;
    private final Clock clock;
    private final java.util.concurrent.ScheduledExecutorService transitions = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ballast-leadership");
        t.setDaemon(true);
        return t;
    });
    /** Bumped at every loss of leadership: a takeover that started before the loss must not end acting. */
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean acting;
    private volatile Instant actingSince;
    private volatile Instant steppedDownAt;
    private volatile long takeovers;
    private LeaderLatch latch;
    private Callbacks callbacks;

    /**
     * {@code member} names the machine this instance runs on (one instance per managed cluster on each); with a
     * {@code balance}, leaders are spread over the members, checked again every {@code rebalanceInterval}.
     */
    public ClusterLeadership(CuratorFramework client, String cluster, String member, String instance, LeaderBalance balance,
                             java.time.Duration rebalanceInterval, LeaderEpochs epochs, Clock clock) {
        this.client = client;
        this.cluster = cluster;
        this.member = member;
        this.instance = instance;
        this.balance = balance;
        this.rebalanceInterval = rebalanceInterval;
        this.epochs = epochs;
        this.clock = clock;
    }

    public static String latchPath(String cluster) {
        return "/clusters/" + cluster + "/leader";
    }

    /** Joins the election; the other instances forward actions to {@code advertisedUrl} while this one leads. */
    public synchronized void start(String advertisedUrl, Callbacks callbacks) {
        if (latch != null) {
            throw new IllegalStateException("leadership of cluster " + cluster + " already started");
        }
        this.advertisedUrl = advertisedUrl;
        this.callbacks = callbacks;
        client.getConnectionStateListenable().addListener((c, state) -> {
            if (state == ConnectionState.SUSPENDED || state == ConnectionState.LOST) {
                lose("ZooKeeper connection " + state);
            }
        });
        join();
        if (balance != null && !rebalanceInterval.isZero()) {
            long every = rebalanceInterval.toMillis();
            rebalancing = transitions.scheduleWithFixedDelay(this::rebalance, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Hands the cluster to a member that leads fewer clusters, when this instance leads it and is idle. */
    private void rebalance() {
        if (!acting || !callbacks.idle()) {
            return;
        }
        try {
            Optional<String> lighter = balance.lighterMember(cluster, member);
            if (lighter.isPresent()) {
                LOG.info("instance {} hands cluster {} over to member {}, which leads fewer clusters than member {}", instance, cluster, lighter.get(), member);
                lose("handed over to member " + lighter.get() + " for balance");
                rejoin();
            }
        } catch (Exception e) {
            LOG.debug("balance check of cluster {} failed: {}", cluster, e.getMessage());
        }
    }

    private void join() {
        latch = new LeaderLatch(client, latchPath(cluster), participantId(), LeaderLatch.CloseMode.NOTIFY_LEADER);
        latch.addListener(new LeaderLatchListener() {
            @Override
            public void isLeader() {
                long gen = generation.get();
                submit(() -> takeOver(gen));
            }

            @Override
            public void notLeader() {
                lose("leadership lost");
            }
        });
        try {
            latch.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot join the leader election of cluster " + cluster + " at " + latchPath(cluster) + ": " + e.getMessage(), e);
        }
        LOG.info("instance {} joined the election of cluster {}", instance, cluster);
    }

    private String participantId() {
        return LeaderBalance.Participant.encode(member, instance, advertisedUrl);
    }

    private void takeOver(long gen) {
        if (latch == null || !latch.hasLeadership() || generation.get() != gen) {
            return;
        }
        if (balance != null && yields < MAX_YIELDS) {
            try {
                Optional<String> lighter = balance.lighterMember(cluster, member);
                if (lighter.isPresent()) {
                    yields++;
                    LOG.info("instance {} won cluster {} but yields it to member {}, which leads fewer clusters", instance, cluster, lighter.get());
                    rejoin();
                    return;
                }
            } catch (Exception e) {
                LOG.debug("balance check of cluster {} failed, taking it: {}", cluster, e.getMessage());
            }
        }
        yields = 0;
        try {
            long epoch = epochs.acquire();
            LOG.info("instance {} leads cluster {} in epoch {}: recovering", instance, cluster, epoch);
            callbacks.takeOver();
            synchronized (this) {
                if (generation.get() == gen && latch.hasLeadership()) {
                    acting = true;
                    actingSince = clock.instant();
                    takeovers++;
                    LOG.info("instance {} acts for cluster {} (epoch {})", instance, cluster, epoch);
                    return;
                }
            }
            epochs.release();
        } catch (RuntimeException e) {
            LOG.error("instance {} won cluster {} but could not take over; it gives the leadership up: {}", instance, cluster, e.getMessage(), e);
            epochs.release();
            submit(this::rejoin);
        }
    }

    /** Leaves the election and joins it again at the back, so another instance can win. */
    private synchronized void rejoin() {
        try {
            LeaderLatch old = latch;
            latch = null;
            if (old != null) {
                old.close();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("closing the leader latch of cluster {} failed: {}", cluster, e.getMessage());
        }
        join();
    }

    private void submit(Runnable transition) {
        try {
            transitions.execute(transition);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("leadership of cluster {} is closing: transition dropped", cluster);
        }
    }

    private void lose(String why) {
        generation.incrementAndGet();
        boolean was;
        synchronized (this) {
            was = acting;
            acting = false;
        }
        epochs.release();
        if (was) {
            steppedDownAt = clock.instant();
            LOG.warn("instance {} stops acting for cluster {}: {}", instance, cluster, why);
            try {
                callbacks.stepDown();
            } catch (RuntimeException e) {
                LOG.error("stepping down from cluster {} failed: {}", cluster, e.getMessage(), e);
            }
        }
    }

    @Override
    public boolean acting() {
        return acting;
    }

    public String cluster() {
        return cluster;
    }

    public String instance() {
        return instance;
    }

    public Optional<Instant> actingSince() {
        return acting ? Optional.ofNullable(actingSince) : Optional.empty();
    }

    public Optional<Instant> steppedDownAt() {
        return Optional.ofNullable(steppedDownAt);
    }

    public long takeovers() {
        return takeovers;
    }

    public long epoch() {
        return epochs.held();
    }

    public boolean connected() {
        return client.getZookeeperClient().isConnected();
    }

    /** The leader's instance id and URL as ZooKeeper knows them; empty when there is none or ZooKeeper is unreachable. */
    public Optional<Leader> leader() {
        LeaderLatch l = latch;
        if (l == null || !connected()) {
            return Optional.empty();
        }
        try {
            Participant p = l.getLeader();
            if (p == null || !p.isLeader() || p.getId().isEmpty()) {
                return Optional.empty();
            }
            return LeaderBalance.Participant.decode(p.getId()).map(q -> new Leader(q.member(), q.instance(), q.url()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    public record Leader(String member, String instance, String url) {
    }

    public String member() {
        return member;
    }

    @Override
    public synchronized void close() {
        if (rebalancing != null) {
            rebalancing.cancel(false);
        }
        lose("shutting down");
        if (latch != null) {
            try {
                latch.close();
            } catch (IOException e) {
                LOG.warn("closing the leader latch of cluster {} failed: {}", cluster, e.getMessage());
            }
            latch = null;
        }
        transitions.shutdownNow();
        try {
            transitions.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
