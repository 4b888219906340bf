package io.replywatch.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Checks the config's URLs as the HTTP clients will use them, so that a bad one fails check-config instead of
 * every poll or the start of {@code run}. A problem is described, never quoted: a
 * webhook URL is a secret.
 */
final class Urls {
  private Urls() {}

  /** What keeps {@code url} from being an absolute http(s) URL with a host ("space in host"), if anything. */
  static Optional<String> problem(String url) {
    if (url.isEmpty()) {
      return Optional.of("empty");
    }
    for (int i = 0; i < url.length(); i++) {
      if (Character.isWhitespace(url.charAt(i))) {
        return Optional.of(whitespace(url, i));
      }
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      // The reason never quotes the input; the message does.
      String reason = e.getReason();
      return Optional.of(reason.equals("Expected authority") ? "no host"
          : Character.toLowerCase(reason.charAt(0)) + reason.substring(1));
    }
    // Lower case only, as the prefix check before this had it: an upper-case scheme was never tried on the clients.
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      return Optional.of("not http:// or https://");
    }
    if (uri.getRawAuthority() == null) {
      return Optional.of("no host");
    }
    // java.net.URI leaves the host null when the authority is no server name (exa_mple, :9093, 999.1.1.1)
    return uri.getHost() == null ? Optional.of("no valid host name") : Optional.empty();
  }

  /** Where the first whitespace is: a value pasted into an environment variable often ends with a space. */
  private static String whitespace(String url, int at) {
    String what = url.charAt(at) == ' ' ? "space" : "whitespace";
    if (at == 0) {
      return what + " at the start";
    }
    if (url.substring(at).isBlank()) {
      return what + " at the end";
    }
    int scheme = url.indexOf("://");
    if (scheme < 0 || at < scheme) {
      return what + " in the URL";
    }
    int path = scheme + 3;
    while (path < url.length() && "/?#".indexOf(url.charAt(path)) < 0) {
      path++;
    }
    return what + (at < path ? " in host" : " in path");
  }
}
