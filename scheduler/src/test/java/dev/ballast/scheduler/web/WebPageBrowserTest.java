package dev.ballast.scheduler.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web page in a real headless Chromium against the service on a random port, as an operator uses it: the
 * hosts appear, a host's VMs are charted, a consolidation preview shows its steps, anonymous and viewer users are
 * refused when they try to act, the operator approves and executes it (tokens from application-test.yml) and follows
 * it live until every step is done and the emptied hosts show as powered off. The simulated clock is stopped (tick 0s)
 * so the cluster does not move under the plan, and a simulated second takes a real millisecond so the execution is
 * visible but quick. Screenshots go to target/screenshots.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "ballast.simulation.tick", value = "0s")
@Property(name = "ballast.simulation.real-seconds-per-simulated-second", value = "0.001")
class WebPageBrowserTest {
    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    private HeadlessChromium chromium;

    @BeforeAll
    void startBrowser() throws Exception {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    void stopBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** 127.0.0.1, not localhost: the browser's resolver rules answer every name but 127.0.0.1 with "not found". */
    private String pageUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/";
    }

    private String shoot(String name, String scrollToId) {
        try {
            return chromium.screenshot(name, scrollToId).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Types a token into the header's field, as a person would; the page keeps it in sessionStorage. */
    private static void useToken(ChromeDriver browser, String token) {
        WebElement field = browser.findElement(By.id("token"));
        field.clear();
        field.sendKeys(token);
        browser.findElement(By.id("token-save")).click();
        assertThat(browser.executeScript("return sessionStorage.getItem('ballast.token');")).isEqualTo(token);
    }

    @Test
    @SuppressWarnings("unchecked")
    void operatorPreviewsAConsolidationApprovesExecutesAndWatchesItFinish() throws Exception {
        ChromeDriver browser = chromium.driver();
        WebDriverWait wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(100));
        browser.get(pageUrl());
        wait.until(b -> !b.findElements(By.cssSelector("#hosts .host")).isEmpty());
        Map<String, Object> cluster = client.toBlocking().retrieve(HttpRequest.GET("/api/cluster"), JSON);
        List<Map<String, Object>> hosts = (List<Map<String, Object>>) cluster.get("hosts");
        List<Map<String, Object>> vms = (List<Map<String, Object>>) cluster.get("vms");
        List<String> tileIds = browser.findElements(By.cssSelector("#hosts .host")).stream()
                .map(t -> t.getAttribute("data-host")).toList();
        assertThat(tileIds).containsExactlyElementsOf(hosts.stream().map(h -> (String) h.get("id")).toList());
        // Spots flagged on the tiles are the ones the API reports.
        for (Map<String, Object> h : hosts) {
            WebElement tile = browser.findElement(By.cssSelector("#hosts .host[data-host='" + h.get("id") + "']"));
            if ("ON".equals(h.get("state")) && ("HOT".equals(h.get("spot")) || "COLD".equals(h.get("spot")))) {
                assertThat(tile.findElements(By.cssSelector(".flag." + h.get("spot")))).as("%s flag of %s in %s", h.get("spot"), h.get("id"), tile.getAttribute("outerHTML"))
                        .singleElement().satisfies(f -> assertThat(f.getText()).isEqualToIgnoringCase((String) h.get("spot")));
            } else {
                assertThat(tile.findElements(By.cssSelector(".flag.HOT, .flag.COLD"))).as("flags of %s (%s)", h.get("id"), h.get("spot")).isEmpty();
            }
        }
        chromium.screenshot("01-cluster");

        // A host's VMs, actual against forecast, drawn by Chart.js (served from the page's own vendor folder).
        String busiest = hosts.stream().max((a, b) -> Integer.compare((Integer) a.get("vmCount"), (Integer) b.get("vmCount")))
                .map(h -> (String) h.get("id")).orElseThrow();
        browser.findElement(By.cssSelector("#hosts .host[data-host='" + busiest + "']")).click();
        wait.until(b -> b.findElement(By.id("host-detail")).isDisplayed());
        List<String> vmLabels = (List<String>) browser.executeScript("return Chart.getChart('vm-cpu-chart').data.labels;");
        List<String> vmsOnHost = vms.stream().filter(v -> busiest.equals(v.get("host"))).map(v -> (String) v.get("id")).sorted().toList();
        assertThat(vmLabels).containsExactlyElementsOf(vmsOnHost);
        List<Number> forecast = (List<Number>) browser.executeScript("return Chart.getChart('vm-cpu-chart').data.datasets[1].data;");
        assertThat(forecast).hasSize(vmsOnHost.size());
        chromium.screenshot("02-host-vms");

        // Preview a consolidation from the form.
        new Select(browser.findElement(By.id("goal"))).selectByValue("CONSOLIDATE");
        WebElement limit = browser.findElement(By.id("time-limit"));
        limit.clear();
        limit.sendKeys("5");
        browser.findElement(By.id("preview")).click();
        wait.until(b -> "RECOMMENDED".equals(b.findElement(By.id("plan-status")).getText()));
        String planId = browser.findElement(By.id("plan-id")).getText();
        Map<String, Object> plan = client.toBlocking().retrieve(HttpRequest.GET("/api/plans/" + planId), JSON);
        assertThat(plan.get("goal")).isEqualTo("CONSOLIDATE");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) plan.get("steps");
        assertThat(steps).as("steps of %s", plan).isNotEmpty();
        List<WebElement> rows = browser.findElements(By.cssSelector("#steps tbody tr"));
        assertThat(rows).hasSize(steps.size());
        assertThat(rows.getFirst().findElements(By.tagName("td")).get(3).getText()).isEqualTo(steps.getFirst().get("reason"));
        Map<String, Object> before = (Map<String, Object>) plan.get("before");
        Map<String, Object> after = (Map<String, Object>) plan.get("after");
        assertThat(browser.findElement(By.cssSelector("#plan-kpis tbody tr")).getText())
                .isEqualTo("Powered-on hosts " + before.get("poweredOnHosts") + " " + after.get("poweredOnHosts"));
        assertThat((Long) browser.executeScript("return Chart.getChart('plan-cpu-chart').data.labels.length;"))
                .isEqualTo(hosts.size());
        assertThat(browser.findElement(By.cssSelector("#plans tbody tr[data-plan='" + planId + "']")).getText()).contains("RECOMMENDED");
        chromium.screenshot("03-plan-preview", "plan");

        // Anonymous and viewer users may look and preview, not act: the page shows the service's refusal.
        browser.findElement(By.id("execute")).click();
        // Anonymous users count as viewers on the embedded default: refused, 401 or 403 depending on the service's policy.
        wait.until(b -> b.findElement(By.id("action-error")).getText().matches(".*execute answered 40[13].*operator token.*"));
        useToken(browser, "viewer-token");
        browser.findElement(By.id("execute")).click();
        wait.until(b -> b.findElement(By.id("action-error")).getText().matches(".*execute answered 403.*this token's role may not do that.*"));
        browser.findElement(By.id("approve")).click();
        wait.until(b -> b.findElement(By.id("action-error")).getText().startsWith("POST api/plans/" + planId + "/approve answered 403"));
        chromium.screenshot("04-viewer-refused", "plan");
        assertThat(client.toBlocking().retrieve(HttpRequest.GET("/api/plans/" + planId), JSON).get("status")).isEqualTo("RECOMMENDED");
        assertThat(browser.findElement(By.id("plan-status")).getText()).isEqualTo("RECOMMENDED");

        // The operator approves, then executes, and follows the progress the page shows until the plan is final.
        useToken(browser, "operator-token");
        browser.findElement(By.id("approve")).click();
        wait.until(b -> "APPROVED".equals(b.findElement(By.id("plan-status")).getText()));
        assertThat(browser.findElement(By.id("plan-message")).getText()).contains("approved by test-operator");
        assertThat(browser.findElement(By.id("action-error")).getText()).isEmpty();
        browser.findElement(By.id("execute")).click();
        Set<String> seen = new LinkedHashSet<>();
        List<Integer> progress = new ArrayList<>();
        List<String> midwayShots = new ArrayList<>();
        wait.until(b -> {
            String status = b.findElement(By.id("plan-status")).getText();
            seen.add(status);
            String done = b.findElement(By.id("progress-text")).getAttribute("data-done");
            progress.add(Integer.parseInt(done));
            if (status.equals("EXECUTING") && Integer.parseInt(done) > 0 && midwayShots.isEmpty()) {
                midwayShots.add(shoot("05-plan-executing", "plan"));
            }
            return status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELLED");
        });
        assertThat(browser.findElement(By.id("plan-status")).getText())
                .as("plan message: %s", browser.findElement(By.id("plan-message")).getText()).isEqualTo("SUCCEEDED");
        assertThat(seen).as("statuses the page showed").contains("EXECUTING");
        assertThat(progress).as("progress only grows").isSorted();
        assertThat(progress.getLast()).isEqualTo(steps.size());
        assertThat(browser.findElement(By.id("progress-text")).getText()).isEqualTo(steps.size() + " of " + steps.size() + " steps done");
        assertThat(browser.findElements(By.cssSelector("#steps tbody tr")))
                .allSatisfy(r -> assertThat(r.getAttribute("data-status")).isIn("SUCCEEDED", "SKIPPED"));
        assertThat(browser.findElement(By.id("execute")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("plan-message")).getText()).contains("executed by test-operator");
        // The progress came over the plan's server-sent event stream.
        assertThat((List<String>) browser.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('/events'));"))
                .containsExactly(pageUrl() + "api/plans/" + planId + "/events");
        chromium.screenshot("06-plan-succeeded", "plan");

        // The emptied hosts now show as powered off.
        long powerOffs = steps.stream().filter(s -> "POWER_OFF".equals(s.get("type"))).count();
        browser.navigate().refresh();
        wait.until(b -> b.findElements(By.cssSelector("#hosts .host")).size() == hosts.size());
        assertThat(browser.findElements(By.cssSelector("#hosts .host.OFF"))).hasSize((int) powerOffs);
        assertThat(browser.findElements(By.cssSelector("#hosts .host.OFF .flag.OFF"))).hasSize((int) powerOffs);
        chromium.screenshot("07-cluster-consolidated");
    }
}
