package io.flotilla.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app in a real browser (headless Chromium) against the system as the launcher starts it:
 * every click goes through the gateway to the real services. Screenshots of each test's last state
 * land in target/screenshots.
 */
class WebAppIT {

  private static LaunchedSystem system;
  private static WebDriver browser;

  private WebDriverWait wait;

  @BeforeAll
  static void startTheSystemAndABrowser() throws Exception {
    assumeTrue(Browser.available(), Browser.MISSING);
    system = LaunchedSystem.start();
    browser = Browser.start(1280, 1000);
  }

  @AfterAll
  static void stopThem() {
    if (browser != null) {
      browser.quit();
    }
    if (system != null) {
      system.close();
    }
  }

  @BeforeEach
  void freshTab() {
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    // A page redraws its list when its data arrives (after a post, say): an element found just
    // before is gone, and the wait looks again instead of failing.
    wait.ignoring(StaleElementReferenceException.class);
    browser.manage().window().setSize(new Dimension(1280, 1000));
    open("/");
    // Each test starts signed out, on a freshly loaded page.
    ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
    browser.navigate().refresh();
  }

  @AfterEach
  void screenshot(TestInfo test) throws Exception {
    Browser.screenshot(browser, test.getTestMethod().orElseThrow().getName());
  }

  @Test
  void homePageShowsEverySystemUp() {
    open("/");

    wait.until(driver ->
        driver.findElements(By.cssSelector(".badge.up")).size() == 4
            || !driver.findElements(By.cssSelector(".badge.down")).isEmpty());
    assertThat(texts(By.cssSelector(".card h2")))
        .containsExactly("Microblog", "Math", "Menus", "Inventory");
    assertThat(texts(By.cssSelector(".badge"))).containsOnly("Up");
    assertThat(browser.findElement(By.linkText("Inventory")).getAttribute("href"))
        .endsWith("/portal/");
  }

