package cn.changdu.labour.e2e;

import cn.changdu.labour.infra.test.TestPeople;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole platform, each service its own JVM on the embedded infrastructure, driven through the gateway.
 * While records are written, the reporting service and the training service are killed (SIGKILL) and
 * restarted: afterwards every indicator is exact, nothing lost and nothing counted twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndIT {

    private static final List<String> COUNTIES = List.of("540302", "540321", "540322", "540330");
    private static final String[] CHANNELS = {"ORGANISED_OUT_OF_REGION", "CONSTRUCTION_PROJECT", "LOCAL_INDUSTRY",
            "SOCIAL_FORCES", "PRIVATE_ENTERPRISE"};
    private static final int TRAINEES = 200;

    private static Platform platform;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        platform = new Platform();
        long started = System.nanoTime();
        platform.startAll();
        System.out.printf("[e2e] platform (infra + 5 services) healthy in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    static void stop() throws IOException {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void three_slices_through_the_gateway_survive_crashes_without_loss_or_double_counting() throws Exception {
        List<String> classIds = COUNTIES.stream().map(county -> id(post("/api/training/classes", """
                {"countyCode":"%s","organiser":"县职业技能培训中心","trade":"电工","plannedSize":100,
                 "startDate":"2020-06-01","endDate":"2020-06-30","occurredAt":"2020-05-20T02:00:00Z"}""".formatted(county)),
                "classId")).toList();
        String projectId = id(post("/api/projects", """
                {"name":"卡若区安置点建设项目","countyCode":"540302","department":"住建局","governmentInvested":true,
                 "plannedWorkforce":300,"occurredAt":"2020-04-01T02:00:00Z"}"""), "projectId");

        // the first trainee, timed from the request to its appearance among the indicators
        long enrolledAt = System.nanoTime();
        enrol(classIds.get(0), 0);
        awaitReport(r -> r.at("/city/traineesEnrolled").asLong() == 1, Duration.ofSeconds(30));
        System.out.printf("[e2e] an enrolment reached the indicators %.2f s after the request%n",
                (System.nanoTime() - enrolledAt) / 1e9);

        AtomicInteger progress = new AtomicInteger(1);
        BigDecimal[] wagesTotal = {BigDecimal.ZERO};
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 1; i < TRAINEES; i++) {
                enrol(classIds.get(i % COUNTIES.size()), i);
                if (i % 4 == 0) {
                    place(i);
                    BigDecimal amount = new BigDecimal("3000.00").add(BigDecimal.valueOf(i, 2));
                    payWage(projectId, i, amount);
                    wagesTotal[0] = wagesTotal[0].add(amount);
                }
                progress.incrementAndGet();
            }
        });
        awaitProgress(progress, 50, writer);
        platform.crashAndRestart("reporting-service");
        awaitProgress(progress, 120, writer);
        platform.crashAndRestart("training-service");
        writer.get();

        int placements = (TRAINEES - 1) / 4;
        JsonNode report = awaitReport(r -> r.at("/city/traineesEnrolled").asLong() >= TRAINEES
                && r.at("/city/workersPlaced").asLong() >= placements
                && r.at("/city/wagePayments").asLong() >= placements
                && r.get("position").findValues("lag").stream().allMatch(l -> l.asLong() == 0), Duration.ofSeconds(120));
        Thread.sleep(3000);
        JsonNode settled = report();
        assertThat(settled.get("city")).as("no late duplicates after the lag reached 0").isEqualTo(report.get("city"));

        JsonNode city = settled.get("city");
        assertThat(city.get("classesFiled").asLong()).isEqualTo(COUNTIES.size());
        assertThat(city.get("traineesEnrolled").asLong()).isEqualTo(TRAINEES);
        assertThat(city.get("peopleTrained").asLong()).isEqualTo(TRAINEES);
        assertThat(city.get("workersPlaced").asLong()).isEqualTo(placements);
        for (String channel : CHANNELS) {
            assertThat(city.at("/placementsByChannel/" + channel).asLong()).as(channel).isEqualTo(placements / CHANNELS.length
                    + (indexOf(channel) < placements % CHANNELS.length ? 1 : 0));
        }
        assertThat(city.get("projectsRegistered").asLong()).isEqualTo(1);
        assertThat(city.get("wagePayments").asLong()).isEqualTo(placements);
        assertThat(new BigDecimal(city.get("wagesPaid").asText())).isEqualTo(wagesTotal[0]);
        // every 2020 placement is long past its 3-month check: employment's deadline fires, reporting opens an alert
        long overdue = -1;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (overdue != placements && System.nanoTime() < deadline) {
            overdue = 0;
            for (JsonNode alert : json.readTree(http.send(HttpRequest.newBuilder(URI.create(platform.gateway()
                    + "/api/reports/alerts?status=OPEN")).build(), HttpResponse.BodyHandlers.ofString()).body())) {
                if (alert.get("kind").asText().equals("verification-overdue") && alert.get("countyCode").asText().equals("540322")) {
                    overdue++;
                }
            }
            Thread.sleep(300);
        }
        assertThat(overdue).as("open 3-month-check alerts").isEqualTo(placements);
        for (JsonNode county : settled.get("counties")) {
            long expected = COUNTIES.contains(county.get("countyCode").asText()) ? TRAINEES / COUNTIES.size() : 0;
            assertThat(county.at("/figures/traineesEnrolled").asLong()).as(county.get("countyName").asText()).isEqualTo(expected);
        }
    }

    /**
     * The dashboard in a real browser: it shows the projected figures, picks up a new event live (server-sent
     * events, no reload), switches to English, lists a refused duplicate-training attempt among the alerts and a
     * project below the local-labour share, fits a 1366×768 office screen and a phone without sideways scrolling,
     * and leaves screenshots in target/screenshots.
     */
    @Test
    @Order(2)
    void the_dashboard_shows_the_figures_updates_live_and_switches_language() throws Exception {
        String classId = id(post("/api/training/classes", """
                {"countyCode":"540324","organiser":"丁青县职业技能培训中心","trade":"唐卡绘画","plannedSize":10,
                 "startDate":"2020-08-01","endDate":"2020-08-30","occurredAt":"2020-07-20T02:00:00Z"}"""), "classId");
        enrolIn2020(classId, 5_000);
        long trained = awaitPeopleTrainedIn2020(n -> n > 0);
        // the same person in the same trade two months later elsewhere: refused, and the attempt is alerted
        String again = id(post("/api/training/classes", """
                {"countyCode":"540325","organiser":"察雅县职业技能培训中心","trade":"唐卡绘画","plannedSize":10,
                 "startDate":"2020-10-12","endDate":"2020-10-30","occurredAt":"2020-09-20T02:00:00Z"}"""), "classId");
        HttpResponse<String> duplicate = post("/api/training/classes/" + again + "/trainees", """
                {"name":"学员5000","residentId":"%s","occurredAt":"2020-09-25T02:00:00Z"}"""
                .formatted(TestPeople.residentId("540324", 5_000)));
        assertThat(duplicate.statusCode()).as(duplicate.body()).isEqualTo(422);
        assertThat(duplicate.body()).contains("no-duplicate-training");
        // a project whose roster has nobody local: its share shows red
        String project = id(post("/api/projects", """
                {"name":"八宿县公路养护项目","countyCode":"540326","department":"交通运输局","governmentInvested":true,
                 "plannedWorkforce":20,"occurredAt":"2020-05-01T02:00:00Z"}"""), "projectId");
        HttpResponse<String> joined = post("/api/projects/" + project + "/roster", """
                {"name":"工人甲","residentId":"%s","localFarmerHerder":"否","trade":"沥青工","wageRate":"6000.00",
                 "joinedOn":"2020-05-10","occurredAt":"2020-05-10T02:00:00Z"}""".formatted(TestPeople.residentId("510104", 7)));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);

        ChromeDriver browser = Browser.start();
        try {
            browser.get(platform.gateway() + "/");
            // the page redraws its cards on every live update: an element read mid-redraw is simply read again
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.ignoring(StaleElementReferenceException.class);
            By card = By.cssSelector("[data-indicator='peopleTrained'] .value");
            wait.until(d -> number(d.findElement(card).getText()) == trained);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("昌都市转移就业工作平台 · 实时指标");
            wait.until(d -> d.findElement(By.id("freshness")).getAttribute("data-state").equals("live"));

            enrolIn2020(classId, 5_001);
            wait.until(d -> number(d.findElement(card).getText()) == trained + 1);

            browser.findElement(By.id("lang")).click();
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Changdu labour-transfer platform · live indicators");
            wait.until(d -> d.findElement(By.cssSelector("[data-indicator='peopleTrained'] .label")).getText().equals("People trained"));
            assertThat(browser.findElements(By.cssSelector("#counties tr[data-area]"))).hasSize(11);
            wait.until(d -> !d.findElements(By.cssSelector("#alerts tr[data-alert^='duplicate-training:']")).isEmpty());
            wait.until(d -> d.findElement(By.cssSelector("#projects tr[data-project='" + project + "']"))
                    .getAttribute("data-below").equals("true"));

            Path screenshots = Path.of("target/screenshots");
            Files.createDirectories(screenshots);
            Files.write(screenshots.resolve("dashboard-en.png"), browser.getScreenshotAs(OutputType.BYTES));
            browser.findElement(By.id("lang")).click();
            Files.write(screenshots.resolve("dashboard-zh.png"), browser.getScreenshotAs(OutputType.BYTES));
            // the page itself never scrolls sideways: wide tables scroll inside their own frame
            for (Dimension screen : List.of(new Dimension(1366, 768), new Dimension(390, 844))) {
                browser.manage().window().setSize(screen);
                wait.until(d -> d.findElement(card).isDisplayed());
                Number pageWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
                Number viewport = (Number) browser.executeScript("return window.innerWidth;");
                assertThat(pageWidth.intValue()).as("page width at %s", screen).isLessThanOrEqualTo(viewport.intValue());
                Files.write(screenshots.resolve("dashboard-zh-" + screen.getWidth() + "x" + screen.getHeight() + ".png"),
                        browser.getScreenshotAs(OutputType.BYTES));
            }
        } finally {
            browser.quit();
        }
    }

    private void enrolIn2020(String classId, int person) {
        postUntilDone("/api/training/classes/" + classId + "/trainees", """
                {"name":"学员%d","residentId":"%s","occurredAt":"2020-08-01T02:00:00Z"}""".formatted(person,
                TestPeople.residentId("540324", person)), "trainee-enrolled-once-per-class");
    }

    /** People trained in the plan year 2020, as the dashboard shows them. */
    private long awaitPeopleTrainedIn2020(java.util.function.LongPredicate done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long value = -1;
        while (System.nanoTime() < deadline) {
            JsonNode view = json.readTree(http.send(HttpRequest.newBuilder(URI.create(platform.gateway()
                    + "/api/reports/dashboard?year=2020")).build(), HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode indicator : view.get("city")) {
                if (indicator.get("id").asText().equals("peopleTrained")) {
                    value = indicator.get("value").asLong();
                }
            }
            if (done.test(value)) {
                return value;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("people trained in 2020 stayed at " + value);
    }

    private static long number(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }

    private void enrol(String classId, int person) {
        postUntilDone("/api/training/classes/" + classId + "/trainees", """
                {"name":"学员%d","residentId":"%s","township":"城关镇"}""".formatted(person,
                TestPeople.residentId(COUNTIES.get(person % COUNTIES.size()), person)), "trainee-enrolled-once-per-class");
    }

    private void place(int person) {
        int n = person / 4 - 1;
        postUntilDone("/api/employment/placements", """
                {"name":"工人%d","residentId":"%s","countyCode":"540322","channel":"%s","destination":"IN_TIBET",
                 "employer":"某企业","startDate":"2020-07-01","expectedMonthlyIncome":"4000.00"}"""
                .formatted(person, TestPeople.residentId("540322", 100_000 + person), CHANNELS[n % CHANNELS.length]),
                "one-active-placement-per-person");
    }

    private void payWage(String projectId, int person, BigDecimal amount) {
        // not retried on an ambiguous failure: project-labor is not restarted in this test
        HttpResponse<String> response = post("/api/projects/" + projectId + "/wages", """
                {"name":"工人%d","residentId":"%s","period":"2020-06","amount":"%s","paidOn":"2020-07-05"}"""
                .formatted(person, TestPeople.residentId("540302", 200_000 + person), amount.toPlainString()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /**
     * Retries while the service is down (5xx from the gateway, or no connection). A retry of a request that did
     * commit before the crash is refused by the aggregate's own rule, which then means "already done".
     */
    private void postUntilDone(String path, String body, String alreadyDoneRule) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = send(path, body);
                if (response.statusCode() == 201
                        || (response.statusCode() == 422 && response.body().contains(alreadyDoneRule))) {
                    return;
                }
                if (response.statusCode() < 500) {
                    throw new AssertionError(path + " → " + response.statusCode() + " " + response.body());
                }
            } catch (IOException down) {
                // the gateway itself is never restarted, but keep going on a dropped connection
            }
            sleep(200);
        }
        throw new AssertionError(path + " did not succeed in time");
    }

    private HttpResponse<String> post(String path, String body) {
        try {
            return send(path, body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> send(String path, String body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.gateway() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Actor-Id", "e2e")
                .header("X-Actor-Department", URLEncoder.encode("市人社局", StandardCharsets.UTF_8))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private String id(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        try {
            return json.readTree(response.body()).get(field).asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private JsonNode report() throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create(platform.gateway() + "/api/reports/indicators"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode awaitReport(Predicate<JsonNode> done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode report = null;
        while (System.nanoTime() < deadline) {
            try {
                report = report();
                if (report.has("city") && done.test(report)) {
                    return report;
                }
            } catch (IOException notNow) {
                // reporting-service restarting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("indicators did not reach the expected state in " + timeout + ": " + report);
    }

    private static void awaitProgress(AtomicInteger progress, int atLeast, CompletableFuture<?> writer) {
        while (progress.get() < atLeast && !writer.isDone()) {
            sleep(50);
        }
    }

    private static int indexOf(String channel) {
        return List.of(CHANNELS).indexOf(channel);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
