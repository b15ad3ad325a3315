package io.modelkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.modelkit.core.dashboard.DashboardWriter;
import io.modelkit.core.dashboard.GateOutcome;
import io.modelkit.core.dashboard.ModelKitRow;
import io.modelkit.core.dashboard.PromotedLine;
import io.modelkit.core.dashboard.ProvenanceSummary;
import io.modelkit.core.dashboard.ReleaseModel;
import io.modelkit.core.dashboard.StageEntry;
import io.modelkit.core.dashboard.TimelineEvent;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.provenance.keys.KeyFiles;
import io.modelkit.core.registry.LocalRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The generated dashboard in a real browser (Debian's chromium driven through its chromedriver): opened from
 * disk and served over http, it shows the stage table, the diff and the timeline, and its SVG badges render.
 */
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @RegisterExtension
    static final LocalRegistry REGISTRY = new LocalRegistry();

    @TempDir
    static Path temp;

    static PromotedLine line;
    static Path site;
    static ChromeDriver browser;

    @BeforeAll
    static void writeDashboardAndStartBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromium-driver are not installed (/usr/bin/chromium, /usr/bin/chromedriver); "
                        + "./test installs them");
        line = new PromotedLine(REGISTRY, temp);
        Path ci = Files.write(temp.resolve("ci.pub"), KeyFiles.publicPem(line.ci.publicKey()));
        Path gate = Files.write(temp.resolve("gate.pub"), KeyFiles.publicPem(line.gate.publicKey()));
        site = temp.resolve("site");
        CliRunner.Result written = new CliRunner(temp.resolve("home")).run("dashboard", "--stages",
                line.stagesFile.toString(), "--out", site.toString(), "--trusted-key", ci.toString(), "--trusted-key",
                gate.toString());
        assertThat(written.exitCode()).as(written.toString()).isZero();

        // the driver and browser named here, so Selenium Manager never looks for (or downloads) either
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1500,1100",
                        "--allow-file-access-from-files");
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void showsTheStagesDiffTimelineAndBadgesOpenedFromDisk() throws Exception {
        browser.get(site.resolve("index.html").toUri().toString());

        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-ready")).isEqualTo("true");
        List<WebElement> rows = browser.findElements(By.cssSelector("section.modelkit table.stages > tbody > tr"));
        assertThat(rows).extracting(r -> r.getAttribute("data-stage")).containsExactly("dev", "staging", "prod");
        assertThat(cells(rows, "td.version")).containsExactly("1.5.0", "1.5.0", "1.4.0");
        assertThat(rows).extracting(r -> r.findElement(By.cssSelector("td.digest code")).getAttribute("title"))
                .containsExactly(line.v2.toString(), line.v2.toString(), line.v1.toString());
        assertThat(cells(rows, "td.digest")).containsExactly(shortDigest(line.v2), shortDigest(line.v2), shortDigest(line.v1));
        assertThat(cells(rows, "td.promoted-by")).containsExactly("alice (build)", "bob (build)", "carol (build)");
        assertThat(cells(rows, "td.gate")).containsExactly("unknown", "warned", "passed");
        assertThat(cells(rows, "td.provenance")).containsExactly("not signed", "not signed",
                "verified\nby key sha256:" + line.ci.fingerprint().hex().substring(0, 12));
        assertThat(rows.get(2).findElement(By.cssSelector("td.provenance code")).getAttribute("title"))
                .isEqualTo("sha256:" + line.ci.fingerprint().hex());

        List<WebElement> diff = rows.get(2).findElements(By.cssSelector("table.diff tr"));
        assertThat(diff).extracting(r -> cells(r.findElements(By.tagName("td"))))
                .containsExactly(List.of("model.parameters.training.epochs", "60", "40", "changed"),
                        List.of("model.parameters.training.learning_rate", "0.01", "0.05", "changed"));
        assertThat(cells(rows.subList(0, 2), "td.changes")).containsExactly("none", "none");

        List<WebElement> events = browser.findElements(By.cssSelector("ol.timeline > li"));
        assertThat(events).extracting(e -> e.getAttribute("data-stage") + " " + e.findElement(By.cssSelector(".by")).getText())
                .containsExactly("staging bob (build)", "dev alice (build)", "prod carol (build)", "staging bob (build)",
                        "dev alice (build)");
        assertThat(events.get(2).getText()).contains("promotion of sentiment-classifier to prod", shortDigest(line.v1),
                "gate passed");

        assertBadgesRender(3);
        assertOnlyLoaded("file://");

        // the script filters the history with the names from the embedded data
        browser.findElement(By.cssSelector("#timeline-stage option[value='prod']")).click();
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-timeline-shown")).isEqualTo("1");
        assertThat(browser.findElements(By.cssSelector("ol.timeline > li:not([hidden])"))).singleElement()
                .extracting(e -> e.getAttribute("data-stage")).isEqualTo("prod");
        browser.findElement(By.cssSelector("#timeline-stage option[value='']")).click();

        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        Files.write(screenshots.resolve("dashboard.png"), png);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void worksServedOverHttp() throws Exception {
        List<String> requested = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requested.add(exchange.getRequestURI().getPath());
            Path file = site.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(site) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", contentType(file));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            browser.get(base + "index.html");

            assertThat(browser.findElement(By.tagName("body")).getAttribute("data-ready")).isEqualTo("true");
            assertThat(cells(browser.findElements(By.cssSelector("table.stages > tbody > tr")), "td.version"))
                    .containsExactly("1.5.0", "1.5.0", "1.4.0");
            assertThat(browser.findElements(By.cssSelector("ol.timeline > li"))).hasSize(5);
            assertBadgesRender(3);
            assertOnlyLoaded(base);
            assertThat(requested).contains("/index.html", "/dashboard.css", "/dashboard.js",
                    "/badges/sentiment-classifier-dev.svg", "/badges/sentiment-classifier-staging.svg",
                    "/badges/sentiment-classifier-prod.svg").doesNotContain("/releases.json");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void showsHostileTextAsText() throws Exception {
        Digest digest = Digest.sha256(HOSTILE.getBytes(StandardCharsets.UTF_8));
        StageEntry entry = new StageEntry("prod", "r/" + HOSTILE, "prod", digest, HOSTILE, Instant.EPOCH,
                "<script>alert(2)</script>", "javascript:alert(3)", new ProvenanceSummary(true, false, null),
                GateOutcome.FAILED, List.of());
        Path hostile = temp.resolve("hostile");
        DashboardWriter.write(new ReleaseModel(Instant.EPOCH, List.of("prod"), List.of(new ModelKitRow("fraud", List.of(entry))),
                List.of(new TimelineEvent(Instant.EPOCH, "fraud", "prod", "promotion", digest, HOSTILE, HOSTILE,
                        "javascript:alert(4)", GateOutcome.FAILED, false))), hostile);

        browser.get(hostile.resolve("index.html").toUri().toString());

        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.findElement(By.cssSelector("td.version")).getText()).isEqualTo(HOSTILE);
        assertThat(browser.findElement(By.cssSelector("td.promoted-by")).getText())
                .isEqualTo("<script>alert(2)</script> (build javascript:alert(3))");
        assertThat(browser.findElements(By.cssSelector("img:not(.badge), a[href^='javascript']"))).isEmpty();
        assertThat(browser.findElements(By.tagName("script"))).hasSize(2);
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-ready")).isEqualTo("true");
        assertBadgesRender(1);
    }

    private static void assertBadgesRender(int count) throws IOException {
        List<WebElement> badges = browser.findElements(By.cssSelector("img.badge"));
        assertThat(badges).hasSize(count);
        for (WebElement badge : badges) {
            @SuppressWarnings("unchecked")
            Map<String, Object> image = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(
                    "return {complete: arguments[0].complete, naturalWidth: arguments[0].naturalWidth,"
                            + " naturalHeight: arguments[0].naturalHeight, src: arguments[0].getAttribute('src')};", badge);
            assertThat(image.get("complete")).as("%s", image).isEqualTo(true);
            assertThat(((Number) image.get("naturalWidth")).intValue()).as("%s", image).isPositive();
            assertThat(((Number) image.get("naturalHeight")).intValue()).as("%s", image).isEqualTo(20);
            if (site != null && Files.exists(site.resolve((String) image.get("src")))) {
                Matcher width = Pattern.compile("<svg [^>]*width=\"(\\d+)\"")
                        .matcher(Files.readString(site.resolve((String) image.get("src"))));
                assertThat(width.find()).isTrue();
                assertThat(((Number) image.get("naturalWidth")).intValue()).isEqualTo(Integer.parseInt(width.group(1)));
            }
        }
    }

    /**
     * Every resource the page loaded came from {@code prefix}: nothing from the network. Chromium keeps no
     * resource timings for file:// pages, so the URLs the page's own elements resolved to count as well.
     */
    private static void assertOnlyLoaded(String prefix) {
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "var urls = performance.getEntriesByType('resource').map(function (e) { return e.name; });"
                        + "document.querySelectorAll('img[src], script[src], link[href]').forEach(function (e) {"
                        + " urls.push(e.src || e.href); });"
                        + "return urls;");
        assertThat(loaded).hasSizeGreaterThanOrEqualTo(5).allSatisfy(url -> assertThat(url).startsWith(prefix));
    }

    private static List<String> cells(List<WebElement> rows, String selector) {
        return rows.stream().map(r -> r.findElement(By.cssSelector(selector)).getText()).toList();
    }

    private static List<String> cells(List<WebElement> cells) {
        return cells.stream().map(WebElement::getText).toList();
    }

    private static String shortDigest(Digest digest) {
        return "sha256:" + digest.hex().substring(0, 12);
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".html") ? "text/html; charset=utf-8"
                : name.endsWith(".css") ? "text/css; charset=utf-8"
                : name.endsWith(".js") ? "text/javascript; charset=utf-8"
                : name.endsWith(".svg") ? "image/svg+xml"
                : name.endsWith(".json") ? "application/json" : "application/octet-stream";
    }
}
