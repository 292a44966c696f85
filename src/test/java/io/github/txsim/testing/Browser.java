package io.github.txsim.testing;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.htmlunit.BrowserVersion;
import org.htmlunit.HttpMethod;
import org.htmlunit.ScriptException;
import org.htmlunit.StringWebResponse;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.cssparser.parser.CSSErrorHandler;
import org.htmlunit.cssparser.parser.CSSParseException;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.javascript.JavaScriptErrorListener;
import org.htmlunit.util.WebConnectionWrapper;

/**
 * A headless browser (HtmlUnit) that opens a page file as if it were served from an address of its own, with
 * scripts, style sheets and images enabled, and notes every request the page makes beyond its own (answered 404),
 * every script error and every CSS error.
 */
public final class Browser implements AutoCloseable {

    private static final String PAGE_ADDRESS = "http://report.invalid/page.html";

    private final WebClient client = new WebClient(BrowserVersion.FIREFOX);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();

    public Browser() {
        client.getOptions().setJavaScriptEnabled(true);
        client.getOptions().setCssEnabled(true);
        client.getOptions().setDownloadImages(true);
        client.getOptions().setThrowExceptionOnScriptError(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        client.setJavaScriptErrorListener(new JavaScriptErrorListener() {
            @Override
            public void scriptException(HtmlPage page, ScriptException e) {
                errors.add("script: " + e.getMessage());
            }

            @Override
            public void timeoutError(HtmlPage page, long allowed, long executed) {
                errors.add("script timeout");
            }

            @Override
            public void malformedScriptURL(HtmlPage page, String url, MalformedURLException e) {
                errors.add("script URL: " + url);
            }

            @Override
            public void loadScriptError(HtmlPage page, URL url, Exception e) {
                errors.add("script load: " + url);
            }

            @Override
            public void warn(String message, String source, int line, String lineSource, int offset) {
                errors.add("script warning: " + message);
            }
        });
        client.setCssErrorHandler(new CSSErrorHandler() {
            @Override
            public void warning(CSSParseException e) {
            }

            @Override
            public void error(CSSParseException e) {
                errors.add("css: " + e.getMessage());
            }

            @Override
            public void fatalError(CSSParseException e) {
                errors.add("css: " + e.getMessage());
            }
        });
    }

    /** Opens the page; {@link #requests()} and {@link #errors()} then tell what it did. */
    public HtmlPage open(Path file) throws IOException {
        String html = Files.readString(file, StandardCharsets.UTF_8);
        new WebConnectionWrapper(client) {
            @Override
            public WebResponse getResponse(WebRequest request) throws IOException {
                if (request.getUrl().toString().equals(PAGE_ADDRESS) && request.getHttpMethod() == HttpMethod.GET) {
                    return new StringWebResponse(html, StandardCharsets.UTF_8, request.getUrl());
                }
                requests.add(request.getHttpMethod() + " " + request.getUrl());
                return new StringWebResponse("", request.getUrl()) {
                    @Override
                    public int getStatusCode() {
                        return 404;
                    }
                };
            }
        };
        HtmlPage page = client.getPage(PAGE_ADDRESS);
        client.waitForBackgroundJavaScript(1_000);
        return page;
    }

    /** The requests the page made beyond loading itself. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Script errors and CSS errors. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void close() {
        client.close();
    }
}
