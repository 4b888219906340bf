package io.replywatch.config;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${VAR}} and {@code ${VAR:-default}} in config values, so tokens and webhook URLs live in the
 * environment, never in the file. A missing variable without a default is an error naming the variable (not
 * its value: values are secrets).
 */
public final class EnvSubstitution {
  private static final Pattern REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  private final Function<String, String> env;

  public EnvSubstitution(Function<String, String> env) {
    this.env = env;
  }

  public static EnvSubstitution of(Map<String, String> env) {
    return new EnvSubstitution(env::get);
  }

  /**
   * @param path the key path, for the error message
   * @throws IllegalArgumentException naming the unset variable
   */
  public String apply(String value, String path) {
    Matcher m = REF.matcher(value);
    StringBuilder out = new StringBuilder();
    int end = 0;
    while (m.find()) {
      refuseBrokenReference(value.substring(end, m.start()), path);
      end = m.end();
      String name = m.group(1);
      String v = env.apply(name);
      if (v == null || v.isEmpty()) {
        if (m.group(2) == null) {
          throw new Unset(name, path, path + ": environment variable " + name + (v == null ? " is not set"
              : " is set but empty") + " (use ${" + name + ":-default} for a default)");
        }
        v = m.group(2);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    refuseBrokenReference(value.substring(end), path);
    m.appendTail(out);
    return out.toString();
  }

  /** A "${" that starts no reference is a typo ("${X_TOKEN" without its "}"), not a token to send as it is. */
  private static void refuseBrokenReference(String literal, String path) {
    if (literal.contains("${")) {
      throw new IllegalArgumentException(path + ": '${' without a valid ${VAR} or ${VAR:-default} after it (a missing"
          + " '}', or a name that is not letters, digits and _)");
    }
  }

  /** A variable without a default that is not set, or set but empty, at a key path. */
  static final class Unset extends IllegalArgumentException {
    final String name;
    final String path;

    Unset(String name, String path, String message) {
      super(message);
      this.name = name;
      this.path = path;
    }
  }

  /** Whether a raw value refers to the environment, so the loader knows it may hold a secret. */
  public static boolean refersToEnv(String value) {
    return REF.matcher(value).find();
  }
}
