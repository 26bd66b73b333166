package dev.regionless.region;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.opentest4j.TestAbortedException;

/**
 * Debian's headless Chromium ({@code /usr/bin/chromium}), driven by playwright-core from Node.js through {@code
 * browser/drive-chromium.mjs}: one JSON command a line each way, so the test decides every step and asserts what the
 * pages show. {@code peers/install-playwright} installs playwright-core; {@code ./regionless test} passes its folder
 * as the {@code regionless.playwright} system property. Without Chromium or playwright-core the test is skipped,
 * except under CI=true, where it fails.
 */
public final class HeadlessBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration COMMAND = Duration.ofSeconds(30);

    /** What a Quack page shows: its connection state (and every state it took), its region and its messages. */
    public record QuackPage(String connection, String region, List<String> connectionLog, List<Message> messages) {
        /** One list item: the region that served it, its text, and the region it was written in. */
        public record Message(String id, String region, String text, String origin) {}

        public Optional<Message> message(String text) {
            return messages.stream().filter(m -> m.text().equals(text)).findFirst();
        }
    }

    private final Process node;
    private final Writer commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Path output;
    private final List<String> pages = new ArrayList<>();
    private int nextId = 1;
    private boolean unresponsive;

    private HeadlessBrowser(Process node, Path output) {
        this.node = node;
        this.output = output;
        this.commands = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);
        Thread.ofVirtual().start(this::readAnswers);
    }

    /**
     * Starts Chromium; screenshots go to {@code output}, and what Node.js and the pages print to {@code
     * output/browser.log}.
     */
    public static HeadlessBrowser start(Path output) {
        var playwright = playwrightFolder();
        if (!Files.isExecutable(CHROMIUM)) {
            throw unavailable(CHROMIUM + " is not installed; apt-get install chromium (.ci/run does)");
        }
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process node;
        try {
            node = new ProcessBuilder(
                            "node",
                            script(output).toString(),
                            playwright.toString(),
                            CHROMIUM.toString(),
                            output.toString())
                    .redirectError(output.resolve("browser.log").toFile())
                    .start();
        } catch (IOException e) {
            throw unavailable("node could not be started (" + e.getMessage() + ")");
        }
        var browser = new HeadlessBrowser(node, output);
        try {
            var ready = browser.answer(STARTUP);
            if (!ready.path("ready").asBoolean()) {
                throw new IllegalStateException("the browser driver answered " + ready + " instead of ready");
            }
        } catch (RuntimeException e) {
            browser.close();
            throw new IllegalStateException("Chromium did not start; see " + output.resolve("browser.log"), e);
        }
        return browser;
    }

    /** Opens {@code url} in a new tab called {@code page}, returning once it has loaded. */
    public void open(String page, URI url) {
        pages.add(page);
        run(request("open", page).put("url", url.toString()));
    }

    /** The tabs opened so far, in order. */
    public List<String> pages() {
        return List.copyOf(pages);
    }

    /** What the Quack page in tab {@code page} shows now. */
    public QuackPage quack(String page) {
        return Json.mapper().convertValue(run(request("quack", page)), QuackPage.class);
    }

    /** Types {@code text} into the page's message box and presses Enter. */
    public void send(String page, String text) {
        run(request("send", page).put("text", text));
    }

    /** Saves a screenshot of the tab as {@code output/file}. */
    public Path screenshot(String page, String file) {
        return Path.of(run(request("screenshot", page).put("file", file)).asText());
    }

    /** Saves screenshots of two tabs next to each other, each under its caption, as {@code output/file}. */
    public Path sideBySide(String left, String leftCaption, String right, String rightCaption, String file) {
        var request = request("sideBySide", null).put("file", file);
        request.putObject("left").put("page", left).put("caption", leftCaption);
        request.putObject("right").put("page", right).put("caption", rightCaption);
        return Path.of(run(request).asText());
    }

    private ObjectNode request(String command, String page) {
        var request = Json.mapper().createObjectNode().put("id", nextId++).put("command", command);
        if (page != null) {
            request.put("page", page);
        }
        return request;
    }

    private JsonNode run(ObjectNode request) {
        if (unresponsive) {
            // Its answer may still come and be taken for the next one's; and every wait would take long again.
            throw new IllegalStateException("the browser driver did not answer an earlier command");
        }
        try {
            commands.write(Json.mapper().writeValueAsString(request) + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the browser driver is gone; see " + output.resolve("browser.log"), e);
        }
        var reply = answer(COMMAND);
        if (reply.path("id").asInt() != request.get("id").asInt()) {
            throw new IllegalStateException("answer " + reply + " to command " + request);
        }
        if (reply.has("error")) {
            throw new IllegalStateException(request.get("command").asText() + " failed: " + reply.get("error"));
        }
        return reply.get("value");
    }

    private JsonNode answer(Duration timeout) {
        try {
            var line = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                unresponsive = true;
                throw new IllegalStateException("no answer from the browser driver in " + timeout
                        + (node.isAlive() ? "" : " (it exited with " + node.exitValue() + ")"));
            }
            return Json.mapper().readTree(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the browser", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readAnswers() {
        try (var reader = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                answers.add(line);
            }
        } catch (IOException e) {
            // The driver was stopped; a command waiting for an answer times out and says so.
        }
    }

    /**
     * Stops Node.js and Chromium: closing standard input lets the driver close the browser; whatever still runs
     * after five seconds (Chromium's own processes included) is killed.
     */
    @Override
    public void close() {
        var processes = node.descendants().toList();
        try {
            commands.close();
        } catch (IOException e) {
            // Already gone.
        }
        try {
            node.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            processes.forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly();
        }
    }

    private static Path playwrightFolder() {
        var folder = System.getProperty("regionless.playwright");
        var module = folder == null ? null : Path.of(folder, "node_modules", "playwright-core", "package.json");
        if (module == null || !Files.isRegularFile(module)) {
            throw unavailable("playwright-core is not installed at " + folder
                    + " (system property regionless.playwright); run peers/install-playwright (./regionless test"
                    + " does)");
        }
        return Path.of(folder).toAbsolutePath();
    }

    /**
     * The driver script, copied out of the classpath into {@code output}: other modules' tests load this class from
     * region's test jar, where the script is no file of its own.
     */
    private static Path script(Path output) {
        try (var script = HeadlessBrowser.class.getResourceAsStream("/browser/drive-chromium.mjs")) {
            if (script == null) {
                throw new IllegalStateException("browser/drive-chromium.mjs is not on the test classpath");
            }
            var copy = output.resolve("drive-chromium.mjs");
            Files.copy(script, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Outside CI a missing browser skips the test; under CI=true it fails it. */
    private static RuntimeException unavailable(String why) {
        if ("true".equals(System.getenv("CI"))) {
            return new IllegalStateException(why);
        }
        return new TestAbortedException(why + "; the browser test is skipped");
    }
}