  @Test
  void mathShowsFactorialOf25Exactly() {
    compute("factorial", "25");

    WebElement value =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("math-value")));
    assertThat(value.getText()).isEqualTo("15511210043330985984000000");
    assertThat(element(By.cssSelector(".result .meta")).getText()).startsWith("26 digits");
  }

  @Test
  void mathShowsTheApisMessageForBadInput() {
    compute("fibonacci", "-1");

    assertThat(messageOf(By.cssSelector("form .message.error")))
        .isEqualTo("n must not be negative: an integer from 0 to 1000000, got -1");
  }

  @Test
  void menusListThe13RestaurantsByRegionAndShowADishesPage() {
    open("/#/menus");

    wait.until(driver -> driver.findElements(By.cssSelector(".restaurants li")).size() == 13);
    assertThat(texts(By.cssSelector(".region h2"))).containsExactly("Solna", "Uppsala");

    element(By.linkText("Sven Dufva")).click();
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Sven Dufva"));
    assertThat(
            browser.findElements(By.cssSelector(".dishes li")).size()
                + browser.findElements(By.cssSelector(".message.info")).size())
        .as("dishes, or the no-menu-today note at a weekend")
        .isPositive();
  }

  @Test
  void signUpLogInPostFindEditDelete() {
    String user = "web_" + Long.toString(System.nanoTime(), 36);
    String text = "Tried the new bakery " + user;

    // Sign up (which logs in), and the header shows who is signed in.
    signUp(user);

    // Log out and in again with the keyboard alone.
    element(By.xpath("//button[text()='Log out']")).click();
    open("/#/microblog/login");
    type(By.id("login-username"), user);
    element(By.id("login-password")).sendKeys("correct horse", Keys.ENTER);
    wait.until(ExpectedConditions.textToBe(By.cssSelector("#session a"), "@" + user));

    // Post with a tag; it leads the public timeline.
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("post-text"))).sendKeys(text);
    new Select(element(By.id("post-tag"))).selectByVisibleText("music");
    element(By.cssSelector("form.post button[type=submit]")).click();
    WebElement first = firstTweetWithText(text);
    assertThat(first.findElement(By.cssSelector(".tag")).getText()).isEqualTo("#music");

    // Find it by search: search follows tweets through the change feed, a moment behind.
    String keyword = user;
    wait.until(driver -> {
      open("/#/microblog/search?keyword=" + keyword + "&tag=music");
      return new WebDriverWait(driver, Duration.ofSeconds(2))
          .until(d -> d.findElements(By.cssSelector("#search-results .tweet .text"))).stream()
              .anyMatch(found -> found.getText().equals(text));
    });

    // Edit it on the user's own page.
    open("/#/microblog/users/" + user);
    WebElement tweet = firstTweetWithText(text);
    tweet.findElement(By.xpath(".//button[text()='Edit']")).click();
    WebElement edit =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tweet textarea")));
    edit.clear();
    edit.sendKeys("Tried the old bakery " + user);
    element(By.xpath("//button[text()='Save']")).click();
    firstTweetWithText("Tried the old bakery " + user);

    // Delete it: gone from the timeline.
    element(By.xpath("//article[contains(@class,'tweet')]//button[text()='Delete']")).click();
    wait.until(ExpectedConditions.alertIsPresent()).accept();
    wait.until(
        ExpectedConditions.textToBe(By.cssSelector(".tweet .message.info"), "Tweet deleted."));
    open("/#/microblog");
    wait.until(ExpectedConditions.textToBe(By.cssSelector("main h2"), "Public timeline"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tweets")));
    assertThat(texts(By.cssSelector(".tweet .text")))
        .isNotEmpty()
        .doesNotContain("Tried the old bakery " + user);
  }

  @Test
  void userTextIsShownAsTextNeverAsMarkup() {
    String user = "xss_" + Long.toString(System.nanoTime(), 36);
    String attack = "<img src=x onerror=alert(1)> " + user;
    signUp(user);

    element(By.id("post-text")).sendKeys(attack);
    element(By.cssSelector("form.post button[type=submit]")).click();

    WebElement tweet = firstTweetWithText(attack);
    assertThat(tweet.findElements(By.tagName("img"))).isEmpty();
    assertThat(ExpectedConditions.alertIsPresent().apply(browser)).isNull();
  }

  @Test
  void aSearchKeepsWhatWasTypedEvenWithPlusAndAmpersand() {
    open("/#/microblog");
    element(By.id("search-keyword")).sendKeys("c++ & rock/roll 100%", Keys.ENTER);

    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Search"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-results")));
    assertThat(element(By.id("search-keyword")).getDomProperty("value"))
        .isEqualTo("c++ & rock/roll 100%");
  }

  @Test
  void apiErrorsAreShownNextToTheirForm() {
    fillInSignUp("X", "not-an-email", "A", "B", "short");

    String message = messageOf(By.cssSelector("form .message.error"));
    assertThat(message).contains("username", "email", "password");

    open("/#/microblog/login");
    type(By.id("login-username"), "karina");
    element(By.id("login-password")).sendKeys("wrong password", Keys.ENTER);
    assertThat(messageOf(By.cssSelector("form .message.error"))).isNotBlank();
  }

  @Test
  void fitsAPhoneScreen() {
    browser.manage().window().setSize(new Dimension(390, 844));
    open("/#/microblog");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tweets")));

    Long overflow =
        (Long)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertThat(overflow).as("horizontal overflow in px").isLessThanOrEqualTo(0L);
    assertThat(element(By.linkText("Math")).isDisplayed()).isTrue();
  }

  @Test
  void swaggerUiListsEveryPublicApi() {
    open("/swagger-ui.html");

    WebElement definitions =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".topbar select")));
    assertThat(new Select(definitions).getOptions())
        .extracting(WebElement::getText)
        .containsExactlyInAnyOrder("gateway", "math", "menu", "search", "tweets", "users");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".info .title"), "math"));
  }

  // ---- helpers ----

  private void open(String path) {
    browser.get(system.gatewayUrl() + path);
  }

  /** Signs up (which signs in) and waits for the timeline with its post form. */
  private void signUp(String user) {
    fillInSignUp(user, user + "@example.com", "Web", "Tester", "correct horse");
    wait.until(ExpectedConditions.textToBe(By.cssSelector("#session a"), "@" + user));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("post-text")));
  }

  private void fillInSignUp(
      String username, String email, String firstName, String lastName, String password) {
    open("/#/microblog/signup");
    type(By.id("signup-username"), username);
    type(By.id("signup-email"), email);
    type(By.id("signup-first-name"), firstName);
    type(By.id("signup-last-name"), lastName);
    type(By.id("signup-password"), password);
    element(By.cssSelector("button[type=submit]")).click();
  }

  /** Asks the math page for one function of n, with the keyboard's Enter. */
  private void compute(String algo, String n) {
    open("/#/math");
    new Select(element(By.id("math-algo"))).selectByValue(algo);
    type(By.id("math-n"), n);
    element(By.id("math-n")).sendKeys(Keys.ENTER);
  }

  private WebElement firstTweetWithText(String text) {
    return wait.until(driver ->
        driver.findElements(By.cssSelector(".tweet")).stream()
            .filter(tweet ->
                tweet.findElements(By.cssSelector(".text")).stream()
                    .anyMatch(p -> p.getText().equals(text)))
            .findFirst()
            .orElse(null));
  }

  private String messageOf(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator)).getText();
  }

  private void type(By locator, String text) {
    WebElement input = element(locator);
    input.clear();
    input.sendKeys(text);
  }

  private WebElement element(By locator) {
    return wait.until(ExpectedConditions.elementToBeClickable(locator));
  }

  private List<String> texts(By locator) {
    return browser.findElements(locator).stream().map(WebElement::getText).toList();
  }
}
