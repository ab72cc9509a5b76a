package io.llmops.observability.ui;

import static io.llmops.observability.ui.SampleTraces.supportTrace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}); skipped
 * when they are not installed. Screenshots go to {@code target/screenshots/} for review.
 */
class ViewerBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target/screenshots");

  @TempDir static Path data;
  @TempDir static Path traces;
  private static TraceViewer viewer;
  private static WebDriver browser;
  private static ObjectNode failedTrace;
  private static ObjectNode hostileTrace;
  private static ObjectNode mergedTrace;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "headless Chromium is not installed: apt-get install -y chromium chromium-driver");
    double now = System.currentTimeMillis() / 1000.0;
    for (int i = 0; i < 12; i++) {
      SampleTraces.appendToFileSink(traces, supportTrace(i % 3 == 0 ? "search-docs" : "answer-question",
          "user-" + (i % 4), now - 3600 * (i + 1), i % 2 == 0 ? "gpt-4o-mini" : "claude-3-5-haiku", false));
    }
    failedTrace = supportTrace("checkout", "dana", now - 30, "gpt-4o", true);
    SampleTraces.appendToFileSink(traces, failedTrace);
    hostileTrace = supportTrace(TraceViewerTest.XSS_INPUT, "mallory", now - 10, "gpt-4o", false);
    hostileTrace.put("trace_input", TraceViewerTest.XSS_INPUT);
    ((ObjectNode) hostileTrace.get("spans").get(0)).put("prompt", TraceViewerTest.XSS_INPUT);
    SampleTraces.appendToFileSink(traces, hostileTrace);
    ObjectNode checkout = supportTrace("checkout", "erin", now - 60, "gpt-4o", false);
    mergedTrace = SampleTraces.mergedByProcessor(checkout, SampleTraces.childSegmentUnderTheTool(checkout, "billing"));
    SampleTraces.writeAsProcessor(traces, mergedTrace);
    viewer = TraceViewer.start(UiSettings.local(data, List.of(traces)));
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> viewer.counters().getOrDefault("stored.file", 0L) == 15);

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,900");
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
        options);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (viewer != null) {
      viewer.close();
    }
  }

  @Test
  void theListShowsTheTracesNewestFirstAndFiltersThem() throws Exception {
    browser.get(viewer.url());
    List<WebElement> rows = waitFor(By.cssSelector("tr.trace-row"), 14);
    assertThat(rows.get(1).getText()).contains("checkout").contains("error");
    screenshot("list");

    new Select(browser.findElement(By.id("filter-name"))).selectByVisibleText("search-docs");
    browser.findElement(By.id("apply-filters")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
        driver.findElements(By.cssSelector("tr.trace-row")).size() == 4);
    assertThat(browser.findElements(By.cssSelector("tr.trace-row")))
        .allSatisfy(row -> assertThat(row.getText()).contains("search-docs"));
    screenshot("list-filtered");
  }

  @Test
  void theTextFilterFindsATraceByAWordOfItsPrompt() throws Exception {
    browser.get(viewer.url());
    waitFor(By.cssSelector("tr.trace-row"), 14);

    browser.findElement(By.id("filter-text")).sendKeys("pwned");
    browser.findElement(By.id("apply-filters")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
        driver.findElements(By.cssSelector("tr.trace-row")).size() == 1);
    assertThat(browser.findElement(By.cssSelector("tr.trace-row")).getText()).contains("mallory");
    screenshot("list-text-filter");
  }

  @Test
  void aTraceShowsItsWaterfallWithTheFailedSpanMarkedAndASpansDetails() throws Exception {
    browser.get(viewer.url() + "#/trace/" + failedTrace.get("trace_id").asText());
    List<WebElement> spans = waitFor(By.cssSelector(".span-row"), 4);
    assertThat(spans.get(0).getText()).contains("support-agent");
    assertThat(browser.findElements(By.cssSelector(".span-row.error"))).singleElement()
        .satisfies(row -> assertThat(row.getText()).contains("lookup_account"));

    browser.findElement(By.cssSelector(".span-row[data-span-id='" + failedTrace.get("spans").get(0).get("span_id").asText() + "']")).click();
    WebElement details = browser.findElement(By.id("span-details"));
    assertThat(details.getText()).contains("answer").contains("gpt-4o").containsIgnoringCase("prompt").containsIgnoringCase("tool calls")
        .contains("lookup_account").contains("\"input_tokens\": 120");
    screenshot("trace");
  }

  @Test
  void spansOfAnotherServicesChildSegmentAreBandedAndLabelledWithThatService() throws Exception {
    browser.get(viewer.url() + "#/trace/" + mergedTrace.get("trace_id").asText());
    waitFor(By.cssSelector(".span-row"), 5);

    assertThat(browser.findElements(By.cssSelector(".span-row.from-segment"))).singleElement()
        .satisfies(row -> assertThat(row.getText()).contains("charge-card").contains("↪ billing"));
    browser.findElement(By.cssSelector(".span-row.from-segment")).click();
    assertThat(browser.findElement(By.id("span-details")).getText()).contains("billing");
    screenshot("merged-trace");
  }

  @Test
  void theSpanTreeIsWalkedWithTheKeyboardAndIdsAreCopiedWithAButton() throws Exception {
    browser.get(viewer.url() + "#/trace/" + failedTrace.get("trace_id").asText());
    // Loaded afresh: another test may have left this very trace open with another span selected.
    browser.navigate().refresh();
    // The page selects the first span; a click on the waterfall's heading gives it the keyboard.
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
        driver.findElement(By.id("span-title")).getText().equals("support-agent"));
    browser.findElement(By.cssSelector("#waterfall h2")).click();
    Object focused = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return document.activeElement.id");
    assertThat(focused).isEqualTo("waterfall");
    org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(browser);

    keys.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN).perform();
    assertThat(browser.findElement(By.cssSelector(".span-row.selected")).getText()).contains("answer");
    assertThat(browser.findElement(By.id("span-title")).getText()).isEqualTo("answer");
    keys.sendKeys(org.openqa.selenium.Keys.END).perform();
    assertThat(browser.findElement(By.id("span-title")).getText()).isEqualTo("lookup_account");
    keys.sendKeys("k").perform();
    assertThat(browser.findElement(By.id("span-title")).getText()).isEqualTo("helpfulness");

    WebElement copy = browser.findElement(By.cssSelector("#trace-id button.copy"));
    copy.click();
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> !copy.getText().equals("copy"));
    assertThat(copy.getText()).isEqualTo("copied");
    screenshot("trace-keyboard");
  }

  @Test
  void markupInsideATraceIsShownAsTextAndNeverRuns() throws Exception {
    browser.get(viewer.url() + "#/trace/" + hostileTrace.get("trace_id").asText());
    waitFor(By.cssSelector(".span-row"), 4);
    browser.findElement(By.cssSelector(".span-row[data-span-id='" + hostileTrace.get("spans").get(0).get("span_id").asText() + "']")).click();

    assertThat(browser.findElement(By.id("trace-name")).getText()).isEqualTo(TraceViewerTest.XSS_INPUT);
    assertThat(browser.findElement(By.id("span-details")).getText()).contains(TraceViewerTest.XSS_INPUT);
    assertThat(browser.findElements(By.cssSelector("main img, main script"))).isEmpty();
    assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.pwned === undefined"))
        .isEqualTo(true);
    screenshot("xss-as-text");
  }

  @Test
  void theOverviewDrawsItsChartsWithEveryCategoryInsideItsPanel() throws Exception {
    browser.get(viewer.url() + "#/overview");
    waitFor(By.cssSelector("#charts svg"), 6);
    screenshot("overview");
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, document.body.scrollHeight)");
    screenshot("overview-lower");

    List<String> models = List.of("gpt-4o", "gpt-4o-mini", "claude-3-5-haiku");
    assertThat(labelsInside("Cost by model (US$)")).containsAll(models);
    assertThat(labelsInside("Tokens by model")).containsAll(models);
    assertThat(labelsInside("Latency by trace name (ms)")).contains("checkout", "search-docs", "answer-question");
    assertThat(labelsInside("Error rate by trace name")).contains("checkout", "search-docs", "answer-question");
  }

  /** The texts of a chart that lie wholly inside its panel's chart box, as drawn. */
  @SuppressWarnings("unchecked")
  private static List<String> labelsInside(String title) {
    return (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "const panel = [...document.querySelectorAll('#charts .panel')].find(p => p.querySelector('h2').textContent === arguments[0]);"
            + "const box = panel.querySelector('.chart').getBoundingClientRect();"
            + "return [...panel.querySelectorAll('.chart text')].filter(t => { const r = t.getBoundingClientRect();"
            + "  return r.width > 0 && r.left >= box.left - 1 && r.right <= box.right + 1; }).map(t => t.textContent);",
        title);
  }

  private static List<WebElement> waitFor(By what, int atLeast) {
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.numberOfElementsToBeMoreThan(what, atLeast - 1));
    return browser.findElements(what);
  }

  private static void screenshot(String name) throws Exception {
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.move(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
