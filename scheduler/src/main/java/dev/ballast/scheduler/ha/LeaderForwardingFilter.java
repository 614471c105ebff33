package dev.ballast.scheduler.ha;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.json.JsonMapper;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Actions (approve, execute, cancel, the autopilot's mode and tick) are the leader's: an instance that does not
 * lead forwards them, with their credentials, to the leader ZooKeeper names, and answers with the leader's
 * response. With no leader (an election under way, ZooKeeper out of reach) it answers 503, naming why. Reads and
 * previews never come here: every instance serves them.
 */
@Filter(patterns = {"/api/plans/*/approve", "/api/plans/*/execute", "/api/plans/*/cancel", "/api/autopilot", "/api/autopilot/tick"})
@Requires(property = "ballast.ha.enabled", value = "true")
final class LeaderForwardingFilter implements HttpServerFilter {
    static final String FORWARDED_BY = "X-Ballast-Forwarded-By";

    private final ClusterLeadership leadership;
    private final ProxyHttpClient proxy;
    private final JsonMapper json;

    LeaderForwardingFilter(ClusterLeadership leadership, ProxyHttpClient proxy, JsonMapper json) {
        this.leadership = leadership;
        this.proxy = proxy;
        this.json = json;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (request.getMethod() == HttpMethod.GET || leadership.acting()) {
            return chain.proceed(request);
        }
        if (request.getHeaders().contains(FORWARDED_BY)) {
            return unavailable("instance " + leadership.instance() + " was named leader of cluster " + leadership.cluster()
                    + " by instance " + request.getHeaders().get(FORWARDED_BY) + " but does not act now (it is taking over or "
                    + "has just lost the leadership); retry shortly");
        }
        Optional<ClusterLeadership.Leader> leader = leadership.leader();
        if (leader.isEmpty()) {
            return unavailable("cluster " + leadership.cluster() + " has no leader now (" + (leadership.connected()
                    ? "an election is under way" : "ZooKeeper is out of reach") + "): actions are refused; reads and previews work");
        }
        if (leader.get().instance().equals(leadership.instance())) {
            return unavailable("instance " + leadership.instance() + " has just won the leadership of cluster " + leadership.cluster()
                    + " and is recovering before it acts; retry shortly");
        }
        URI target = URI.create(leader.get().url());
        Flux<MutableHttpResponse<?>> forwarded = Flux.from(proxy.proxy(request.mutate()
                .uri(b -> b.scheme(target.getScheme()).host(target.getHost()).port(target.getPort()))
                .header(FORWARDED_BY, leadership.instance())));
        Flux<MutableHttpResponse<?>> named = forwarded.map(response -> {
            response.header("X-Ballast-Leader", leader.get().instance());
            return response;
        });
        // a leader that died a moment ago is still named until its session expires
        return named.onErrorResume(e -> unavailable("the leader of cluster " + leadership.cluster() + ", instance "
                + leader.get().instance() + " at " + leader.get().url() + ", did not answer (" + e.getMessage()
                + "); a new leader is elected within the session timeout: retry shortly"));
    }

    private Publisher<MutableHttpResponse<?>> unavailable(String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.SERVICE_UNAVAILABLE.getReason());
        problem.put("status", 503);
        problem.put("detail", detail);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (IOException e) {
            body = "{\"status\":503}";
        }
        MutableHttpResponse<?> response = HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.of("application/problem+json")).body(body);
        return Publishers.just(response);
    }
}
