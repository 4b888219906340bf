package io.replywatch.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the config's URLs and host names as the HTTP clients and the server will use them, so that a bad one
 * fails check-config instead of every poll or the start of {@code run}. A problem is described, never quoted: a
 * webhook URL is a secret.
 */
final class Urls {
  /** One label of a host name (RFC 1123): letters, digits and inner hyphens, at most 63 characters. */
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

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

  /** {@code host} itself if it is a host name or an IP address (IPv6 without brackets), as a server binds to. */
  static Optional<String> host(String host) {
    return isHost(host) ? Optional.of(host) : Optional.empty();
  }

  private static boolean isHost(String host) {
    if (host.contains(":")) {
      try {
        // URI checks an IPv6 literal's syntax when it is bracketed, without a DNS lookup
        return new URI("http://[" + host + "]/").getHost() != null;
      } catch (URISyntaxException e) {
        return false;
      }
    }
    if (host.matches("[0-9.]+")) {
      return isIpv4(host);
    }
    if (host.length() > 253) {
      return false;
    }
    for (String label : host.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv4(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
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
